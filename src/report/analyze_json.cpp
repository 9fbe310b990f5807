// The JSON of `clearpath analyze`: the summary, the merged findings, the diagrams written, the
// model's checks, then each analysis's own documented JSON (docs/path.md, docs/copilots.md,
// docs/conflicts.md). Keys in a fixed order; schema/report.schema.json describes it.
#include <ostream>

#include "clearpath/version.hpp"
#include "report/analyze_report.hpp"
#include "report/conflicts_report.hpp"
#include "report/copilots_report.hpp"
#include "report/path_report.hpp"
#include "report/report_text.hpp"

namespace clearpath {
namespace {

using J = nlohmann::ordered_json;

template <class T>
J optional_json(const std::optional<T>& v) {
  return v ? J(*v) : J(nullptr);
}
J optional_num(const std::optional<double>& v) { return v ? num(*v) : J(nullptr); }

J summary_json(const Model& m, const ExecutiveSummary& s) {
  J j;
  j["initiative"] = s.initiative ? J(m.id(*s.initiative)) : J(nullptr);
  j["production_day"] = num(s.production_day);
  j["production_date"] = optional_json(s.production_date);
  j["p80_day"] = optional_num(s.p80_day);
  j["p80_date"] = optional_json(s.p80_date);
  j["momentum_days"] = optional_num(s.momentum_days);
  j["p_within_momentum"] = optional_num(s.p_within_momentum);
  j["levelled_day"] = optional_num(s.levelled_day);
  j["levelled_date"] = optional_json(s.levelled_date);
  j["payback_month"] = optional_json(s.payback_month);
  j["cost_per_day"] = num(s.cost_per_day);
  j["legacy_chain"] = {
      {"legacy_steps", s.legacy_steps}, {"legacy_days", num(s.legacy_days)}, {"days", num(s.legacy_chain_days)}};
  j["counts"] = {{"error", s.errors}, {"warning", s.warnings}, {"info", s.infos}};
  return j;
}

J merged_json(const std::vector<MergedFinding>& findings) {
  J out = J::array();
  for (const MergedFinding& f : findings) {
    J j = findings_json({f.finding})[0];
    j["sources"] = f.sources;
    j["also"] = findings_json(f.also);
    out.push_back(std::move(j));
  }
  return out;
}

J checks_json(const Diagnostics* d) {
  J j;
  j["warnings"] = J::array();
  if (!d) return j;
  for (const Diagnostic& x : d->items())
    j["warnings"].push_back({{"code", x.code},
                             {"message", x.message},
                             {"pointer", x.pointer},
                             {"entity", x.entity},
                             {"line", x.line},
                             {"column", x.column}});
  j["warning_count"] = d->warning_count();
  return j;
}

}  // namespace

void write_analyze_json(std::ostream& out, const Model& m, const Analysis& a, const AnalyzeOptions& options,
                        const AnalyzeReportOptions& report) {
  J head;
  head["file"] = report.file;
  head["name"] = m.name;
  head["clearpath_version"] = version();
  head["options"] = {{"initiative", options.initiative.empty() ? J(nullptr) : J(options.initiative)},
                     {"simulate", options.simulate},
                     {"seed", options.seed},
                     {"near_days", num(options.near_days)},
                     {"top", options.top}};
  head["summary"] = summary_json(m, a.summary);
  head["findings"] = merged_json(a.findings);
  head["diagrams"] = J::array();
  for (const ReportDiagram& d : report.diagrams)
    if (!d.file.empty()) head["diagrams"].push_back({{"view", d.view}, {"file", d.file}, {"title", d.title}});
  head["model_checks"] = checks_json(report.diagnostics);
  head["copilots"] = copilots_json(m, a.copilots, a.copilot_options, {report.file, false});
  head["conflicts"] = conflicts_json(m, a.conflicts, a.conflict_options, {report.file, false});

  out << "{";
  bool first = true;
  for (auto it = head.begin(); it != head.end(); ++it) {
    out << (first ? "\n  " : ",\n  ") << J(it.key()).dump() << ": ";
    first = false;
    out << nested_dump(it.value(), 1);
    if (it.key() == "model_checks") {  // the path's report streams its items
      out << ",\n  \"path\": ";
      write_path_json(out, m, a.path, a.path_options, {report.file, "", false}, 1);
    }
  }
  out << "\n}\n";
}

}  // namespace clearpath
