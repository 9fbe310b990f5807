// `clearpath path`: critical path, longest legacy chain, blockers, risk and business case.
#include <algorithm>
#include <ostream>

#include <nlohmann/json.hpp>

#include "clearpath/path_analysis.hpp"
#include "cli/commands.hpp"
#include "report/diagnostic_report.hpp"
#include "report/path_report.hpp"

namespace clearpath {
namespace {

// An invalid model: its dependency cycles, if that is why, on stdout (text or JSON).
void print_invalid(Session& s, const PathArgs& args, const LoadResult& r, bool json) {
  if (r.cycles.empty()) return;
  if (!json) {
    print_cycles(s.io().out, r.cycles);
    return;
  }
  nlohmann::ordered_json j;
  j["file"] = Session::display(args.file);
  j["cycles"] = cycles_json(r.cycles);
  j.update(diagnostics_json(Session::display(args.file), r.diagnostics));
  s.io().out << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

PathOptions path_options(Session& s, const PathArgs& args) {
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
  return options;
}

bool is_activity_kind(const Model& m, const std::optional<Ref>& x) {
  return x && (m.kind(*x) == EntityKind::step || m.kind(*x) == EntityKind::approval);
}

}  // namespace

CLI::App* add_path_command(CLI::App& c, PathArgs& args) {
  c.add_option("file", args.file, "model file (JSON); - reads standard input")->required();
  c.add_option("--initiative", args.initiative, "only this initiative's items and what they depend on");
  c.add_option("--to", args.to, "the critical path to this step or approval only");
  c.add_option("--estimate", args.estimate, "three-point durations: expected (PERT), likely, optimistic, pessimistic")
      ->check(CLI::IsMember({"expected", "likely", "optimistic", "pessimistic"}));
  c.add_flag("--from-scratch", args.from_scratch, "full durations, also for done steps and granted approvals");
  c.add_option("--near", args.near, "near-critical: total float below this many days (default 5)")
      ->check(CLI::Range(0.0, 1e6));
  c.add_option("--simulate", args.simulate, "Monte Carlo runs (e.g. 10000)")->check(CLI::Range(0, 100'000'000));
  c.add_option("--seed", args.seed, "seed of the simulation (same seed, same figures)");
  c.add_option("--distribution", args.distribution, "pert-beta (default) or triangular")
      ->check(CLI::IsMember({"pert-beta", "triangular"}));
  c.add_option("--explain", args.explain, "why is this activity (not) critical?");
  add_report_options(&c, args.format, args.output, args.fail_on);
  c.footer(
      "Examples:\n  clearpath path graphs/churn-model.json\n"
      "  clearpath path graphs/churn-model.json --initiative churn-model --simulate 10000 --seed 7\n"
      "  clearpath path graphs/churn-model.json --to security-review --explain billing-extract-spec\n"
      "  clearpath path graphs/churn-model.json --format json -o path.json\n"
      "  clearpath path graphs/churn-model.json --format md -o path.md\n\n"
      "One working day of delay costs value_per_month x 12 / 260. Exit status: 0 ok, 1 findings at or\n"
      "above --fail-on (default error: a blocker on the critical path), 2 invalid input or usage.\n"
      "CLEARPATH_THREADS sets the simulation's threads (default: all cores); results do not depend on it.");
  return &c;
}

int run_path(Session& s, const PathArgs& args) {
  const OutputFormat format = chosen_format(args.format, args.output, kDocumentFormats, OutputFormat::text);
  const bool json = format == OutputFormat::json;
  LoadResult& r = s.load(args.file, true);
  if (!r.model) {
    print_invalid(s, args, r, json);
    return kExitInvalid;
  }
  PathOptions options = path_options(s, args);
  if (!args.explain.empty() && !is_activity_kind(*r.model, r.model->find(args.explain))) {
    s.io().err << "clearpath: error: --explain: there is no step or approval '" << args.explain << "'\n";
    return kExitInvalid;
  }
  const PathAnalysis analysis = [&] {
    ProgressPhase phase(s.progress(), "critical path", args.simulate ? ProgressUnit::runs : ProgressUnit::none);
    options.progress = [&](std::size_t done, std::size_t total) { phase.advance(done, total); };
    PathAnalysis a = analyze_path(*r.model, options);
    options.progress = nullptr;
    return a;
  }();
  if (!args.explain.empty()) {
    const auto& in_schedule = analysis.network.activity;
    if (std::find(in_schedule.begin(), in_schedule.end(), *r.model->find(args.explain)) == in_schedule.end()) {
      s.io().err << "clearpath: error: --explain: '" << args.explain
                 << "' is not a step or approval of this schedule\n";
      return kExitInvalid;
    }
  }
  const PathReportOptions report{Session::display(args.file), args.explain, s.out_color(args.output)};
  s.emit(args.output, [&](std::ostream& out) {
    if (json) write_path_json(out, *r.model, analysis, options, report);
    else if (format == OutputFormat::markdown) write_path_markdown(out, *r.model, analysis, options, report);
    else print_path_report(out, *r.model, analysis, options, report);
  });
  return exit_for_findings(analysis.findings, args.fail_on);
}

}  // namespace clearpath
