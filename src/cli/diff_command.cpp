// `clearpath diff OLD NEW` (or `clearpath diff --git REV FILE`): what changed between two
// versions of a plan, and whether it moves the date (docs/diff.md).
#include <cerrno>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include "clearpath/diff.hpp"
#include "cli/commands.hpp"
#include "report/diff_report.hpp"

namespace clearpath {

namespace {

const std::vector<OutputFormat> kDiffFormats = {OutputFormat::text, OutputFormat::json, OutputFormat::markdown,
                                                OutputFormat::html};

// What --fail-on asks: slip:N (an initiative later by more than N working days), new-error.
struct FailOn {
  std::optional<double> slip;
  bool new_error = false;
};

std::optional<FailOn> parse_fail_on(Session& s, const std::vector<std::string>& given) {
  FailOn f;
  for (const std::string& g : given) {
    if (g == "new-error") {
      f.new_error = true;
    } else if (g.rfind("slip:", 0) == 0) {
      char* end = nullptr;
      const double days = std::strtod(g.c_str() + 5, &end);
      if (g.size() == 5 || *end != '\0' || !(days >= 0) || days > 1e9) {
        s.io().err << "clearpath: error: --fail-on " << g << ": write slip:N with N working days (e.g. slip:5)\n";
        return std::nullopt;
      }
      f.slip = f.slip ? std::min(*f.slip, days) : days;
    } else {
      s.io().err << "clearpath: error: --fail-on " << g << ": use slip:N (working days) or new-error\n";
      return std::nullopt;
    }
  }
  return f;
}

// The file `path` as revision `rev` of the git repository it is in has it (git show REV:./PATH,
// run in the file's folder); nullopt after saying why.
std::optional<std::string> git_show(Session& s, const std::string& rev, const std::string& path) {
  const std::size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash == 0 ? 1 : slash);
  const std::string spec = rev + ":./" + (slash == std::string::npos ? path : path.substr(slash + 1));
  int out[2], err[2];
  if (pipe(out) != 0 || pipe(err) != 0) {
    s.io().err << "clearpath: error: cannot run git: " << std::strerror(errno) << "\n";
    return std::nullopt;
  }
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out[1], 1);
    dup2(err[1], 2);
    close(out[0]);
    close(err[0]);
    const char* argv[] = {"git", "-C", dir.c_str(), "show", spec.c_str(), nullptr};
    execvp("git", const_cast<char* const*>(argv));
    std::fprintf(stderr, "git is not installed (or not on PATH)\n");
    _exit(127);
  }
  close(out[1]);
  close(err[1]);
  std::string text, message;
  char buf[65536];
  // Standard error is read after standard output: git writes little there, and only on failure.
  for (ssize_t n; (n = read(out[0], buf, sizeof buf)) > 0;) text.append(buf, static_cast<std::size_t>(n));
  for (ssize_t n; (n = read(err[0], buf, sizeof buf)) > 0;) message.append(buf, static_cast<std::size_t>(n));
  close(out[0]);
  close(err[0]);
  int status = 0;
  if (pid < 0 || waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    s.io().err << "clearpath: error: --git " << rev << ": cannot read " << path << " at that revision"
               << (message.empty() ? "" : ": " + message) << "\n";
    return std::nullopt;
  }
  return text;
}

}  // namespace

CLI::App* add_diff_command(CLI::App& command, DiffArgs& args) {
  CLI::App* c = &command;
  c->add_option("files", args.files, "OLD NEW (either may be -), or with --git the one file")
      ->expected(1, -1);  // any count, so that a wrong one is explained below, not by CLI11
  c->add_option("--git", args.git, "read OLD from this git revision of FILE (e.g. HEAD~1, main, origin/main)");
  c->add_option("-o,--output", args.output, "write the report to this file (atomically) instead of stdout");
  add_format_option(c, args.format, kDiffFormats,
                    "text (default), json, md (for a pull-request comment) or html; default from -o's extension");
  c->add_option("--fail-on", args.fail_on,
                "exit 1 when: slip:N (an initiative is later by more than N working days), new-error (a new "
                "error-severity finding); repeatable")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  c->add_option("--float-threshold", args.float_threshold,
                "report a total float that moved by more than this many working days (default 1)")
      ->check(CLI::Range(0.0, 1e9));
  c->add_option("--simulate", args.simulate, "Monte Carlo runs for both versions' P80 (e.g. 10000)")
      ->check(CLI::Range(0, 100'000'000));
  c->add_option("--seed", args.seed, "seed of the simulation (same seed, same figures)");
  c->add_option("--attribution-budget", args.attribution_budget,
                "try each change alone to find what moves a date when there are at most this many changes "
                "(default 200; 0: never)")
      ->check(CLI::Range(0, 1'000'000));
  c->footer(
      "Examples:\n  clearpath diff plan-last-week.json plan.json\n"
      "  clearpath diff --git HEAD~1 plan.json                 against the last commit's version\n"
      "  clearpath diff --git origin/main plan.json --format md -o diff.md --fail-on slip:5 --fail-on new-error\n"
      "                                                        in CI, on a pull request\n\n"
      "Reports, in this order: each initiative's production date before and after (and the slip and\n"
      "its cost), the critical path (activities that entered or left it, floats that moved), findings\n"
      "new, resolved and changed (matched by kind and subjects), and the structure: entities added,\n"
      "removed or changed field by field (JSON pointers), links added or removed. See docs/diff.md.\n"
      "Exit status: 0 (or 1 when a --fail-on condition holds), 2 invalid input or usage.");
  return c;
}

