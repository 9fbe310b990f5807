#pragma once
// How far long work has got, for a progress display: the work is a series of phases, one after
// another (reading a file, checking it, each analysis, each diagram), and each says how much of
// it is done when that is known. The command line draws them on stderr (README.md,
// "Progress"); a program embedding the library can draw them its own way.
#include <cstdint>
#include <exception>
#include <string_view>

namespace clearpath {

// What a phase counts: bytes are shown as MB and MB/s, runs and items as numbers.
enum class ProgressUnit : std::uint8_t { none, bytes, items, runs };

class ProgressObserver {
 public:
  virtual ~ProgressObserver() = default;
  // A phase starts; the previous one has ended.
  virtual void begin(std::string_view phase, ProgressUnit unit) = 0;
  // `done` of `total` (0: the total is not known). Called from one thread at a time (not always
  // the one that began the phase: a simulation reports from its first worker).
  virtual void advance(std::uint64_t done, std::uint64_t total) = 0;
  // The phase has ended: `completed`, or cut short by an exception.
  virtual void end(bool completed) = 0;
};

// One phase for the length of a scope; no calls without an observer.
class ProgressPhase {
 public:
  ProgressPhase(ProgressObserver* observer, std::string_view phase, ProgressUnit unit = ProgressUnit::none)
      : observer_(observer), exceptions_(std::uncaught_exceptions()) {
    if (observer_) observer_->begin(phase, unit);
  }
  ~ProgressPhase() {
    if (observer_) observer_->end(std::uncaught_exceptions() == exceptions_);
  }
  ProgressPhase(const ProgressPhase&) = delete;
  ProgressPhase& operator=(const ProgressPhase&) = delete;

  void advance(std::uint64_t done, std::uint64_t total) {
    if (observer_) observer_->advance(done, total);
  }

 private:
  ProgressObserver* observer_;
  int exceptions_;
};

}  // namespace clearpath
