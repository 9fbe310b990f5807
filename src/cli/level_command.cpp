// `clearpath level`: the resource-levelled schedule alone (conflicts' levelling, without the rest).
#include <ostream>

#include "clearpath/conflicts.hpp"
#include "cli/commands.hpp"
#include "report/conflicts_report.hpp"

namespace clearpath {

CLI::App* add_level_command(CLI::App& c, LevelArgs& args) {
  c.add_option("file", args.file, "model file (JSON); - reads standard input")->required();
  add_levelling_options(&c, args);
  add_document_options(&c, args.format, args.output);
  c.footer(
      "Examples:\n  clearpath level graphs/churn-model.json\n  clearpath level imported.json --effort 500 --seed 3 "
      "--format json");
  return &c;
}

int run_level(Session& s, const LevelArgs& args) {
  const OutputFormat format = chosen_format(args.format, args.output, kDocumentFormats, OutputFormat::text);
  LoadResult& r = s.load(args.file, true);
  if (!r.model) return kExitInvalid;
  ConflictOptions options = levelling_options(args);
  options.threads = s.io().terminal.threads;
  options.initiative_analyses = false;  // the schedule is all it prints
  const ConflictAnalysis analysis = s.in_phase("levelling", [&] { return analyze_conflicts(*r.model, options); });
  const ConflictReportOptions report{Session::display(args.file), s.out_color(args.output)};
  s.emit(args.output, [&](std::ostream& out) {
    if (format == OutputFormat::json) out << levelled_json(*r.model, analysis, options, report).dump(2) << "\n";
    else if (format == OutputFormat::markdown) write_levelled_markdown(out, *r.model, analysis, report);
    else print_levelled_schedule(out, *r.model, analysis, report);
  });
  return kExitOk;
}

}  // namespace clearpath
