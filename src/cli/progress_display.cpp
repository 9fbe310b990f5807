// ProgressDisplay (progress_display.hpp): the lines, and when they are drawn.
#include "cli/progress_display.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>

namespace clearpath {
namespace {

// Live lines are redrawn at most this often; plain ones inside a phase this often.
constexpr double kRedraw = 0.1, kPlainEvery = 10;

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// In the unit the larger of the two needs: "512 bytes", "12.3 kB", "202.7 MB".
std::string bytes_text(std::uint64_t done, std::uint64_t larger) {
  const double d = static_cast<double>(done);
  if (larger < 1000) return std::to_string(done) + " bytes";
  if (larger < 1000000) return fixed(d / 1e3, 1) + " kB";
  return fixed(d / 1e6, 1) + " MB";
}

// Not for a phase too short or too small to measure.
std::string rate(const PhaseState& p, double elapsed) {
  if (elapsed < 0.05 || p.done < 1000000) return "";
  const double mb_s = static_cast<double>(p.done) / 1e6 / elapsed;
  return ", " + fixed(mb_s, mb_s < 100 ? 1 : 0) + " MB/s";
}

const char* noun(ProgressUnit unit) { return unit == ProgressUnit::runs ? " runs" : ""; }

std::string amount(const PhaseState& p) {
  if (p.unit == ProgressUnit::bytes)
    return p.total ? bytes_text(p.done, p.total) + " of " + bytes_text(p.total, p.total) : bytes_text(p.done, p.done);
  const std::string done = std::to_string(p.done);
  return (p.total ? done + " of " + std::to_string(p.total) : done) + noun(p.unit);
}

}  // namespace

std::string seconds_text(double seconds) {
  if (seconds < 10) return fixed(seconds, 2) + " s";
  if (seconds < 60) return fixed(seconds, 1) + " s";
  const auto whole = static_cast<long long>(std::llround(seconds));
  const std::string s = std::to_string(whole % 60);
  return std::to_string(whole / 60) + " min " + (s.size() < 2 ? "0" : "") + s + " s";
}

std::string running_line(const PhaseState& p, double now) {
  const double elapsed = now - p.started;
  std::string line = "clearpath: " + p.name + ": ";
  if (p.unit == ProgressUnit::none || (p.done == 0 && p.total == 0)) return line + seconds_text(elapsed);
  if (p.total) line += std::to_string(std::min<std::uint64_t>(p.done * 100 / p.total, 100)) + "%, ";
  line += amount(p);
  if (p.unit == ProgressUnit::bytes) line += rate(p, elapsed);
  line += ", " + seconds_text(elapsed);
  // An estimate once there is enough to go on: a hundredth of the work, a third of a second.
  if (p.total && p.done < p.total && p.done * 100 >= p.total && elapsed >= 0.3)
    line += ", about " + seconds_text(elapsed * static_cast<double>(p.total - p.done) / static_cast<double>(p.done)) +
            " left";
  return line;
}

std::string finished_line(const PhaseState& p, double now, bool completed) {
  const double elapsed = now - p.started;
  std::string line = "clearpath: " + p.name + ": ";
  if (!completed) return line + "stopped after " + seconds_text(elapsed);
  if (p.unit == ProgressUnit::none || p.done == 0) return line + seconds_text(elapsed);
  const PhaseState all{p.name, p.unit, p.started, p.done, 0};
  line += amount(all) + " in " + seconds_text(elapsed);
  if (p.unit == ProgressUnit::bytes) line += rate(p, elapsed);
  return line;
}

double ProgressDisplay::steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

ProgressDisplay::ProgressDisplay(std::ostream& err, ProgressMode mode, double show_after, Clock clock)
    : err_(err), mode_(mode), clock_(std::move(clock)), show_at_(clock_() + show_after) {}

void ProgressDisplay::show_now() {
  if (mode_ != ProgressMode::live || shown_) return;
  shown_ = true;
  for (const std::string& line : finished_) err_ << line << '\n';
  finished_.clear();
  if (current_) draw(clock_());
  err_ << std::flush;
}

void ProgressDisplay::show_if_due(double now) {
  if (!shown_ && now >= show_at_) show_now();
}

void ProgressDisplay::draw(double now) {
  last_drawn_ = now;
  err_ << "\r\x1b[K" << running_line(*current_, now) << std::flush;
}

void ProgressDisplay::begin(std::string_view phase, ProgressUnit unit) {
  if (mode_ == ProgressMode::none) return;
  const double now = clock_();
  current_ = PhaseState{std::string(phase), unit, now, 0, 0};
  last_drawn_ = now;
  if (mode_ != ProgressMode::live) return;
  if (shown_) draw(now);
  else show_if_due(now);
}

void ProgressDisplay::advance(std::uint64_t done, std::uint64_t total) {
  if (!current_) return;
  current_->done = done;
  current_->total = total;
  const double now = clock_();
  if (mode_ == ProgressMode::plain) {
    if (now - last_drawn_ >= kPlainEvery) {
      last_drawn_ = now;
      err_ << running_line(*current_, now) << '\n' << std::flush;
    }
    return;
  }
  if (!shown_) show_if_due(now);
  else if (now - last_drawn_ >= kRedraw) draw(now);
}

void ProgressDisplay::end(bool completed) {
  if (!current_) return;
  const double now = clock_();
  const std::string line = finished_line(*current_, now, completed);
  current_.reset();
  if (mode_ == ProgressMode::plain) {
    err_ << line << '\n' << std::flush;
  } else if (shown_) {
    err_ << "\r\x1b[K" << line << '\n' << std::flush;
  } else {
    finished_.push_back(line);
    show_if_due(now);
  }
}

}  // namespace clearpath
