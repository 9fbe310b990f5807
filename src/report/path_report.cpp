#include "report/path_report.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <ostream>

#include "clearpath/calendar.hpp"
#include "util/text.hpp"
#include "report/report_text.hpp"

namespace clearpath {
namespace {

using J = nlohmann::ordered_json;

const char* kind_label(const Model& m, Ref r) { return m.kind(r) == EntityKind::approval ? "gate" : "step"; }


std::string day_and_date(const WorkCalendar& cal, double day, bool finish) {
  std::string s = "working day " + fixed(day);
  if (auto d = finish ? cal.finish_date(day) : cal.start_date(day)) s += " (" + *d + ")";
  return s;
}

void print_chain(Text& t, const Model& m, const PathAnalysis& a, const LegacyChain& c, const char* title) {
  t.line() << title << ": " << c.count << " legacy step" << (c.count == 1 ? "" : "s") << ", " << fixed(c.duration)
           << " days on legacy systems, " << fixed(c.path_duration) << " days end to end\n";
  t.line() << "  " << pad("legacy step", 28) << pad("system", 24) << pad("owner", 22) << rpad("days", 7) << "\n";
  for (std::uint32_t i : c.steps) {
    const Ref r = a.network.activity[i];
    const Step& s = m.step(r);
    t.line() << "  " << pad(m.id(r), 28) << pad(m.display_name(s.system), 24)
             << pad(s.owner == kNoRef ? "(none)" : m.id(s.owner), 22) << rpad(fixed(a.network.duration[i]), 7) << "\n";
  }
  std::string path;
  for (std::uint32_t i : c.path) path += (path.empty() ? "" : " -> ") + m.id(a.network.activity[i]);
  t.line() << "  whole chain: " << path << "\n";
}

}  // namespace

void print_path_report(std::ostream& out, const Model& m, const PathAnalysis& a, const PathOptions& options,
                       const PathReportOptions& report) {
  const Network& net = a.network;
  const Schedule& s = a.schedule;
  const WorkCalendar cal(m.calendar);
  Text t(out, report.color);
  out << "clearpath path: " << report.file << (m.name.empty() ? "" : " - " + m.name) << "\n";
  out << "  " << net.size() << " activities, " << net.link_count() << " links; durations: "
      << estimate_name(options.network.estimate) << (options.network.from_scratch ? ", from scratch" : ", remaining work")
      << (options.network.to.empty() ? "" : "; up to " + options.network.to) << "\n";

  t.heading("SUMMARY");
  if (a.focus) {
    const Initiative& i = m.initiative(*a.focus);
    const auto o = std::find_if(a.initiatives.begin(), a.initiatives.end(),
                                [&](const InitiativeOutlook& x) { return x.initiative == *a.focus; });
    t.line() << "initiative: " << entity_label(m, *a.focus) << "\n";
    if (o != a.initiatives.end()) {
      t.line() << "production expected: " << day_and_date(cal, o->finish, true);
      if (i.momentum_days)
        out << "; momentum window " << fixed(*i.momentum_days, 0) << " days, " << percent(*o->p_within_momentum)
            << " chance within it";
      out << "\n";
    }
  }
  t.line() << "project duration: " << fixed(s.duration) << " working days, critical path of "
           << s.critical_path.size() << " activities";
  if (s.tied_path_count > 1)
    out << " (" << (s.tied_path_count >= kTiedPathCountLimit ? "over 10^18" : fixed(s.tied_path_count, 0))
        << " tied critical chains)";
  out << "\n";
  if (a.legacy_by_count.count > 0)
    t.line() << "longest legacy chain: " << a.legacy_by_count.count << " legacy step"
             << (a.legacy_by_count.count == 1 ? "" : "s") << ", " << fixed(a.legacy_by_count.duration)
             << " days on legacy systems\n";
  double blocked_cost = 0;
  for (const Blocker& b : a.blockers) blocked_cost = std::max(blocked_cost, b.cost_of_delay);
  t.line() << "blockers on critical or near-critical work: " << a.blockers.size();
  if (!a.blockers.empty()) out << " (the costliest: " << money(blocked_cost) << ")";
  out << "\n";
  if (a.simulation) t.line() << "P80 project duration: " << fixed(a.simulation->p80) << " working days\n";
  std::size_t errors = 0, warnings = 0;
  for (const Finding& f : a.findings) (f.severity == Severity::error ? errors : warnings) += f.severity >= Severity::warning;
  t.line() << "findings: " << errors << " error" << (errors == 1 ? "" : "s") << ", " << warnings << " warning"
           << (warnings == 1 ? "" : "s") << "\n";
  constexpr std::size_t kShown = 10;
  for (std::size_t k = 0; k < a.findings.size() && k < kShown; ++k) {
    const Finding& f = a.findings[k];
    t.line() << "  " << severity_name(f.severity) << ": " << f.message
             << (f.cost_of_delay > 0 ? " (cost of delay " + money(f.cost_of_delay) + ")" : "") << "\n";
  }
  if (a.findings.size() > kShown) t.line() << "  ... and " << a.findings.size() - kShown << " more (see BLOCKERS and RISK)\n";

  t.heading("CRITICAL PATH (" + fixed(s.duration) + " working days)");
  t.line() << rpad("#", 3) << "  " << pad("id", 28) << pad("kind", 6) << rpad("days", 7) << rpad("start", 8)
           << rpad("finish", 8) << "  " << pad("start date", 12) << "finish date\n";
  std::size_t k = 0;
  for (std::uint32_t i : s.critical_path) {
    const Ref r = net.activity[i];
    t.line() << rpad(std::to_string(++k), 3) << "  " << pad(m.id(r), 28) << pad(kind_label(m, r), 6)
             << rpad(fixed(net.duration[i]), 7) << rpad(fixed(s.times[i].es), 8) << rpad(fixed(s.times[i].ef), 8) << "  "
             << pad(cal.start_date(s.times[i].es).value_or("-"), 12)
             << cal.finish_date(s.times[i].ef).value_or("-") << "\n";
  }
  if (s.tied_path_count > 1) {
    t.line() << (s.tied_path_count >= kTiedPathCountLimit ? "over 10^18" : fixed(s.tied_path_count, 0))
             << " critical chains tie; "
             << (s.tied_path_count > static_cast<double>(s.tied_paths.size()) ? "the first " + std::to_string(s.tied_paths.size()) + ":" : "all of them:")
             << "\n";
    for (const auto& p : s.tied_paths) {
      std::string chain;
      for (std::uint32_t i : p) chain += (chain.empty() ? "" : " -> ") + m.id(net.activity[i]);
      t.line() << "  " << chain << "\n";
    }
  }

  t.heading("LONGEST LEGACY-SYSTEM CHAIN");
  if (a.legacy_by_count.count == 0) {
    t.line() << "no legacy-system work remains\n";
  } else {
    print_chain(t, m, a, a.legacy_by_count, "most legacy steps");
    if (a.legacy_by_duration.path != a.legacy_by_count.path)
      print_chain(t, m, a, a.legacy_by_duration, "longest time on legacy systems");
    else
      t.line() << "the same chain also has the longest time on legacy systems\n";
  }

  t.heading("BLOCKERS");
  if (a.blockers.empty()) t.line() << "none on critical or near-critical work (float below " << fixed(options.near_days) << " days)\n";
  for (const Blocker& b : a.blockers) {
    const Ref r = net.activity[b.activity];
    t.line() << (b.critical ? "critical " : "near-critical ") << m.id(r) << ": " << b.reason << "\n";
    t.line() << "  holds back " << fixed(b.delay_days) << " working days, cost of delay " << money(b.cost_of_delay) << "\n";
  }

  t.heading("RISK");
  t.line() << "PERT: project mean " << fixed(s.duration) << " days, standard deviation " << fixed(a.project_sd)
           << " along the critical path\n";
  for (const InitiativeOutlook& o : a.initiatives) {
    const Initiative& i = m.initiative(o.initiative);
    t.line() << pad(m.id(o.initiative), 24) << " finish day " << rpad(fixed(o.finish), 7) << "  sd " << rpad(fixed(o.sd), 5);
    if (i.momentum_days) out << "  P(within " << fixed(*i.momentum_days, 0) << " days) " << percent(*o.p_within_momentum);
    out << "\n";
  }
  if (a.simulation) {
    const Simulation& sim = *a.simulation;
    t.line() << "Monte Carlo (" << sim.runs << " runs, " << (options.distribution == Distribution::triangular ? "triangular" : "PERT-beta")
             << ", seed " << options.seed << "): P50 " << fixed(sim.p50) << ", P80 " << fixed(sim.p80) << ", P95 "
             << fixed(sim.p95) << " working days\n";
    if (sim.p_within_momentum) t.line() << "chance the focus initiative finishes within its momentum window: " << percent(*sim.p_within_momentum) << "\n";
    std::vector<std::uint32_t> order(net.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](auto x, auto y) { return sim.criticality[x] > sim.criticality[y]; });
    t.line() << "most often critical:\n";
    for (std::size_t j = 0; j < std::min<std::size_t>(10, order.size()) && sim.criticality[order[j]] > 0; ++j)
      t.line() << "  " << pad(m.id(net.activity[order[j]]), 32) << rpad(percent(sim.criticality[order[j]]), 6) << "\n";
  }

