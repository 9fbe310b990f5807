// `clearpath conflicts`: ranking conflicts, inversions, over-allocation, levelling, skills.
#include <ostream>

#include "clearpath/conflicts.hpp"
#include "cli/commands.hpp"
#include "report/conflicts_report.hpp"

namespace clearpath {

void add_levelling_options(CLI::App* c, LevellingArgs& args) {
  c->add_option("--initiative", args.initiative, "only this initiative's work and what it depends on");
  c->add_option("--effort", args.effort,
                "passes of the levelling's genetic search after the deterministic schedule (default 500; 20000 "
                "gives PSPLIB j120 about 1.4 % above the best known, in about 0.5 s per instance)")
      ->check(CLI::Range(0, 1'000'000));
  c->add_option("--seed", args.seed, "seed of the levelling's search (same seed, same schedule)");
}

ConflictOptions levelling_options(const LevellingArgs& args) {
  ConflictOptions options;
  options.initiative = args.initiative;
  options.level = true;
  options.levelling.effort = args.effort;
  options.levelling.seed = args.seed;
  return options;
}

CLI::App* add_conflicts_command(CLI::App& c, ConflictsArgs& args) {
  c.add_option("file", args.file, "model file (JSON); - reads standard input")->required();
  add_levelling_options(&c, args);
  c.add_option("--top", args.top,
               "departments should rank initiatives they hold critical work on in their top N (default 3)")
      ->check(CLI::Range(1, 1'000'000));
  c.add_option("--near", args.near, "near-critical: total float below this many days (default 5)")
      ->check(CLI::Range(0.0, 1e6));
  c.add_flag("--no-level", args.no_level, "skip the resource-levelled schedule");
  add_report_options(&c, args.format, args.output, args.fail_on);
  c.footer(
      "Examples:\n  clearpath conflicts graphs/churn-model.json\n"
      "  clearpath conflicts graphs/churn-model.json --initiative churn-model --top 2\n"
      "  clearpath conflicts graphs/churn-model.json --format json -o conflicts.json\n\n"
      "Exit status: 0 ok, 1 findings at or above --fail-on (default error: a department ranking low an\n"
      "initiative it holds critical work on, or a critical skills gap), 2 invalid input or usage (also a\n"
      "step that demands more of a person or department than their capacity).");
  return &c;
}

int run_conflicts(Session& s, const ConflictsArgs& args) {
  const OutputFormat format = chosen_format(args.format, args.output, kDocumentFormats, OutputFormat::text);
  LoadResult& r = s.load(args.file, true);
  if (!r.model) return kExitInvalid;
  ConflictOptions options = levelling_options(args);
  options.top = args.top;
  options.near_days = args.near;
  options.level = !args.no_level;
  options.threads = s.io().terminal.threads;
  const ConflictAnalysis analysis = s.in_phase("conflicts", [&] { return analyze_conflicts(*r.model, options); });
  const ConflictReportOptions report{Session::display(args.file), s.out_color(args.output)};
  s.emit(args.output, [&](std::ostream& out) {
    if (format == OutputFormat::json) out << conflicts_json(*r.model, analysis, options, report).dump(2) << "\n";
    else if (format == OutputFormat::markdown) write_conflicts_markdown(out, *r.model, analysis, options, report);
    else print_conflicts_report(out, *r.model, analysis, options, report);
  });
  return exit_for_findings(analysis.findings, args.fail_on);
}

}  // namespace clearpath
