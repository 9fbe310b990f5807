#pragma once
// Work spread over threads, for the analyses that run independent pieces side by side (the
// Monte Carlo runs, the diff's attribution trials). Private to the library.
#include <exception>
#include <thread>
#include <vector>

namespace clearpath {

// Calls work(t) for t in [0, threads), t = 0 on this thread. An exception in any of them (out
// of memory) is carried out and rethrown here, after every thread has been joined, rather than
// terminating the process.
template <class Work>
void on_threads(unsigned threads, Work&& work) {
  std::vector<std::exception_ptr> failure(threads);
  auto guarded = [&](unsigned t) {
    try {
      work(t);
    } catch (...) {
      failure[t] = std::current_exception();
    }
  };
  {
    std::vector<std::jthread> pool;
    try {
      for (unsigned t = 1; t < threads; ++t) pool.emplace_back(guarded, t);
    } catch (...) {
      failure[0] = std::current_exception();  // could not start a thread: the others still finish
    }
    if (!failure[0]) guarded(0);
  }  // jthreads join here
  for (const std::exception_ptr& f : failure)
    if (f) std::rethrow_exception(f);
}

}  // namespace clearpath
