#pragma once
// What every subcommand shares: reading and loading its input with progress and diagnostics on
// stderr, and writing its output to stdout or atomically to -o FILE.
#include <chrono>
#include <functional>
#include <iomanip>
#include <memory>
#include <ostream>
#include <string>

#include "clearpath/finding.hpp"
#include "clearpath/load.hpp"
#include "clearpath/save.hpp"
#include "cli/cli.hpp"
#include "io/json/load_in_place.hpp"
#include "report/diagnostic_report.hpp"

namespace clearpath {

class Session {
 public:
  explicit Session(CliIo& io) : io_(io) {}

  bool err_color() const { return io_.terminal.err_is_tty && !io_.terminal.no_color; }
  // Colour in a text report: only to a terminal (no -o), unless NO_COLOR.
  bool out_color(const std::string& output) const {
    return io_.terminal.out_is_tty && !io_.terminal.no_color && output.empty();
  }

  std::string read(const std::string& path) {
    if (path == "-") return read_stream(io_.in, "standard input");
    return read_input(path);
  }

  // Loads one file, printing its diagnostics (text mode) on stderr.
  LoadResult load(const std::string& path, bool print) {
    const auto started = std::chrono::steady_clock::now();
    std::string text = read(path);
    const bool progress = io_.terminal.err_is_tty && text.size() > io_.terminal.progress_bytes;
    if (progress)
      io_.err << "clearpath: checking " << display(path) << " (" << (text.size() >> 20) << " MB)..." << std::flush;
    LoadResult r = load_model_in_place(text);
    if (progress) {
      const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
      io_.err << " " << std::fixed << std::setprecision(1) << took.count() << " s\n";
    }
    if (print) print_diagnostics(io_.err, display(path), r.diagnostics, err_color(), text);
    return r;
  }

  static std::string display(const std::string& path) { return path == "-" ? "<stdin>" : path; }

  // Writes to -o FILE atomically, or to stdout.
  void emit(const std::string& output, const std::string& content) {
    emit(output, [&](std::ostream& out) { out << content; });
  }
  void emit(const std::string& output, const std::function<void(std::ostream&)>& write) {
    if (output.empty() || output == "-") write(io_.out);
    else write_file_atomically(output, write);
  }

  CliIo& io() { return io_; }

  // A progress bar on stderr for long work (a simulation): only on a terminal, and only once
  // the work has run for progress_after_ms; empty (no calls) otherwise.
  std::function<void(std::size_t, std::size_t)> progress_bar(std::string what) {
    if (!io_.terminal.err_is_tty) return {};
    struct State {
      std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now(), last = started;
      bool shown = false;
    };
    auto state = std::make_shared<State>();
    return [this, state, what = std::move(what)](std::size_t done, std::size_t total) {
      const auto now = std::chrono::steady_clock::now();
      const auto after = std::chrono::milliseconds(io_.terminal.progress_after_ms);
      if (done < total &&
          (now - state->started < after || (state->shown && now - state->last < std::chrono::milliseconds(200))))
        return;
      if (done == total && !state->shown) return;
      state->last = now;
      state->shown = true;
      const std::size_t width = 40, filled = total ? done * width / total : width;
      io_.err << "\r" << what << " [" << std::string(filled, '#') << std::string(width - filled, ' ') << "] " << done
              << "/" << total << (done == total ? "\n" : "") << std::flush;
    };
  }

 private:
  CliIo& io_;
};

// The exit status for findings under --fail-on error|warning|never.
inline int exit_for_findings(const std::vector<Finding>& findings, const std::string& fail_on) {
  if (fail_on == "never") return kExitOk;
  const Severity threshold = *parse_severity(fail_on);
  for (const Finding& f : findings)
    if (f.severity >= threshold) return kExitFindings;
  return kExitOk;
}

}  // namespace clearpath
