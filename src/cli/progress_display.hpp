#pragma once
// The progress of a command on stderr, phase by phase: live (one line redrawn in place while a
// phase runs, kept with its time when it ends; on a terminal, once the command has run a
// second) or plain (one line as each phase ends, and every ten seconds inside a long one: for
// logs). See README.md, "Progress".
#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "clearpath/progress.hpp"

namespace clearpath {

enum class ProgressMode : std::uint8_t { none, live, plain };

// A phase as the display knows it; times are in seconds of the display's clock.
struct PhaseState {
  std::string name;
  ProgressUnit unit = ProgressUnit::none;
  double started = 0;
  std::uint64_t done = 0, total = 0;  // total 0: not known
};

// "reading big.json: 61%, 123.4 of 202.7 MB, 290 MB/s, about 0.3 s left" while it runs.
std::string running_line(const PhaseState& phase, double now);
// "reading big.json: 202.7 MB in 0.70 s, 290 MB/s" once it has ended ("stopped after" when an
// error cut it short).
std::string finished_line(const PhaseState& phase, double now, bool completed);
// "0.70 s", "12.3 s", "2 min 05 s".
std::string seconds_text(double seconds);

class ProgressDisplay final : public ProgressObserver {
 public:
  using Clock = std::function<double()>;  // seconds, never going back
  static double steady_seconds();

  // Live: nothing is drawn until `show_after` seconds from now (show_now() draws at once).
  ProgressDisplay(std::ostream& err, ProgressMode mode, double show_after, Clock clock = steady_seconds);
  ProgressDisplay(const ProgressDisplay&) = delete;
  ProgressDisplay& operator=(const ProgressDisplay&) = delete;

  // Long work is coming (a large input): live lines from now on, the phases so far included.
  void show_now();

  void begin(std::string_view phase, ProgressUnit unit) override;
  void advance(std::uint64_t done, std::uint64_t total) override;
  void end(bool completed) override;

 private:
  void show_if_due(double now);
  void draw(double now);

  std::ostream& err_;
  const ProgressMode mode_;
  const Clock clock_;
  const double show_at_;
  bool shown_ = false;                 // live: lines are being drawn
  std::vector<std::string> finished_;  // live: lines of phases that ended before that
  std::optional<PhaseState> current_;
  double last_drawn_ = 0;
};

// Forwards to another observer with " <subject>" after each phase's name ("reading" becomes
// "reading big.json"); nothing when that observer is null.
class SubjectPhases final : public ProgressObserver {
 public:
  SubjectPhases(ProgressObserver* to, std::string subject) : to_(to), subject_(std::move(subject)) {}
  ProgressObserver* get() { return to_ ? this : nullptr; }
  void begin(std::string_view phase, ProgressUnit unit) override {
    to_->begin(std::string(phase) + " " + subject_, unit);
  }
  void advance(std::uint64_t done, std::uint64_t total) override { to_->advance(done, total); }
  void end(bool completed) override { to_->end(completed); }

 private:
  ProgressObserver* to_;
  std::string subject_;
};

}  // namespace clearpath
