#pragma once
// What every subcommand shares: reading and loading its input with progress and diagnostics on
// stderr, and writing its output to stdout or atomically to -o FILE.
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <sys/stat.h>

#include "clearpath/error.hpp"
#include "clearpath/finding.hpp"
#include "clearpath/load.hpp"
#include "clearpath/save.hpp"
#include "cli/cli.hpp"
#include "cli/progress_display.hpp"
#include "io/json/load_in_place.hpp"
#include "io/mapped_input.hpp"
#include "report/diagnostic_report.hpp"
#include "util/text.hpp"

namespace clearpath {

class Session {
 public:
  explicit Session(CliIo& io) : io_(io) {}
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  // A process about to exit (Terminal::exits_after) leaves the loaded models to the operating
  // system: freeing a million entities one allocation at a time took a tenth of `validate`.
  // Never under AddressSanitizer, whose leak check would report them.
  ~Session() {
#if !defined(__SANITIZE_ADDRESS__)
    if (io_.terminal.exits_after) static_cast<void>(loads_.release());
#endif
  }

  bool err_color() const { return io_.terminal.err_is_tty && !io_.terminal.no_color; }
  // Colour in a text report: only to a terminal (no -o), unless NO_COLOR.
  bool out_color(const std::string& output) const {
    return io_.terminal.out_is_tty && !io_.terminal.no_color && output.empty();
  }

  std::string read(const std::string& path) {
    if (path == "-") return read_stream(io_.in, "standard input");
    inputs_.push_back(path);
    // Opening a named pipe waits until something writes to it, which may be never: say so
    // rather than hang in silence.
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0 && S_ISFIFO(st.st_mode))
      io_.err << "clearpath: " << path << " is a named pipe: waiting for something to write to it (Ctrl-C to stop)\n"
              << std::flush;
    return read_input(path);
  }

  // Loads one file, printing its diagnostics (text mode) on stderr. Phases: reading the file,
  // parsing it, checking the model. The result lives as long as the session (see ~Session).
  LoadResult& load(const std::string& path, bool print) {
    SubjectPhases phases(progress(), display(path));
    // A regular file is mapped (no copy); anything else, or a file that cannot be mapped, read.
    std::optional<MappedInput> mapped;
    std::string read_text;
    if (path != "-") inputs_.push_back(path);
    {
      ProgressPhase reading(phases.get(), "reading", ProgressUnit::bytes);
      if (path != "-") mapped = MappedInput::map(path, kMaxInputBytes);
      if (mapped) MappedInput::exit_on_sigbus(display(path));
      else read_text = read(path);
      const std::size_t size = mapped ? mapped->text().size() : read_text.size();
      reading.advance(size, size);
    }
    const std::string_view text = mapped ? mapped->text() : std::string_view(read_text);
    if (display_ && text.size() > io_.terminal.progress_bytes) display_->show_now();
    LoadResult& r = loads_->emplace_back(load_model_in_place(text, mapped ? mapped->readable() : read_text.capacity(),
                                                             phases.get(), mapped.has_value()));
    if (print) print_diagnostics(io_.err, display(path), r.diagnostics, err_color(), text);
    if (mapped) {
      mapped.reset();
      MappedInput::default_sigbus();
    }
    return r;
  }
  // Frees what load() returned so far (validate, between files).
  void forget_loads() { loads_->clear(); }

  static std::string display(const std::string& path) { return path == "-" ? "<stdin>" : path; }

  // Writes to -o FILE atomically, or to stdout.
  void emit(const std::string& output, const std::string& content) {
    emit(output, [&](std::ostream& out) { out << content; });
  }
  // A phase "writing FILE" (not for a terminal: its line would come between the output's).
  void emit(const std::string& output, const std::function<void(std::ostream&)>& write) {
    const bool to_stdout = output.empty() || output == "-";
    const ProgressPhase writing(to_stdout && io_.terminal.out_is_tty ? nullptr : progress(),
                                "writing " + (to_stdout ? std::string("standard output") : output));
    if (to_stdout) write(io_.out);
    else {
      refuse_overwriting_input(output);
      write_file_atomically(output, write);
    }
  }

  // `path` was read to be updated (import hr --into M -o M): writing it is what was asked.
  void may_replace(const std::string& path) { std::erase(inputs_, path); }

  // Throws when `path` is a file this session read (the same file by another name too): the
  // output would replace the input. Called before anything is written.
  void refuse_overwriting_input(const std::string& path) const {
    for (const std::string& input : inputs_) {
      std::error_code ec;
      if (std::filesystem::equivalent(path, input, ec))
        throw Error("-o " + quote_text(path) + " is the input file" +
                    (path == input ? std::string() : " " + quote_text(input) + " by another name") +
                    ": writing it would replace what was read; give -o another file");
    }
  }

  // f() as a phase of the progress display.
  template <class F>
  decltype(auto) in_phase(std::string_view name, F&& f) {
    const ProgressPhase phase(progress(), name);
    return f();
  }

  CliIo& io() { return io_; }

  // How progress is shown on stderr (none: not at all). Live lines start once the command has
  // run progress_after_ms, or at once for an input over progress_bytes.
  void show_progress(ProgressMode mode) {
    if (mode == ProgressMode::none) display_.reset();
    else display_ = std::make_unique<ProgressDisplay>(io_.err, mode, io_.terminal.progress_after_ms / 1000.0);
  }
  // Null when progress is not shown.
  ProgressObserver* progress() { return display_.get(); }

 private:
  CliIo& io_;
  std::unique_ptr<ProgressDisplay> display_;
  std::unique_ptr<std::deque<LoadResult>> loads_ = std::make_unique<std::deque<LoadResult>>();
  std::vector<std::string> inputs_;  // the files read, for refuse_overwriting_input
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