int run_diff(Session& s, const DiffArgs& args) {
  const std::optional<FailOn> fail_on = parse_fail_on(s, args.fail_on);
  if (!fail_on) return kExitInvalid;
  if (args.git.empty() != (args.files.size() == 2)) {
    const std::string given = std::to_string(args.files.size()) + (args.files.size() == 1 ? " file" : " files");
    s.io().err << (args.git.empty() ? "clearpath: error: diff compares two versions: give OLD and NEW (" + given +
                                          " given), or --git REV and one FILE\n"
                                    : "clearpath: error: with --git, give one FILE: its version at " + args.git +
                                          " is OLD, the file is NEW (" + given + " given)\n");
    return kExitInvalid;
  }
  const OutputFormat format = chosen_format(args.format, args.output, kDiffFormats, OutputFormat::text);
  std::string before_name, after_name;
  const Model* before = nullptr;
  const Model* after = nullptr;
  LoadResult git_version;
  if (!args.git.empty()) {
    if (args.files[0] == "-") {
      s.io().err << "clearpath: error: --git reads the old version of a file in a repository, not of standard input\n";
      return kExitInvalid;
    }
    const std::optional<std::string> text = git_show(s, args.git, args.files[0]);
    if (!text) return kExitInvalid;
    before_name = args.git + ":" + args.files[0];
    git_version = load_model(*text);
    print_diagnostics(s.io().err, before_name, git_version.diagnostics, s.err_color(), *text);
    if (!git_version.model) return kExitInvalid;
    before = &*git_version.model;
    after_name = Session::display(args.files[0]);
    const LoadResult& r = s.load(args.files[0], true);
    if (!r.model) return kExitInvalid;
    after = &*r.model;
  } else {
    if (args.files[0] == "-" && args.files[1] == "-") {
      s.io().err << "clearpath: error: only one of OLD and NEW can be standard input\n";
      return kExitInvalid;
    }
    before_name = Session::display(args.files[0]);
    after_name = Session::display(args.files[1]);
    const LoadResult& a = s.load(args.files[0], true);
    const LoadResult& b = s.load(args.files[1], true);
    if (!a.model || !b.model) return kExitInvalid;
    before = &*a.model;
    after = &*b.model;
  }
  DiffOptions options;
  options.float_threshold = args.float_threshold;
  options.simulate = args.simulate;
  options.seed = args.seed;
  options.attribution_budget = args.attribution_budget;
  options.threads = s.io().terminal.threads;
  const PlanDiff d = s.in_phase("comparing", [&] { return diff_plans(*before, *after, options); });
  const bool color = format == OutputFormat::text && s.out_color(args.output);
  s.emit(args.output, [&](std::ostream& out) {
    if (format == OutputFormat::json) return write_diff_json(out, d, before_name, after_name);
    const Document doc = diff_document(d, *after, before_name, after_name);
    if (format == OutputFormat::markdown) write_markdown(out, doc);
    else if (format == OutputFormat::html) write_html(out, doc);
    else write_text(out, doc, color);
  });
  bool fail = fail_on->slip && d.worst_slip > *fail_on->slip;
  if (fail_on->new_error)
    for (const Finding& f : d.findings.added) fail = fail || f.severity == Severity::error;
  return fail ? kExitFindings : kExitOk;
}

}  // namespace clearpath
