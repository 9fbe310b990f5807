// The subcommands, in the order --help lists them, and the top-level app.
#include "cli/command_table.hpp"

#include "clearpath/load.hpp"
#include "clearpath/version.hpp"
#include "cli/commands.hpp"

namespace clearpath {
namespace {

template <class Args, int (*Run)(Session&, const Args&)>
class Bound : public BoundCommand {
 public:
  int run(Session& session) const override { return Run(session, args); }
  Args args;
};

// The binding of add_X_command and run_X, for the table.
template <class Args, CLI::App* (*Add)(CLI::App&, Args&), int (*Run)(Session&, const Args&)>
std::unique_ptr<BoundCommand> bind(CLI::App& command) {
  auto bound = std::make_unique<Bound<Args, Run>>();
  Add(command, bound->args);
  return bound;
}

const char* kExamples = R"(Examples:
  clearpath analyze graphs/churn-model.json -o report.html  the whole picture: summary, findings, diagrams
  clearpath validate graphs/churn-model.json      check a file, print its summary
  clearpath path graphs/churn-model.json          critical path, legacy chain, blockers, risk
  clearpath copilots graphs/churn-model.json      approval gates, missing co-pilots, who they depend on
  clearpath conflicts graphs/churn-model.json     priority conflicts, over-allocation, levelled date, skills
  clearpath validate graphs/*.json --format json  check several, machine-readable
  cat plan.json | clearpath validate -            read standard input
  clearpath stats graphs/churn-model.json         counts by entity kind and relation
  clearpath schema -o clearpath.schema.json       the JSON Schema, for editors
  clearpath export plan.json --format graphml     the model for Gephi, yEd, Neo4j (also json, dot)
  clearpath generate --steps 100000 -o big.json   a synthetic model for scale tests

Exit status: 0 ok, 1 findings at or above --fail-on, 2 invalid input or usage, 3 an internal error (a bug: please report it).
)";

void add_progress_options(CLI::App& command, ProgressArgs& args) {
  command.add_flag("-q,--quiet", args.quiet, "no progress on stderr (errors and warnings still)");
  command
      .add_option("--progress", args.mode,
                  "progress on stderr: auto (a live line per phase on a terminal, for work over a second), "
                  "live, plain (a line as each phase ends: for logs), none")
      ->check(CLI::IsMember({"auto", "live", "plain", "none"}))
      ->default_str("auto");
}

}  // namespace

ProgressMode progress_mode(const ProgressArgs& args, const Terminal& terminal) {
  if (args.quiet || args.mode == "none") return ProgressMode::none;
  if (args.mode == "plain") return ProgressMode::plain;
  if (args.mode == "live" || terminal.err_is_tty) return ProgressMode::live;
  return ProgressMode::none;
}

const std::vector<CommandEntry>& command_table() {
  static const std::vector<CommandEntry> table = {
      {"validate",
       "Check model files and print a summary of each",
       {},
       false,
       bind<ValidateArgs, add_validate_command, run_validate>},
      {"stats",
       "Counts of a model by entity kind and by relation",
       {},
       false,
       bind<StatsArgs, add_stats_command, run_stats>},
      {"schema",
       "Print the JSON Schema (draft 2020-12) of the file format, or of the analyze report",
       {},
       false,
       bind<SchemaArgs, add_schema_command, run_schema>},
      {"path",
       "Critical path, longest legacy chain, blockers, risk and business case",
       {},
       false,
       bind<PathArgs, add_path_command, run_path>},
      {"copilots",
       "Approval gates: missing co-pilots, single points of failure, sign-off load",
       {},
       false,
       bind<CopilotsArgs, add_copilots_command, run_copilots>},
      {"conflicts",
       "Priority conflicts, over-allocated people, the levelled date, skills gaps",
       {},
       false,
       bind<ConflictsArgs, add_conflicts_command, run_conflicts>},
      {"level",
       "The resource-levelled schedule: nobody over capacity, every dependency kept",
       {},
       false,
       bind<LevelArgs, add_level_command, run_level>},
      {"import",
       "Convert another format into a clearpath model (mspdi: MS Project XML; psplib: a PSPLIB .sm instance; hr: an "
       "HR export in CSV)",
       {},
       false,
       bind<ImportArgs, add_import_command, run_import>},
      {"render",
       "Annotated diagrams for sponsors: org, approvals, deps, conflicts, timeline",
       {},
       false,
       bind<RenderArgs, add_render_command, run_render>},
      {"analyze",
       "Everything at once: summary, every analysis, ranked findings, diagrams",
       {"analyse"},
       false,
       bind<AnalyzeArgs, add_analyze_command, run_analyze>},
      {"diff",
       "What changed between two versions of a plan, and whether it moves the date",
       {},
       false,
       bind<DiffArgs, add_diff_command, run_diff>},
      {"export",
       "Write the model as normalised JSON, GraphML, plain DOT or MS Project XML",
       {},
       false,
       bind<ExportArgs, add_export_command, run_export>},
      {"generate",
       "Write a synthetic model (deterministic for a seed)",
       {},
       false,
       bind<GenerateArgs, add_generate_command, run_generate>},
      {"completion",
       "Print the bash, zsh or fish completion script",
       {},
       true,
       bind<CompletionArgs, add_completion_command, run_completion>},
      {"man", "Print the man page clearpath(1), in roff", {}, true, bind<ManArgs, add_man_command, run_man>},
  };
  return table;
}

std::unique_ptr<CommandLine> make_command_line() {
  auto line = std::make_unique<CommandLine>();
  CLI::App& app = line->app;
  app.description(
      "clearpath: maps what stands between an initiative and production: approvals,\n"
      "departments and legacy systems (see docs/format.md for the file format).");
  app.name("clearpath");
  app.set_version_flag("--version",
                       "clearpath " + std::string(version()) + " (file format " + std::to_string(kFormatVersion) + ")");
  app.require_subcommand(1);
  app.footer(kExamples);
  for (const CommandEntry& e : command_table()) {
    CLI::App* command = app.add_subcommand(e.name, e.summary);
    for (const std::string& alias : e.aliases) command->alias(alias);
    if (e.hidden) command->group("");
    line->commands.emplace_back(command, e.bind(*command));
    if (!e.hidden) add_progress_options(*command, line->progress);
  }
  return line;
}

}  // namespace clearpath
