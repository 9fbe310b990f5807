// `clearpath diff`: the two versions' production dates, critical path, findings and structure,
// as a Document and as JSON (docs/diff.md has both).
#include "report/diff_report.hpp"

#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "report/report_text.hpp"

namespace clearpath {

namespace {

using ojson = nlohmann::ordered_json;

std::string signed_days(double d) {
  std::string s = d > 0 ? "+" : "";
  return s.append(fixed(d));
}

std::string day_text(const std::optional<double>& day, const std::optional<std::string>& date) {
  if (!day) return "-";
  return fixed(*day) + (date ? " (" + *date + ")" : "");
}

Look slip_look(double slip) { return slip > 0 ? Look::bad : slip < 0 ? Look::good : Look::plain; }

std::string subjects_text(const Finding& f) {
  std::string s;
  for (const std::string& id : f.subjects) s += (s.empty() ? "" : ", ") + id;
  return s;
}

void summary_section(Document& doc, const PlanDiff& d) {
  Section& s = doc.section("summary", "Summary");
  Table& t = s.table({"what", "change"}, {false, false});
  std::size_t slipped = 0, gained = 0, later_dates = 0;
  for (const InitiativeSlip& i : d.initiatives) {
    slipped += i.slip > 0;
    gained += i.slip < 0;
    later_dates += i.slip == 0 && i.calendar_slip.value_or(0) > 0;
  }
  t.rows.push_back({Cell{"production"},
                    Cell{d.worst_slip > 0 ? "later by up to " + fixed(d.worst_slip) + " working days (" +
                                                std::to_string(slipped) + " initiative(s))"
                         : gained > 0      ? "earlier for " + std::to_string(gained) + " initiative(s), later for none"
                         : later_dates > 0 ? "on the same working day, but a later date for " +
                                                 std::to_string(later_dates) + " initiative(s) (the calendar changed)"
                                           : "no initiative moves",
                         slip_look(d.worst_slip)}});
  const double longer = d.critical.after_duration - d.critical.before_duration;
  t.rows.push_back(
      {Cell{"project duration"}, Cell{fixed(d.critical.before_duration) + " -> " + fixed(d.critical.after_duration) +
                                          " working days (" + signed_days(longer) + ")",
                                      slip_look(longer)}});
  t.rows.push_back({Cell{"critical path"}, Cell{std::to_string(d.critical.entered.size()) + " entered, " +
                                                std::to_string(d.critical.left.size()) + " left, " +
                                                std::to_string(d.critical.floats.size()) + " float(s) moved"}});
  t.rows.push_back({Cell{"findings"}, Cell{std::to_string(d.findings.added.size()) + " new, " +
                                               std::to_string(d.findings.resolved.size()) + " resolved, " +
                                               std::to_string(d.findings.changed.size()) + " changed",
                                           d.findings.added.empty() ? Look::plain : Look::warn}});
  t.rows.push_back({Cell{"approvals"}, Cell{std::to_string(d.approvals.size()) + " gate(s) changed"}});
  std::size_t added = 0, removed = 0, changed = 0;
  for (const EntityChange& e : d.structure.entities)
    (e.change == ChangeKind::added ? added : e.change == ChangeKind::removed ? removed : changed) += 1;
  t.rows.push_back({Cell{"structure"}, Cell{std::to_string(added) + " added, " + std::to_string(removed) +
                                            " removed, " + std::to_string(changed) + " changed; links: " +
                                            std::to_string(d.structure.links.size()) + " added or removed"}});
}

void dates_section(Document& doc, const PlanDiff& d) {
  Section& s = doc.section("production", "Production dates");
  if (d.initiatives.empty()) {
    s.paragraph("Neither version has an initiative with work.");
    return;
  }
  Table& t = s.table({"initiative", "before", "after", "slip", "cost of slip"}, {false, false, false, true, true});
  bool levelled = false;
  for (const InitiativeSlip& i : d.initiatives) {
    t.rows.push_back(
        {Cell{i.id}, Cell{day_text(i.before, i.before_date)}, Cell{day_text(i.after, i.after_date)},
         Cell{!(i.before && i.after) ? (i.before ? "removed" : "new")
              : i.calendar_slip && *i.calendar_slip != 0 && i.slip == 0
                  ? "0.0, date " + std::string(*i.calendar_slip > 0 ? "+" : "") + std::to_string(*i.calendar_slip) + "d"
                  : signed_days(i.slip),
              slip_look(i.slip != 0 ? i.slip : i.calendar_slip.value_or(0))},
         Cell{i.cost_of_slip != 0 ? money(i.cost_of_slip) : "-", slip_look(i.cost_of_slip)}});
    levelled = levelled || i.before_levelled || i.after_levelled;
  }
  // What moves each date: every change tried alone on the old version.
  for (const InitiativeSlip& i : d.initiatives) {
    if (i.causes.empty() && !i.combined) continue;
    s.line(i.id + " " + signed_days(i.slip) + " working days:", 0, slip_look(i.slip));
    for (const SlipCause& c : i.causes) s.wrapped(signed_days(c.days) + "  " + c.change, 1, slip_look(c.days));
    if (i.combined)
      s.wrapped(i.causes.empty() ? "the changes together (too many to try one by one, or none moves it alone)"
                                 : "the rest: the changes together, not one alone",
                1, Look::muted);
  }
  if (!levelled) return;
  s.paragraph("Once nobody is over capacity (levelled):");
  Table& l = s.table({"initiative", "before", "after", "slip"}, {false, true, true, true});
  for (const InitiativeSlip& i : d.initiatives) {
    const bool both = i.before_levelled && i.after_levelled;
    const double slip = both ? *i.after_levelled - *i.before_levelled : 0;
    l.rows.push_back({Cell{i.id}, Cell{i.before_levelled ? fixed(*i.before_levelled) : "-"},
                      Cell{i.after_levelled ? fixed(*i.after_levelled) : "-"},
                      Cell{both ? signed_days(slip) : "-", slip_look(slip)}});
  }
}

void critical_section(Document& doc, const PlanDiff& d) {
  const CriticalPathDiff& c = d.critical;
  Section& s = doc.section("critical-path", "Critical path");
  std::string p = "The plan takes " + fixed(c.after_duration) + " working days, " +
                  signed_days(c.after_duration - c.before_duration) + " against " + fixed(c.before_duration) + ".";
  if (c.before_p80 && c.after_p80) p += " P80: " + fixed(*c.before_p80) + " -> " + fixed(*c.after_p80) + ".";
  s.paragraph(p, slip_look(c.after_duration - c.before_duration));
  std::vector<Cell> items;
  for (const std::string& id : c.entered) items.push_back(Cell{"entered: " + id, Look::bad});
  for (const std::string& id : c.left) items.push_back(Cell{"left: " + id, Look::good});
  if (!items.empty()) s.bullets(std::move(items));
  if (!c.floats.empty()) {
    Table& t = s.table({"activity", "float before", "float after", "change"}, {false, true, true, true});
    for (const FloatChange& f : c.floats)
      t.rows.push_back({Cell{f.id}, Cell{fixed(f.before)}, Cell{fixed(f.after)},
                        Cell{signed_days(f.after - f.before), slip_look(f.before - f.after)}});
  }
}

void findings_table(Section& s, const std::vector<Finding>& fs) {
  Table& t = s.table({"severity", "kind", "subjects", "message"}, {false, false, false, false});
  t.last_below = true;
  for (const Finding& f : fs)
    t.rows.push_back({Cell{severity_name(f.severity), f.severity == Severity::error ? Look::bad : Look::plain},
                      Cell{f.kind}, Cell{subjects_text(f)}, Cell{f.message}});
}

void findings_section(Document& doc, const PlanDiff& d) {
  const FindingsDiff& f = d.findings;
  Section& s = doc.section("findings", "Findings");
  if (f.added.empty() && f.resolved.empty() && f.changed.empty()) {
    s.paragraph("The same findings in both versions.");
    return;
  }
  if (!f.added.empty()) {
    s.paragraph("New:", Look::strong);
    findings_table(s, f.added);
  }
  if (!f.resolved.empty()) {
    s.paragraph("Resolved:", Look::strong);
    findings_table(s, f.resolved);
  }
  if (!f.changed.empty()) {
    s.paragraph("Changed:", Look::strong);
    for (const FindingChange& c : f.changed) {
      s.line(c.after.kind + " (" + subjects_text(c.after) + ")", 0,
             c.after.severity > c.before.severity ? Look::bad : Look::plain);
      s.wrapped(std::string("before: ") + severity_name(c.before.severity) + ": " + c.before.message, 1, Look::muted);
      s.wrapped(std::string("after: ") + severity_name(c.after.severity) + ": " + c.after.message, 1);
      if (c.before.cost_of_delay != c.after.cost_of_delay || c.before.days_held_back != c.after.days_held_back)
        s.line("holds back " + fixed(c.before.days_held_back) + " -> " + fixed(c.after.days_held_back) +
                   " working days, cost of delay " + money(c.before.cost_of_delay) + " -> " +
                   money(c.after.cost_of_delay),
               1, slip_look(c.after.cost_of_delay - c.before.cost_of_delay));
    }
  }
}

std::string gate_state(const std::optional<bool>& satisfiable, std::size_t bus_factor,
                       const std::vector<std::string>& single_points) {
  if (!satisfiable) return "not checked";
  if (!*satisfiable) return "cannot be granted";
  std::string s = "bus factor " + std::to_string(bus_factor);
  if (!single_points.empty()) {
    s += ", cannot be granted without ";
    for (std::size_t k = 0; k < single_points.size(); ++k) s += (k ? ", " : "") + single_points[k];
  }
  return s;
}

void approvals_section(Document& doc, const PlanDiff& d) {
  Section& s = doc.section("approvals", "Approvals");
  if (d.approvals.empty()) {
    s.paragraph("No pending approval gate changed whether it can be granted, or by whom.");
    return;
  }
  for (const GateChange& g : d.approvals) {
    const bool worse = g.before_satisfiable.value_or(false) && !g.after_satisfiable.value_or(true);
    const bool better = !g.before_satisfiable.value_or(true) && g.after_satisfiable.value_or(false);
    s.line(g.id + ": " + gate_state(g.before_satisfiable, g.before_bus_factor, g.before_single_points) + " -> " +
               gate_state(g.after_satisfiable, g.after_bus_factor, g.after_single_points),
           0,
           worse    ? Look::bad
           : better ? Look::good
                    : Look::plain);
    for (const std::string& why : g.why) s.wrapped("because of " + why, 1, Look::muted);
  }
}

std::string value_text(const std::string& json) { return json.empty() ? "(none)" : json; }

void structure_section(Document& doc, const PlanDiff& d) {
  const StructureDiff& st = d.structure;
  Section& s = doc.section("structure", "Structure");
  if (st.empty()) {
    s.paragraph("The two files describe the same model.");
    return;
  }
  for (const FieldChange& f : st.model) s.line(f.pointer + ": " + value_text(f.before) + " -> " + value_text(f.after));
  for (const EntityChange& e : st.entities) {
    const char* sign = e.change == ChangeKind::added ? "+ " : e.change == ChangeKind::removed ? "- " : "~ ";
    s.line(std::string(sign) + kind_name(e.kind) + " " + e.id + " (" + e.pointer + ")", 0,
           e.change == ChangeKind::added     ? Look::good
           : e.change == ChangeKind::removed ? Look::bad
                                             : Look::plain);
    for (const FieldChange& f : e.fields)
      s.line(f.pointer + ": " + value_text(f.before) + " -> " + value_text(f.after), 1);
  }
  for (const LinkChange& l : st.links)
    s.line(std::string(l.change == ChangeKind::added ? "+ link " : "- link ") + l.from + " depends on " + l.to + " (" +
               link_timing_text(l.timing) + ")",
           0, l.change == ChangeKind::added ? Look::good : Look::bad);
}

ojson optional_number(const std::optional<double>& v) { return v ? num(*v) : ojson(); }
ojson optional_text(const std::optional<std::string>& v) { return v ? ojson(*v) : ojson(); }

ojson field_json(const FieldChange& f) {
  ojson o;
  o["pointer"] = f.pointer;
  o["before"] = f.before.empty() ? ojson() : ojson::parse(f.before);
  o["after"] = f.after.empty() ? ojson() : ojson::parse(f.after);
  return o;
}

}  // namespace

Document diff_document(const PlanDiff& d, const Model& after, const std::string& before_file,
                       const std::string& after_file) {
  Document doc;
  doc.title = after.name.empty() ? "clearpath diff" : after.name + ": what changed";
  doc.subtitle.push_back("clearpath diff " + before_file + " " + after_file);
  summary_section(doc, d);
  doc.fold_from = 1;  // Markdown: the summary table first, the rest folded
  dates_section(doc, d);
  critical_section(doc, d);
  findings_section(doc, d);
  approvals_section(doc, d);
  structure_section(doc, d);
  return doc;
}

void write_diff_json(std::ostream& out, const PlanDiff& d, const std::string& before_file,
                     const std::string& after_file) {
  ojson root;
  root["before"] = before_file;
  root["after"] = after_file;
  root["worst_slip"] = num(d.worst_slip);
  ojson initiatives = ojson::array();
  for (const InitiativeSlip& i : d.initiatives) {
    ojson o;
    o["id"] = i.id;
    o["name"] = i.name;
    o["before"] = optional_number(i.before);
    o["after"] = optional_number(i.after);
    o["before_date"] = optional_text(i.before_date);
    o["after_date"] = optional_text(i.after_date);
    o["before_levelled"] = optional_number(i.before_levelled);
    o["after_levelled"] = optional_number(i.after_levelled);
    o["slip"] = num(i.slip);
    o["calendar_slip"] = i.calendar_slip ? ojson(*i.calendar_slip) : ojson();
    o["cost_per_day"] = num(i.cost_per_day);
    o["cost_of_slip"] = num(i.cost_of_slip);
    ojson causes = ojson::array();
    for (const SlipCause& c : i.causes) causes.push_back({{"change", c.change}, {"days", num(c.days)}});
    o["causes"] = std::move(causes);
    o["combined"] = i.combined;
    initiatives.push_back(std::move(o));
  }
  root["initiatives"] = std::move(initiatives);
  const CriticalPathDiff& c = d.critical;
  ojson critical;
  critical["before_duration"] = num(c.before_duration);
  critical["after_duration"] = num(c.after_duration);
  critical["before_p80"] = optional_number(c.before_p80);
  critical["after_p80"] = optional_number(c.after_p80);
  critical["entered"] = c.entered;
  critical["left"] = c.left;
  ojson floats = ojson::array();
  for (const FloatChange& f : c.floats)
    floats.push_back({{"id", f.id}, {"before", num(f.before)}, {"after", num(f.after)}});
  critical["floats"] = std::move(floats);
  root["critical_path"] = std::move(critical);
  ojson findings;
  findings["added"] = findings_json(d.findings.added);
  findings["resolved"] = findings_json(d.findings.resolved);
  ojson changed = ojson::array();
  for (const FindingChange& f : d.findings.changed) {
    ojson pair;
    pair["before"] = findings_json({f.before})[0];
    pair["after"] = findings_json({f.after})[0];
    changed.push_back(std::move(pair));
  }
  findings["changed"] = std::move(changed);
  root["findings"] = std::move(findings);
  ojson approvals = ojson::array();
  for (const GateChange& g : d.approvals) {
    ojson o;
    o["id"] = g.id;
    o["before_satisfiable"] = g.before_satisfiable ? ojson(*g.before_satisfiable) : ojson();
    o["after_satisfiable"] = g.after_satisfiable ? ojson(*g.after_satisfiable) : ojson();
    o["before_bus_factor"] = g.before_bus_factor;
    o["after_bus_factor"] = g.after_bus_factor;
    o["before_single_points"] = g.before_single_points;
    o["after_single_points"] = g.after_single_points;
    o["why"] = g.why;
    approvals.push_back(std::move(o));
  }
  root["approvals"] = std::move(approvals);
  ojson structure;
  ojson model = ojson::array();
  for (const FieldChange& f : d.structure.model) model.push_back(field_json(f));
  structure["model"] = std::move(model);
  ojson entities = ojson::array();
  for (const EntityChange& e : d.structure.entities) {
    ojson o;
    o["change"] = change_kind_name(e.change);
    o["kind"] = kind_name(e.kind);
    o["id"] = e.id;
    o["pointer"] = e.pointer;
    ojson fields = ojson::array();
    for (const FieldChange& f : e.fields) fields.push_back(field_json(f));
    o["fields"] = std::move(fields);
    entities.push_back(std::move(o));
  }
  structure["entities"] = std::move(entities);
  ojson links = ojson::array();
  for (const LinkChange& l : d.structure.links)
    links.push_back({{"change", change_kind_name(l.change)},
                     {"from", l.from},
                     {"to", l.to},
                     {"type", link_type_name(l.timing.type)},
                     {"lag", num(l.timing.lag)}});
  structure["links"] = std::move(links);
  root["structure"] = std::move(structure);
  out << root.dump(2, ' ', false, ojson::error_handler_t::replace) << '\n';
}

}  // namespace clearpath
