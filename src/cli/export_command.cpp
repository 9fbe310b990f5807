// `clearpath export FILE --format json|graphml|dot|mspdi [-o OUT]`: the model for other tools.
#include <algorithm>
#include <string>
#include <vector>

#include "clearpath/export.hpp"
#include "cli/commands.hpp"

namespace clearpath {

namespace {

const std::vector<OutputFormat> kExportOutputFormats = {OutputFormat::json, OutputFormat::graphml, OutputFormat::dot,
                                                        OutputFormat::mspdi};

// What an MSPDI export leaves out of `m` because MSPDI cannot hold it, as phrases for one line
// on stderr (docs/import-mspdi.md lists the same); empty when nothing is lost.
std::vector<std::string> mspdi_losses(const Model& m) {
  std::vector<std::string> out;
  const auto count = [](std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  if (!m.approvals().empty())
    out.push_back(count(m.approvals().size(), "approval's approvers and rule", "approvals' approvers and rules") +
                  " (they become tasks)");
  std::size_t blocked = 0, beyond = 0;
  for (const Step& s : m.steps()) {
    if (s.status == StepStatus::blocked) ++blocked;
    if (s.progress.has_remaining() && s.progress.remaining > s.duration.expected()) ++beyond;
  }
  if (blocked) out.push_back(count(blocked, "blocked status", "blocked statuses"));
  if (beyond)
    out.push_back(count(beyond, "step's work left beyond its duration", "steps' work left beyond their durations"));
  if (!m.systems().empty()) out.push_back(count(m.systems().size(), "system", "systems"));
  if (m.initiatives().size() > 1)
    out.push_back(count(m.initiatives().size(), "initiative", "initiatives") + " (one project)");
  const bool money = std::any_of(m.initiatives().begin(), m.initiatives().end(), [](const Initiative& i) {
    return i.value_per_month != 0 || i.build_cost != 0 || i.run_cost_per_month != 0;
  });
  if (money) out.push_back("the initiatives' value and costs (so no cost of delay)");
  return out;
}

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
  if (format == ExportFormat::mspdi) {
    std::string lost;
    for (const std::string& l : mspdi_losses(*r.model)) lost += (lost.empty() ? "" : ", ") + l;
    if (!lost.empty())
      s.io().err << "clearpath: export: MS Project XML cannot hold, so left out: " << lost
                 << " (docs/import-mspdi.md)\n";
  }
  return kExitOk;
}

}  // namespace clearpath
