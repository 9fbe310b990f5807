// `clearpath copilots`: approval gates, missing co-pilots, single points of failure, sign-off load.
#include <ostream>

#include "clearpath/copilots.hpp"
#include "cli/commands.hpp"
#include "report/copilots_report.hpp"

namespace clearpath {

CLI::App* add_copilots_command(CLI::App& command, CopilotsArgs& args) {
  CLI::App* c = &command;
  c->add_option("file", args.file, "model file (JSON); - reads standard input")->required();
  c->add_option("--initiative", args.initiative, "only this initiative's gates (and the gates its work depends on)");
  c->add_option("--without", args.without, "as if these people (ids, comma-separated) were unavailable")
      ->delimiter(',');
  c->add_flag("--all", args.all, "check granted and denied gates too, not only pending ones");
  c->add_option("--signoff-threshold", args.threshold,
                "more pending gates than this makes a person a bottleneck (default 5)")
      ->check(CLI::Range(0, 1'000'000));
  c->add_option("--suggestions", args.suggestions, "suggested co-pilots per unfilled slot (default 3)")
      ->check(CLI::Range(0, 1000));
  add_report_options(c, args.format, args.output, args.fail_on);
  c->footer(
      "Examples:\n  clearpath copilots graphs/churn-model.json\n"
      "  clearpath copilots graphs/churn-model.json --initiative churn-model --without ciso\n"
      "  clearpath copilots graphs/churn-model.json --all --format json -o copilots.json\n\n"
      "A gate can be granted when its available approvers fill every slot of its rule with different people\n"
      "(distinct departments, independent of each other's reporting chain, if the rule says so).\n"
      "Exit status: 0 ok, 1 findings at or above --fail-on (default error: a gate that cannot be granted or\n"
      "an initiative without a co-pilot), 2 invalid input or usage.");
  return c;
}

int run_copilots(Session& s, const CopilotsArgs& args) {
  const OutputFormat format = chosen_format(args.format, args.output, kDocumentFormats, OutputFormat::text);
  LoadResult& r = s.load(args.file, true);
  if (!r.model) return kExitInvalid;
  CopilotOptions options;
  options.initiative = args.initiative;
  options.without = args.without;
  options.all = args.all;
  options.signoff_threshold = args.threshold;
  options.suggestions = args.suggestions;
  const CopilotAnalysis analysis = s.in_phase("co-pilots", [&] { return analyze_copilots(*r.model, options); });
  const CopilotReportOptions report{Session::display(args.file), s.out_color(args.output)};
  s.emit(args.output, [&](std::ostream& out) {
    if (format == OutputFormat::json) out << copilots_json(*r.model, analysis, options, report).dump(2) << "\n";
    else if (format == OutputFormat::markdown) write_copilots_markdown(out, *r.model, analysis, options, report);
    else print_copilots_report(out, *r.model, analysis, options, report);
  });
  return exit_for_findings(analysis.findings, args.fail_on);
}

}  // namespace clearpath
