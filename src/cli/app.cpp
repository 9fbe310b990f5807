// The command line: parses arguments with CLI11 and runs one subcommand. Everything reaches
// the outside through CliIo, so tests run it in-process.
#include <chrono>
#include <algorithm>
#include <iomanip>
#include <istream>
#include <iterator>
#include <ostream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/session.hpp"
#include "cli/cli.hpp"
#include "clearpath/load.hpp"
#include "clearpath/path_analysis.hpp"
#include "clearpath/save.hpp"
#include "clearpath/schema.hpp"
#include "clearpath/stats.hpp"
#include "synthetic/synthetic.hpp"
#include "clearpath/version.hpp"
#include "report/diagnostic_report.hpp"
#include "report/path_report.hpp"
#include "report/stats_report.hpp"

namespace clearpath {
namespace {


int run_validate(Session& s, const std::vector<std::string>& files, const std::string& format) {
  const bool json = format == "json";
  nlohmann::ordered_json report;
  report["valid"] = true;
  report["files"] = nlohmann::ordered_json::array();
  bool all_valid = true;
  for (const std::string& path : files) {
    nlohmann::ordered_json entry;
    entry["file"] = Session::display(path);
    LoadResult r;
    try {
      r = s.load(path, !json);
    } catch (const InputError& e) {
      if (!json) s.io().err << "clearpath: error: " << e.what() << "\n";
      r.diagnostics.error("unreadable", "", "", e.what());
    }
    const bool valid = r.model.has_value();
    all_valid = all_valid && valid;
    entry["valid"] = valid;
    entry.update(diagnostics_json(Session::display(path), r.diagnostics));
    if (valid) {
      const ModelStats st = compute_entity_stats(*r.model);
      entry["name"] = r.model->name;
      entry["counts"] = stats_json(st)["entities"];
      if (!json)
        s.io().out << Session::display(path) << ": valid: " << stats_summary(st)
                   << (r.diagnostics.warning_count() ? ", " + std::to_string(r.diagnostics.warning_count()) +
                                                            " warning(s)"
                                                      : std::string())
                   << "\n";
    } else if (!json) {
      s.io().out << Session::display(path) << ": invalid: " << r.diagnostics.error_count() << " error(s), "
                 << r.diagnostics.warning_count() << " warning(s)\n";
    }
    report["files"].push_back(std::move(entry));
  }
  report["valid"] = all_valid;
  if (json) s.io().out << report.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  return all_valid ? kExitOk : kExitInvalid;
}

int run_stats(Session& s, const std::string& file, const std::string& format, const std::string& output) {
  LoadResult r = s.load(file, true);
  if (!r.model) return kExitInvalid;
  const ModelStats st = compute_stats(*r.model);
  std::ostringstream text;
  if (format == "json") {
    nlohmann::ordered_json j;
    j["file"] = Session::display(file);
    j["name"] = r.model->name;
    j.update(stats_json(st));
    text << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  } else {
    print_stats(text, Session::display(file), r.model->name, st);
  }
  s.emit(output, text.str());
  return kExitOk;
}

struct PathArgs {
  std::string file, initiative, to, estimate = "expected", distribution = "pert-beta", explain;
  std::string format = "text", output, fail_on = "error";
  bool from_scratch = false;
  double near = 5;
  std::size_t simulate = 0;
  std::uint64_t seed = 1;
};

int run_path(Session& s, const PathArgs& args) {
  const bool json = args.format == "json";
  LoadResult r = s.load(args.file, true);
  if (!r.model) {
    if (!r.cycles.empty()) {
      if (json) {
        nlohmann::ordered_json j;
        j["file"] = Session::display(args.file);
        j["cycles"] = cycles_json(r.cycles);
        j.update(diagnostics_json(Session::display(args.file), r.diagnostics));
        s.io().out << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
      } else {
        print_cycles(s.io().out, r.cycles);
      }
    }
    return kExitInvalid;
  }
  PathOptions options;
  options.network.initiative = args.initiative;
  options.network.to = args.to;
  options.network.estimate = *parse_estimate(args.estimate);
  options.network.from_scratch = args.from_scratch;
  options.near_days = args.near;
  options.simulate = args.simulate;
  options.seed = args.seed;
  options.distribution = args.distribution == "triangular" ? Distribution::triangular : Distribution::pert_beta;
  options.threads = s.io().terminal.threads;
  options.progress = s.progress_bar("simulating");
  if (!args.explain.empty()) {
    const std::optional<Ref> x = r.model->find(args.explain);
    if (!x || (r.model->kind(*x) != EntityKind::step && r.model->kind(*x) != EntityKind::approval)) {
      s.io().err << "clearpath: error: --explain: there is no step or approval '" << args.explain << "'\n";
      return kExitInvalid;
    }
  }
  PathAnalysis analysis;
  try {
    analysis = analyze_path(*r.model, options);
  } catch (const ScheduleError& e) {
    s.io().err << "clearpath: error: " << e.what() << "\n";
    return kExitInvalid;
  }
  if (!args.explain.empty()) {
    const std::optional<Ref> x = r.model->find(args.explain);
    if (!x || std::find(analysis.network.activity.begin(), analysis.network.activity.end(), *x) ==
                  analysis.network.activity.end()) {
      s.io().err << "clearpath: error: --explain: '" << args.explain << "' is not a step or approval of this schedule\n";
      return kExitInvalid;
    }
  }
  PathReportOptions report{Session::display(args.file), args.explain, s.io().terminal.out_is_tty && !s.io().terminal.no_color && args.output.empty()};
  s.emit(args.output, [&](std::ostream& out) {
    if (json) write_path_json(out, *r.model, analysis, options, report);
    else print_path_report(out, *r.model, analysis, options, report);
  });
  return exit_for_findings(analysis.findings, args.fail_on);
}

int run_generate(Session& s, const SyntheticOptions& options, const std::string& output) {
  s.emit(output, [&](std::ostream& out) { write_synthetic_model(options, out); });  // streamed
  return kExitOk;
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

Exit status: 0 ok, 1 findings at or above --fail-on, 2 invalid input or usage.
)";

}  // namespace

int run_cli(const std::vector<std::string>& args, CliIo io) {
  CLI::App app{"clearpath: maps what stands between an initiative and production: approvals,\n"
               "departments and legacy systems (see docs/format.md for the file format)."};
  app.name("clearpath");
  app.set_version_flag("--version", "clearpath " + std::string(version()) + " (file format " +
                                        std::to_string(kFormatVersion) + ")");
  app.require_subcommand(1);
  app.footer(kExamples);

  std::vector<std::string> files;
  std::string file, format = "text", output;
  const std::vector<std::string> text_json = {"text", "json"};

  CLI::App* validate = app.add_subcommand("validate", "Check model files and print a summary of each");
  validate->add_option("files", files, "model files (JSON); - reads standard input")->required();
  validate->add_option("--format", format, "text or json")->check(CLI::IsMember(text_json));
  validate->footer(
      "Examples:\n  clearpath validate graphs/churn-model.json\n"
      "  clearpath validate graphs/*.json --format json\n  clearpath validate - < plan.json\n\n"
      "Problems go to stderr as file:line:column: error: /json/pointer: message.\n"
      "Exit status: 0 all valid (warnings allowed), 2 any file invalid.");

  CLI::App* stats = app.add_subcommand("stats", "Counts of a model by entity kind and by relation");
  stats->add_option("file", file, "model file (JSON); - reads standard input")->required();
  stats->add_option("--format", format, "text or json")->check(CLI::IsMember(text_json));
  stats->add_option("-o,--output", output, "write to this file (atomically) instead of stdout");
  stats->footer("Example:\n  clearpath stats graphs/churn-model.json --format json");

  bool report_schema_flag = false;
  CLI::App* schema = app.add_subcommand("schema", "Print the JSON Schema (draft 2020-12) of the file format, or of the analyze report");
  schema->add_option("-o,--output", output, "write to this file (atomically) instead of stdout");
  schema->add_flag("--report", report_schema_flag, "the schema of `clearpath analyze --format json` instead");
  schema->footer(
      "Examples:\n  clearpath schema -o clearpath.schema.json\n"
      "  then add \"$schema\": \"./clearpath.schema.json\" to a model file for editor completion.\n"
      "  clearpath schema --report -o report.schema.json   to check analyze's JSON in a pipeline");

  PathArgs path_args;
  CLI::App* path = app.add_subcommand("path", "Critical path, longest legacy chain, blockers, risk and business case");
  path->add_option("file", path_args.file, "model file (JSON); - reads standard input")->required();
  path->add_option("--initiative", path_args.initiative, "only this initiative's items and what they depend on");
  path->add_option("--to", path_args.to, "the critical path to this step or approval only");
  path->add_option("--estimate", path_args.estimate, "three-point durations: expected (PERT), likely, optimistic, pessimistic")
      ->check(CLI::IsMember({"expected", "likely", "optimistic", "pessimistic"}));
  path->add_flag("--from-scratch", path_args.from_scratch, "full durations, also for done steps and granted approvals");
  path->add_option("--near", path_args.near, "near-critical: total float below this many days (default 5)")
      ->check(CLI::Range(0.0, 1e6));
  path->add_option("--simulate", path_args.simulate, "Monte Carlo runs (e.g. 10000)")->check(CLI::Range(0, 100'000'000));
  path->add_option("--seed", path_args.seed, "seed of the simulation (same seed, same figures)");
  path->add_option("--distribution", path_args.distribution, "pert-beta (default) or triangular")
      ->check(CLI::IsMember({"pert-beta", "triangular"}));
  path->add_option("--explain", path_args.explain, "why is this activity (not) critical?");
  add_report_options(path, path_args.format, path_args.output, path_args.fail_on);
  path->footer(
      "Examples:\n  clearpath path graphs/churn-model.json\n"
      "  clearpath path graphs/churn-model.json --initiative churn-model --simulate 10000 --seed 7\n"
      "  clearpath path graphs/churn-model.json --to security-review --explain billing-extract-test\n"
      "  clearpath path graphs/churn-model.json --format json -o path.json\n\n"
      "One working day of delay costs value_per_month x 12 / 260. Exit status: 0 ok, 1 findings at or\n"
      "above --fail-on (default error: a blocker on the critical path), 2 invalid input or usage.\n"
      "CLEARPATH_THREADS sets the simulation's threads (default: all cores); results do not depend on it.");

  CopilotsArgs copilots_args;
  CLI::App* copilots = add_copilots_command(app, copilots_args);
  ConflictsArgs conflicts_args, level_args;
  CLI::App* conflicts = add_conflicts_command(app, conflicts_args);
  CLI::App* level = add_level_command(app, level_args);
  ImportArgs import_args;
  CLI::App* import = add_import_command(app, import_args);
  RenderArgs render_args;
  CLI::App* render = add_render_command(app, render_args);
  AnalyzeArgs analyze_args;
  CLI::App* analyze = add_analyze_command(app, analyze_args);
  ExportArgs export_args;
  CLI::App* export_cmd = add_export_command(app, export_args);

  SyntheticOptions synthetic;
  std::size_t people = 0;
  CLI::App* generate = app.add_subcommand("generate", "Write a synthetic model (deterministic for a seed)");
  generate->add_option("--steps", synthetic.steps, "number of steps")->check(CLI::Range(1, 50'000'000));
  generate->add_option("--people", people, "number of people (default: steps / 5)")->check(CLI::Range(1, 10'000'000));
  generate->add_option("--seed", synthetic.seed, "random seed");
  generate->add_option("--gates", synthetic.gates, "number of approval gates, organisation-aware (default: 3-5 per initiative)")
      ->check(CLI::Range(0, 10'000'000));
  generate->add_option("--max-approvers", synthetic.max_approvers, "most approvers per gate, organisation-aware gates (default 6)")
      ->check(CLI::Range(1, 1000));
  generate->add_option("-o,--output", output, "write to this file (atomically) instead of stdout");
  generate->footer(
      "Examples:\n  clearpath generate --steps 100000 --seed 42 -o big.json\n"
      "  clearpath generate --people 200000 --steps 20000 --gates 10000 --max-approvers 20 --seed 1 -o org.json");

  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e, io.out, io.err);
    return code == 0 ? kExitOk : kExitInvalid;
  }

  Session session(io);
  try {
    if (*validate) return run_validate(session, files, format);
    if (*stats) return run_stats(session, file, format, output);
    if (*path) return run_path(session, path_args);
    if (*copilots) return run_copilots(session, copilots_args);
    if (*import) return run_import(session, import_args);
    if (*render) return run_render(session, render_args);
    if (*analyze) return run_analyze(session, analyze_args);
    if (*export_cmd) return run_export(session, export_args);
    if (*conflicts) return run_conflicts(session, conflicts_args, false);
    if (*level) return run_conflicts(session, level_args, true);
    if (*schema) {
      session.emit(output, std::string(report_schema_flag ? report_schema() : format_schema()));
      return kExitOk;
    }
    if (*generate) {
      synthetic.people = people ? people : std::max<std::size_t>(1, synthetic.steps / 5);
      return run_generate(session, synthetic, output);
    }
  } catch (const InputError& e) {
    io.err << "clearpath: error: " << e.what() << "\n";
    return kExitInvalid;
  } catch (const std::bad_alloc&) {
    io.err << "clearpath: error: out of memory\n";
    return kExitInvalid;
  } catch (const std::exception& e) {  // a bug, but still a message and a status, not an abort
    io.err << "clearpath: error: " << e.what() << "\n";
    return kExitInvalid;
  }
  return kExitInvalid;
}

}  // namespace clearpath