  t.heading("BUSINESS CASE");
  for (const InitiativeOutlook& o : a.initiatives) {
    const Initiative& i = m.initiative(o.initiative);
    t.line() << entity_label(m, o.initiative) << "\n";
    t.line() << "  production: " << day_and_date(cal, o.finish, true);
    if (a.simulation && a.focus == o.initiative) {
      out << "; P80 " << day_and_date(cal, a.simulation->focus_p80, true);
    }
    out << "\n";
    t.line() << "  one day of delay costs " << money(o.cost_per_day) << " (value " << money(i.value_per_month)
             << " a month x 12 / 260 working days)\n";
    if (o.payback_month) t.line() << "  payback: month " << *o.payback_month << " after production\n";
    else if (i.value_per_month > 0 || i.build_cost > 0) t.line() << "  payback: never (run cost covers the value)\n";
  }

  if (!report.explain.empty()) {
    const std::optional<Ref> r = m.find(report.explain);
    auto it = r ? std::find(net.activity.begin(), net.activity.end(), *r) : net.activity.end();
    t.heading("EXPLAIN " + report.explain);
    if (it == net.activity.end()) {
      t.line() << "not an activity of this network\n";
    } else {
      const std::uint32_t i = static_cast<std::uint32_t>(it - net.activity.begin());
      const ActivityTimes& x = s.times[i];
      t.line() << entity_label(m, *r) << ": " << (x.critical ? "critical" : "not critical") << ", total float "
               << fixed(x.total_float) << ", free float " << fixed(x.free_float) << "\n";
      std::string pre, post;
      for (std::uint32_t p : driving_predecessors(a, i)) pre += (pre.empty() ? "" : " -> ") + m.id(net.activity[p]);
      for (std::uint32_t q : limiting_successors(a, i)) post += (post.empty() ? "" : " -> ") + m.id(net.activity[q]);
      t.line() << "earliest start " << fixed(x.es) << ", set by: " << pre << "\n";
      t.line() << "latest finish " << fixed(x.lf) << ", set by: " << (post.empty() ? "(the project end)" : post) << "\n";
      if (x.critical) t.line() << "any delay to it delays the project\n";
      else t.line() << "it becomes critical if it grows by " << fixed(x.total_float) << " working days\n";
    }
  }
}

