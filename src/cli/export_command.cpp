// `clearpath export FILE --format json|graphml|dot|mspdi [-o OUT]`: the model for other tools.
#include "clearpath/export.hpp"
#include "cli/commands.hpp"

namespace clearpath {

namespace {

const std::vector<OutputFormat> kExportOutputFormats = {OutputFormat::json, OutputFormat::graphml, OutputFormat::dot,
                                                        OutputFormat::mspdi};

}  // namespace

CLI::App* add_export_command(CLI::App& command, ExportArgs& args) {
  CLI::App* c = &command;
  c->add_option("file", args.file, "model file (JSON); - reads standard input")->required();
  add_format_option(c, args.format, kExportOutputFormats,
                    "json (normalised model), graphml, dot or mspdi (MS Project XML); required unless -o's extension "
                    "names one (.json, .graphml, .dot or .gv, .xml)");
  c->add_option("-o,--output", args.output, "write to this file (atomically) instead of stdout");
  c->footer(
      "Examples:\n  clearpath export graphs/churn-model.json --format graphml -o churn.graphml\n"
      "  clearpath export graphs/churn-model.json --format json -o churn.normalised.json\n"
      "  clearpath export - --format dot < plan.json | dot -Tsvg -o plan.svg\n"
      "  clearpath export graphs/fraud-rollout.json --format mspdi -o fraud-rollout.xml   open it in MS Project\n\n"
      "json: the model in the file format, entities sorted by id, set-like lists sorted (priorities and rule\n"
      "slots keep their order), defaults omitted; exporting its output again gives the same bytes.\n"
      "graphml: a node per entity (id = the entity id), a directed edge per relation with typed keys; for\n"
      "Gephi, yEd, networkx, and Neo4j: CALL apoc.import.graphml('churn.graphml', {readLabels: true}).\n"
      "dot: a node per entity (kind and name), an edge per relation labelled with it.\n"
      "mspdi: MS Project XML: steps and approvals as tasks (summary tasks from the steps' summary attribute),\n"
      "people and departments as resources, demands as assignments, the calendar; `clearpath import mspdi`\n"
      "reads it back. Approvals, systems, skills and the org chart are not in MSPDI (docs/import-mspdi.md).\n"
      "See docs/export.md. Exit status: 0 written, 2 invalid input (nothing written) or usage.");
  return c;
}

int run_export(Session& s, const ExportArgs& args) {
  const ExportFormat format =
      export_format(chosen_format(args.format, args.output, kExportOutputFormats, std::nullopt));
  const LoadResult& r = s.load(args.file, true);
  if (!r.model) return kExitInvalid;
  s.emit(args.output, [&](std::ostream& out) { write_export(out, *r.model, format); });
  return kExitOk;
}

}  // namespace clearpath
