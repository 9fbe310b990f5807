#pragma once
// Two independent pieces of work, on two threads when it pays. Private to the library.
#include <cstddef>
#include <future>
#include <utility>

namespace clearpath {

// From this many activities (steps and approvals) on, a second thread pays for itself in the
// analyses that can use one: below it, starting the thread costs more than it saves.
inline constexpr std::size_t kSecondThreadFrom = 50'000;

// Runs `beside` and `here`: with `parallel`, `beside` on a second thread while `here` runs on
// this one; otherwise `beside` first, then `here`, on this thread. Both have finished when it
// returns, and an exception of either is rethrown (`here`'s first). The two must not write
// anything the other reads.
template <class Beside, class Here>
void run_both(bool parallel, Beside&& beside, Here&& here) {
  if (!parallel) {
    beside();
    here();
    return;
  }
  std::future<void> done = std::async(std::launch::async, std::forward<Beside>(beside));
  try {
    here();
  } catch (...) {
    done.wait();
    throw;
  }
  done.get();
}

}  // namespace clearpath