J path_json(const Model& m, const PathAnalysis& a, const PathOptions& options, const PathReportOptions& report) {
  const Network& net = a.network;
  const Schedule& s = a.schedule;
  const WorkCalendar cal(m.calendar);
  auto id = [&](std::uint32_t i) { return m.id(net.activity[i]); };
  auto ids = [&](const std::vector<std::uint32_t>& v) {
    J arr = J::array();
    for (std::uint32_t i : v) arr.push_back(id(i));
    return arr;
  };
  J j;
  j["file"] = report.file;
  j["name"] = m.name;
  j["options"] = {{"initiative", options.network.initiative}, {"to", options.network.to},
                  {"estimate", estimate_name(options.network.estimate)}, {"from_scratch", options.network.from_scratch},
                  {"near", num(options.near_days)}};
  j["focus"] = a.focus ? J(m.id(*a.focus)) : J();
  j["duration"] = num(s.duration);
  if (auto d = cal.finish_date(s.duration)) j["finish_date"] = *d;
  j["critical_path"] = ids(s.critical_path);
  J tied = J::array();
  for (const auto& p : s.tied_paths) tied.push_back(ids(p));
  j["critical_paths"] = {{"count", num(s.tied_path_count)}, {"paths", tied}};

  j["items"] = nullptr;  // streamed by write_path_json: a million items are too many for a DOM

  auto chain = [&](const LegacyChain& c) {
    J details = J::array();
    for (std::uint32_t i : c.steps) {
      const Step& st = m.step(net.activity[i]);
      details.push_back({{"id", id(i)}, {"system", m.id(st.system)},
                         {"owner", st.owner == kNoRef ? J() : J(m.id(st.owner))}, {"duration", num(net.duration[i])}});
    }
    return J{{"steps", ids(c.steps)}, {"path", ids(c.path)}, {"count", c.count}, {"duration", num(c.duration)},
             {"path_duration", num(c.path_duration)}, {"legacy_steps", details}};
  };
  j["legacy_chain"] = {{"by_count", chain(a.legacy_by_count)}, {"by_duration", chain(a.legacy_by_duration)}};

  J blockers = J::array();
  for (const Blocker& b : a.blockers)
    blockers.push_back({{"id", id(b.activity)}, {"reason", b.reason}, {"code", b.code}, {"critical", b.critical},
                        {"delay_days", num(b.delay_days)}, {"cost_of_delay", num(b.cost_of_delay)}});
  j["blockers"] = std::move(blockers);
  j["cycles"] = J::array();

  j["pert"] = {{"mean", num(s.duration)}, {"sd", num(a.project_sd)}};
  J outlook = J::array();
  for (const InitiativeOutlook& o : a.initiatives) {
    const Initiative& i = m.initiative(o.initiative);
    J x{{"id", m.id(o.initiative)}, {"finish", num(o.finish)}, {"last_activity", id(o.last_activity)},
        {"mean", num(o.mean)}, {"sd", num(o.sd)}};
    if (auto d = cal.finish_date(o.finish)) x["finish_date"] = *d;
    x["momentum_days"] = i.momentum_days ? num(*i.momentum_days) : J();
    x["p_within_momentum"] = o.p_within_momentum ? num(*o.p_within_momentum) : J();
    x["cost_per_day"] = num(o.cost_per_day);
    x["payback_month"] = o.payback_month ? J(*o.payback_month) : J();
    outlook.push_back(std::move(x));
  }
  j["initiatives"] = std::move(outlook);

  if (a.simulation) {
    const Simulation& sim = *a.simulation;
    J crit = J::object();
    // Activities are in id order already; append without the object's linear key search.
    for (std::uint32_t i = 0; i < net.size(); ++i) crit.get_ptr<J::object_t*>()->emplace_back(id(i), num(sim.criticality[i]));
    j["simulation"] = {{"runs", sim.runs}, {"seed", options.seed},
                       {"distribution", options.distribution == Distribution::triangular ? "triangular" : "pert-beta"},
                       {"p50", num(sim.p50)}, {"p80", num(sim.p80)}, {"p95", num(sim.p95)},
                       {"p_within_momentum", sim.p_within_momentum ? num(*sim.p_within_momentum) : J()},
                       {"focus_p80", num(sim.focus_p80)}, {"criticality", std::move(crit)}};
  }
  if (!report.explain.empty()) {
    const std::optional<Ref> r = m.find(report.explain);
    auto it = r ? std::find(net.activity.begin(), net.activity.end(), *r) : net.activity.end();
    if (it != net.activity.end()) {
      const std::uint32_t i = static_cast<std::uint32_t>(it - net.activity.begin());
      const ActivityTimes& x = s.times[i];
      j["explain"] = {{"id", report.explain}, {"critical", x.critical}, {"total_float", num(x.total_float)},
                      {"free_float", num(x.free_float)}, {"driving_predecessors", ids(driving_predecessors(a, i))},
                      {"limiting_successors", ids(limiting_successors(a, i))},
                      {"grow_to_become_critical", num(x.total_float)}};
    }
  }
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
  out << "the schedule is meaningless: " << cycles.size() << " dependency cycle" << (cycles.size() == 1 ? "" : "s") << "\n";
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
