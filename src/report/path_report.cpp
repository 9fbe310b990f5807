// The `clearpath path` JSON (docs/path.md), its items streamed, and the dependency cycles that
// stop a schedule.
#include "report/path_report.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <ostream>

#include "clearpath/calendar.hpp"
#include "report/report_text.hpp"
#include "util/text.hpp"

namespace clearpath {
namespace {

using J = nlohmann::ordered_json;

J ids_json(const Model& m, const Network& net, const std::vector<std::uint32_t>& v) {
  J arr = J::array();
  for (std::uint32_t i : v) arr.push_back(m.id(net.activity[i]));
  return arr;
}

J chain_json(const Model& m, const Network& net, const LegacyChain& c) {
  J details = J::array();
  for (std::uint32_t i : c.steps) {
    const Step& st = m.step(net.activity[i]);
    details.push_back({{"id", m.id(net.activity[i])},
                       {"system", m.id(st.system)},
                       {"owner", st.owner == kNoRef ? J() : J(m.id(st.owner))},
                       {"duration", num(net.duration[i])}});
  }
  return J{{"steps", ids_json(m, net, c.steps)}, {"path", ids_json(m, net, c.path)},      {"count", c.count},
           {"duration", num(c.duration)},        {"path_duration", num(c.path_duration)}, {"legacy_steps", details}};
}

J outlook_json(const Model& m, const PathAnalysis& a, const WorkCalendar& cal) {
  J outlook = J::array();
  for (const InitiativeOutlook& o : a.initiatives) {
    const Initiative& i = m.initiative(o.initiative);
    J x{{"id", m.id(o.initiative)},
        {"finish", num(o.finish)},
        {"last_activity", m.id(a.network.activity[o.last_activity])},
        {"mean", num(o.mean)},
        {"sd", num(o.sd)}};
    if (auto d = cal.finish_date(o.finish)) x["finish_date"] = *d;
    x["momentum_days"] = i.momentum_days ? num(*i.momentum_days) : J();
    x["p_within_momentum"] = o.p_within_momentum ? num(*o.p_within_momentum) : J();
    x["cost_per_day"] = num(o.cost_per_day);
    x["payback_month"] = o.payback_month ? J(*o.payback_month) : J();
    outlook.push_back(std::move(x));
  }
  return outlook;
}

J simulation_json(const Model& m, const PathAnalysis& a, const PathOptions& options) {
  const Simulation& sim = *a.simulation;
  J crit = J::object();
  // Activities are in id order already; append without the object's linear key search.
  for (std::uint32_t i = 0; i < a.network.size(); ++i)
    crit.get_ptr<J::object_t*>()->emplace_back(m.id(a.network.activity[i]), num(sim.criticality[i]));
  return {{"runs", sim.runs},
          {"seed", options.seed},
          {"distribution", options.distribution == Distribution::triangular ? "triangular" : "pert-beta"},
          {"p50", num(sim.p50)},
          {"p80", num(sim.p80)},
          {"p95", num(sim.p95)},
          {"p_within_momentum", sim.p_within_momentum ? num(*sim.p_within_momentum) : J()},
          {"focus_p80", num(sim.focus_p80)},
          {"criticality", std::move(crit)}};
}

// The explained activity, or null when it is not one of the network's.
J explain_json(const Model& m, const PathAnalysis& a, const std::string& id) {
  const Network& net = a.network;
  const std::optional<Ref> r = m.find(id);
  auto it = r ? std::find(net.activity.begin(), net.activity.end(), *r) : net.activity.end();
  if (it == net.activity.end()) return nullptr;
  const std::uint32_t i = static_cast<std::uint32_t>(it - net.activity.begin());
  const ActivityTimes& x = a.schedule.times[i];
  return {{"id", id},
          {"critical", x.critical},
          {"total_float", num(x.total_float)},
          {"free_float", num(x.free_float)},
          {"driving_predecessors", ids_json(m, net, driving_predecessors(a, i))},
          {"limiting_successors", ids_json(m, net, limiting_successors(a, i))},
          {"grow_to_become_critical", num(x.total_float)}};
}

// The plan against the forecast, or null when the model tracks no progress.
J progress_json(const Model& m, const PathAnalysis& a, const WorkCalendar& cal) {
  if (!a.progress) return nullptr;
  const ProgressOutlook& p = *a.progress;
  J late = J::array();
  for (const LateItem& item : p.late) {
    J one = {{"id", m.id(a.network.activity[item.activity])},
             {"planned_finish", num(item.planned_finish)},
             {"forecast_finish", num(item.forecast_finish)},
             {"slip", num(item.forecast_finish - item.planned_finish)},
             {"overdue", item.overdue}};
    if (auto d = cal.finish_date(item.planned_finish)) one["planned_finish_date"] = *d;
    if (auto d = cal.finish_date(item.forecast_finish)) one["forecast_finish_date"] = *d;
    late.push_back(std::move(one));
  }
  return {{"status_date", m.status_date.empty() ? J() : J(m.status_date.iso())},
          {"status_day", num(p.status_day)},
          {"done", p.done},
          {"in_progress", p.in_progress},
          {"not_started", p.not_started},
          {"planned_duration", num(p.planned_duration)},
          {"forecast_duration", num(p.forecast_duration)},
          {"late", std::move(late)}};
}

}  // namespace

J path_json(const Model& m, const PathAnalysis& a, const PathOptions& options, const PathReportOptions& report) {
  const Network& net = a.network;
  const Schedule& s = a.schedule;
  const WorkCalendar cal(m.calendar);
  J j;
  j["file"] = report.file;
  j["name"] = m.name;
  j["options"] = {{"initiative", options.network.initiative},
                  {"to", options.network.to},
                  {"estimate", estimate_name(options.network.estimate)},
                  {"from_scratch", options.network.from_scratch},
                  {"near", num(options.near_days)}};
  j["focus"] = a.focus ? J(m.id(*a.focus)) : J();
  j["duration"] = num(s.duration);
  if (auto d = cal.finish_date(s.duration)) j["finish_date"] = *d;
  j["critical_path"] = ids_json(m, net, s.critical_path);
  // How each activity of the critical path follows the one before it: "FS", "SS+3", ...
  J links = J::array();
  for (std::size_t k = 0; k < s.critical_path.size(); ++k)
    links.push_back(k == 0 ? J()
                           : J(link_timing_text(driving_link(net, s, s.critical_path[k - 1], s.critical_path[k]))));
  j["critical_path_links"] = std::move(links);
  J tied = J::array();
  for (const auto& p : s.tied_paths) tied.push_back(ids_json(m, net, p));
  j["critical_paths"] = {{"count", num(s.tied_path_count)}, {"paths", tied}};
  j["items"] = nullptr;  // streamed by write_path_json: a million items are too many for a DOM
  j["progress"] = progress_json(m, a, cal);
  j["legacy_chain"] = {{"by_count", chain_json(m, net, a.legacy_by_count)},
                       {"by_duration", chain_json(m, net, a.legacy_by_duration)}};
  J blockers = J::array();
  for (const Blocker& b : a.blockers)
    blockers.push_back({{"id", m.id(net.activity[b.activity])},
                        {"reason", b.reason},
                        {"code", b.code},
                        {"critical", b.critical},
                        {"delay_days", num(b.delay_days)},
                        {"cost_of_delay", num(b.cost_of_delay)}});
  j["blockers"] = std::move(blockers);
  j["cycles"] = J::array();
  j["pert"] = {{"mean", num(s.duration)}, {"sd", num(a.project_sd)}};
  j["initiatives"] = outlook_json(m, a, cal);
  if (a.simulation) j["simulation"] = simulation_json(m, a, options);
  if (!report.explain.empty())
    if (J x = explain_json(m, a, report.explain); !x.is_null()) j["explain"] = std::move(x);
  j["findings"] = findings_json(a.findings);
  return j;
}

namespace {

// A number as num() would write it: rounded to 6 decimals, integers without a fraction.
void append_number(std::string& out, double v) {
  const double r = std::round(v * 1e6) / 1e6;
  char buf[64];
  const auto res = (std::fabs(r) < 9e15 && r == std::floor(r))
                       ? std::to_chars(buf, buf + sizeof buf, static_cast<long long>(r))
                       : std::to_chars(buf, buf + sizeof buf, r);
  out.append(buf, res.ptr);
}

// One item of "items" on one line (so reports diff line by line), written by hand: a million
// of them as DOM objects would be slow.
void append_item(std::string& out, const Model& m, const PathAnalysis& a, const WorkCalendar& cal, std::uint32_t i) {
  const ActivityTimes& x = a.schedule.times[i];
  const Ref r = a.network.activity[i];
  auto field = [&](const char* key, double v) {
    out += ", \"";
    out += key;
    out += "\": ";
    append_number(out, v);
  };
  out += "{\"id\": ";
  out += J(m.id(r)).dump(-1, ' ', false, J::error_handler_t::replace);
  out += ", \"kind\": \"";
  out += kind_name(m.kind(r));
  out += "\"";
  field("duration", a.network.duration[i]);
  field("es", x.es);
  field("ef", x.ef);
  field("ls", x.ls);
  field("lf", x.lf);
  field("total_float", x.total_float);
  field("free_float", x.free_float);
  out += x.critical ? ", \"critical\": true" : ", \"critical\": false";
  field("sd", a.sd[i]);
  if (auto d = cal.start_date(x.es)) out += ", \"start_date\": \"" + *d + "\"";
  if (auto d = cal.finish_date(x.ef)) out += ", \"finish_date\": \"" + *d + "\"";
  out += "}";
}

}  // namespace

void write_path_json(std::ostream& out, const Model& m, const PathAnalysis& a, const PathOptions& options,
                     const PathReportOptions& report, int depth) {
  const J j = path_json(m, a, options, report);
  const WorkCalendar cal(m.calendar);
  const std::string inner(static_cast<std::size_t>(2 * (depth + 1)), ' ');
  out << "{";
  bool first = true;
  for (auto it = j.begin(); it != j.end(); ++it) {
    out << (first ? "\n" : ",\n") << inner << J(it.key()).dump() << ": ";
    first = false;
    if (it.key() != "items") {
      out << nested_dump(it.value(), depth + 1);
      continue;
    }
    // Items by earliest start, then id (activities are numbered in id order).
    std::vector<std::uint32_t> order(a.network.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](auto x, auto y) { return a.schedule.times[x].es < a.schedule.times[y].es; });
    if (order.empty()) {
      out << "[]";
      continue;
    }
    std::string buffer = "[";
    const std::string item_indent = ",\n" + inner + "  ";
    for (std::size_t k = 0; k < order.size(); ++k) {
      buffer += k ? item_indent : item_indent.substr(1);
      append_item(buffer, m, a, cal, order[k]);
      if (buffer.size() > (1u << 20)) {
        out << buffer;
        buffer.clear();
      }
    }
    out << buffer << "\n" << inner << "]";
  }
  out << "\n" << std::string(static_cast<std::size_t>(2 * depth), ' ') << "}";
  if (depth == 0) out << "\n";
}

void print_cycles(std::ostream& out, const std::vector<DependencyCycle>& cycles) {
  constexpr std::size_t kShown = 50;
  out << "the schedule is meaningless: " << cycles.size() << " dependency cycle" << (cycles.size() == 1 ? "" : "s")
      << "\n";
  for (const DependencyCycle& c : cycles) {
    std::string line;
    for (std::size_t i = 0; i < c.ids.size(); ++i) {
      if (c.ids.size() > kShown && i == kShown - 1) {
        line += " -> ... (" + std::to_string(c.ids.size() - kShown) + " more)";
        i = c.ids.size() - 1;
      }
      line += (line.empty() ? "" : " -> ") + c.ids[i] + (c.names[i].empty() ? "" : " (" + c.names[i] + ")");
    }
    out << "  cycle of " << c.ids.size() << ": " << line << " -> " << c.ids.front() << "\n";
  }
}

J cycles_json(const std::vector<DependencyCycle>& cycles) {
  J arr = J::array();
  for (const DependencyCycle& c : cycles) {
    J ids = c.ids;
    ids.push_back(c.ids.front());
    arr.push_back(std::move(ids));
  }
  return arr;
}

}  // namespace clearpath
