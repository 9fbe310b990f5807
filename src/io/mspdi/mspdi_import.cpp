// `clearpath import mspdi`: an MS Project XML file as a model (docs/import-mspdi.md). The
// project's settings and calendar, its resources as people (or departments) and their
// assignments as the steps' demands; the tasks are read in mspdi_tasks.cpp.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "clearpath/hr_import.hpp"
#include "clearpath/load.hpp"
#include "clearpath/mspdi.hpp"
#include "io/export/export_parts.hpp"
#include "io/json/entity_decoder.hpp"
#include "io/mspdi/mspdi_calendar.hpp"
#include "io/mspdi/mspdi_parts.hpp"
#include "io/mspdi/mspdi_values.hpp"
#include "io/mspdi/xml_input.hpp"
#include "util/civil_days.hpp"
#include "util/text.hpp"

namespace clearpath::mspdi {

std::optional<std::string> custom_field(pugi::xml_node item, const ProjectSettings& project, const char* alias) {
  for (pugi::xml_node a : item.children("ExtendedAttribute")) {
    const std::optional<long long> field = parse_integer(a.child_value("FieldID"));
    if (!field) continue;
    const auto f = project.custom_fields.find(*field);
    if (f != project.custom_fields.end() && f->second == alias) return std::string(a.child_value("Value"));
  }
  return std::nullopt;
}

void IdPool::claim_own(pugi::xml_node item, const std::optional<std::string>& own) {
  if (own && usable_id(*own) && take(*own)) own_[item.internal_object()] = *own;
}

std::optional<std::string> IdPool::own(pugi::xml_node item) const {
  const auto it = own_.find(item.internal_object());
  if (it == own_.end()) return std::nullopt;
  return it->second;
}

std::string IdPool::make(std::string_view name, const std::string& prefix, long long uid) {
  const std::string uid_part = std::to_string(uid);
  if (from_names_) {
    std::string base = kebab_id(name, 48);
    if (!base.empty() && take(base)) return base;
    if (!base.empty() && take(base + "-" + uid_part)) return base + "-" + uid_part;
  }
  std::string plain = prefix + uid_part;
  if (take(plain)) return plain;
  for (int k = 2;; ++k)
    if (take(plain + "-" + std::to_string(k))) return plain + "-" + std::to_string(k);
}

Attributes custom_attributes(Reader& r, pugi::xml_node item, const ProjectSettings& project, const std::string& id) {
  const std::optional<std::string> json = custom_field(item, project, kAttributesField);
  if (!json) return {};
  try {
    return Attributes::from_json(*json);
  } catch (const std::invalid_argument&) {
    r.warn("bad-attributes", item, "mspdi-custom-attributes",
           std::string("custom field '") + kAttributesField + "' is not a JSON object: not read", id);
    return {};
  }
}

bool usable_id(const std::string& id) {
  if (id.empty() || id.size() > kMaxIdBytes) return false;
  return std::none_of(id.begin(), id.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
  });
}

namespace {

ProjectSettings read_settings(Reader& r, pugi::xml_node project) {
  ProjectSettings s;
  s.minutes_per_day = r.number(project, "MinutesPerDay").value_or(480);
  if (s.minutes_per_day <= 0 || s.minutes_per_day > 24 * 60)
    r.fail(project.child("MinutesPerDay"), "<MinutesPerDay> must be more than 0 and at most 1440");
  const double per_week = r.number(project, "MinutesPerWeek").value_or(s.minutes_per_day * 5);
  s.days_per_week = std::clamp(per_week / s.minutes_per_day, 1.0, 7.0);
  for (pugi::xml_node a : project.child("ExtendedAttributes").children("ExtendedAttribute")) {
    const std::string alias = a.child_value("Alias");
    if (alias != kIdField && alias != kAttributesField && alias != kKindField && alias != kEstimateField) continue;
    if (const std::optional<long long> field = parse_integer(a.child_value("FieldID"))) s.custom_fields[*field] = alias;
  }
  if (const std::optional<long long> from_start = r.integer(project, "ScheduleFromStart");
      from_start && *from_start == 0)
    r.warn("from-finish", project.child("ScheduleFromStart"), "mspdi-schedule-from-finish",
           "the project is scheduled back from its finish date: clearpath schedules forward from <StartDate>");
  if (r.number(project, "CriticalSlackLimit").value_or(0) != 0)
    r.warn("slack-limit", project.child("CriticalSlackLimit"), "mspdi-critical-slack",
           "MS Project counts tasks with some slack as critical here (<CriticalSlackLimit>): clearpath's critical "
           "steps have no float");
  return s;
}

struct ResourceImport {
  std::map<long long, Ref> ref_of_uid;            // work resources only
  std::map<long long, double> capacity_of;        // by UID: a person's capacity, a department's when given
  std::map<long long, std::string> own_calendar;  // by UID: the name of a calendar of its own (calendar_of_its_own)
};

// One work resource, read before any is added (a person's group may name a department
// resource that comes later).
struct ResourceRow {
  pugi::xml_node node;
  std::string id, name, group;
  std::optional<double> units;
  bool department = false;
  Attributes attributes;
};

ResourceImport read_resources(Reader& r, pugi::xml_node project, const ProjectSettings& settings, IdPool& ids,
                              ModelBuilder& b, MspdiImportSummary& summary) {
  ResourceImport out;
  std::vector<ResourceRow> rows;
  for (pugi::xml_node res : project.child("Resources").children("Resource")) {
    r.check_children(res, known_resource_element);
    if (r.flag(res, "IsNull")) continue;
    const std::optional<long long> uid = r.integer(res, "UID");
    if (!uid) r.fail(res, "a <Resource> without <UID>");
    if (r.integer(res, "Type").value_or(1) != 1) continue;  // material and cost resources hold no one's time
    ResourceRow row;
    row.node = res;
    row.name = res.child_value("Name");
    if (*uid == 0 && row.name.empty()) continue;  // the blank resource MS Project writes first
    if (std::optional<std::string> own = ids.own(res)) {
      row.id = std::move(*own);
      if (row.name == row.id) row.name.clear();  // clearpath writes the id where there is no name
    } else {
      row.id = ids.make(row.name, "res-", *uid);
    }
    row.units = r.number(res, "MaxUnits");
    if (row.units && *row.units < 0) r.fail(res.child("MaxUnits"), "<MaxUnits> is negative");
    const std::optional<std::string> kind = custom_field(res, settings, kKindField);
    // A resource of more than one person's time (a team, a pool) is a department of that capacity.
    row.department = kind ? *kind == "department" : row.units.value_or(1) > 1;
    row.group = res.child_value("Group");
    row.attributes = custom_attributes(r, res, settings, row.id);
    if (!out.ref_of_uid.emplace(*uid, b.intern(row.id)).second)
      r.fail(res.child("UID"), "resource UID " + std::to_string(*uid) + " is given twice");
    if (row.department ? row.units && *row.units > 0 : true)
      out.capacity_of[*uid] = row.units && *row.units > 0 ? *row.units : 1;
    if (const std::optional<long long> cal = r.integer(res, "CalendarUID"))
      if (std::optional<std::string> own = calendar_of_its_own(r, project, *cal, r.integer(project, "CalendarUID")))
        out.own_calendar[*uid] = std::move(*own);
    ++summary.resources;
    rows.push_back(std::move(row));
  }
  // A person's group is the department resource of that name, or else a department of its own.
  std::map<std::string, std::string> department_named;
  for (const ResourceRow& row : rows)
    if (row.department) department_named.emplace(row.name.empty() ? row.id : row.name, row.id);
  std::map<std::string, std::string> groups;    // department id -> group name
  std::map<std::string, std::string> group_id;  // group name -> department id
  for (ResourceRow& row : rows) {
    if (row.department) {
      Department d;
      d.id = row.id;
      d.name = row.name;
      if (row.units && *row.units > 0) d.capacity = *row.units;
      d.attributes = std::move(row.attributes);
      b.add(std::move(d));
      continue;
    }
    Person p;
    p.id = row.id;
    p.name = row.name;
    const double units = row.units.value_or(1);
    p.capacity = units > 0 ? units : 1;
    p.available = units > 0 && !r.flag(row.node, "IsInactive");
    p.attributes = std::move(row.attributes);
    if (!row.group.empty()) {
      std::string dept;
      if (const auto named = department_named.find(row.group); named != department_named.end()) {
        dept = named->second;
      } else if (const auto seen = group_id.find(row.group); seen != group_id.end()) {
        dept = seen->second;
      } else if (const std::string base = hr_department_id(row.group); !base.empty()) {
        dept = base;  // as `import hr` names departments; -2, -3 ... should the id be taken
        for (int k = 2; !ids.take(dept); ++k) dept = base + "-" + std::to_string(k);
        group_id.emplace(row.group, dept);
        groups.emplace(dept, row.group);
      }
      if (!dept.empty()) p.department = b.intern(dept);
    }
    b.add(std::move(p));
  }
  for (const auto& [id, group] : groups) {
    if (b.find(id)) continue;
    Department d;
    d.id = id;
    d.name = group;
    b.add(std::move(d));
  }
  return out;
}

// The days a calendar works, as days since 1970, for looking many of them up.
struct WorkingDays {
  explicit WorkingDays(const Calendar& c) : weekdays(working_weekdays(c)) {
    for (const std::string& h : c.holidays) holidays.push_back(days_from_iso(h));
    std::sort(holidays.begin(), holidays.end());
  }
  bool operator()(long z) const {
    return works_on(weekdays, z) && !std::binary_search(holidays.begin(), holidays.end(), z);
  }
  unsigned weekdays;
  std::vector<long> holidays;  // sorted
};

// Whether MS Project's day-by-day work of assignment `a` (its <TimephasedData>, remaining and
// actual) stops on a day `works` and resumes later: a split task, or a resource's
// working time with gaps. A period stands for the days from 12 hours after its start to 12 hours
// before its finish (MS Project's daily periods run 08:00 to 08:00, or 17:00 to 17:00).
// `budget` bounds the days looked at over the whole file (a hostile file of ten-year periods);
// once it is spent, no more pauses are found.
bool work_pauses(const Reader& r, pugi::xml_node a, const WorkingDays& works, std::size_t& budget) {
  std::set<std::int32_t> work, idle;
  std::int32_t first = std::numeric_limits<std::int32_t>::max();
  std::int32_t last = std::numeric_limits<std::int32_t>::min();
  for (pugi::xml_node t : a.children("TimephasedData")) {
    const long long type = r.integer(t, "Type").value_or(0);
    if (type != 1 && type != 2) continue;  // remaining and actual work of the assignment
    const std::optional<Date> from = parse_date_time(t.child_value("Start"));
    const std::optional<Date> to = parse_date_time(t.child_value("Finish"));
    const std::optional<double> value = parse_duration_minutes(t.child_value("Value"));
    if (!from || !to || !value) continue;  // no value: not a working period
    const long long start = from->days() * 1440LL + minutes_of_day(t.child_value("Start")) + 720;
    const long long finish = to->days() * 1440LL + minutes_of_day(t.child_value("Finish")) - 720;
    const auto d0 = static_cast<std::int32_t>(start / 1440);
    const auto d1 = static_cast<std::int32_t>(finish / 1440);
    if (d1 < d0 || d1 - d0 > 3660) continue;  // not a period of days a plan has
    const auto days = static_cast<std::size_t>(d1 - d0) + 1;
    if (days > budget) return false;
    budget -= days;
    for (std::int32_t d = d0; d <= d1; ++d) (*value > 0 ? work : idle).insert(d);
    if (*value > 0) first = std::min(first, d0), last = std::max(last, d1);
  }
  return std::any_of(idle.begin(), idle.end(),
                     [&](std::int32_t d) { return d > first && d < last && !work.count(d) && works(d); });
}

TaskDemands read_assignments(Reader& r, pugi::xml_node project, const ResourceImport& resources,
                             const Calendar& calendar, MspdiImportSummary& summary) {
  std::map<long long, std::map<Ref, double>> units;  // task UID -> resource -> units
  std::size_t day_budget = 1'000'000;                // for work_pauses: days of timephased work
  const WorkingDays working(calendar);
  for (pugi::xml_node a : project.child("Assignments").children("Assignment")) {
    r.check_children(a, known_assignment_element);
    const std::optional<long long> task = r.integer(a, "TaskUID");
    const std::optional<long long> resource = r.integer(a, "ResourceUID");
    if (!task || !resource) r.fail(a, "an <Assignment> needs <TaskUID> and <ResourceUID>");
    if (work_pauses(r, a, working, day_budget))
      r.warn("split", a, "mspdi-split",
             "MS Project's work on this task stops on working days of the project calendar and resumes later (a "
             "split task, or days off of a task or resource calendar): clearpath schedules each step as one piece "
             "of its duration, so the task's finish may differ");
    const auto res = resources.ref_of_uid.find(*resource);
    if (res == resources.ref_of_uid.end()) continue;  // unassigned (-65535), material or cost
    const double u = r.number(a, "Units").value_or(1);
    if (u < 0) r.fail(a.child("Units"), "<Units> is negative");
    if (u == 0) continue;
    if (const auto own = resources.own_calendar.find(*resource); own != resources.own_calendar.end())
      r.warn("resource-calendar", a, "mspdi-resource-calendar",
             "work assigned to a resource with a calendar of its own ('" + own->second +
                 "'): MS Project fits the task into that resource's working time, clearpath schedules every step on "
                 "the project calendar, so the task's dates may differ");
    double& total = units[*task][res->second];
    total += u;
    if (const auto cap = resources.capacity_of.find(*resource);
        cap != resources.capacity_of.end() && total > cap->second) {
      r.warn("over-capacity", a, "mspdi-over-capacity",
             "an assignment of more units than its resource has (MS Project shows it over-allocated): clearpath "
             "counts the resource's whole capacity, " +
                 number_text(cap->second) + ", since more could never be scheduled");
      total = cap->second;
    }
    ++summary.assignments;
  }
  TaskDemands out;
  for (const auto& [task, by_resource] : units)
    for (const auto& [ref, amount] : by_resource) out[task].push_back(Demand{ref, amount});
  return out;
}

Date required_date(Reader& r, pugi::xml_node project, const char* name) {
  const std::optional<Date> d = parse_date_time(project.child_value(name));
  if (!d)
    r.fail(project.child(name) ? project.child(name) : project,
           std::string("the project needs <") + name + "> written YYYY-MM-DDTHH:MM:SS: the date work is counted from");
  return *d;
}

}  // namespace

}  // namespace clearpath::mspdi

namespace clearpath {

MspdiImportResult import_mspdi(std::string_view xml, const std::string& file, const MspdiImportOptions& options) {
  using namespace mspdi;
  const XmlInput doc(xml, file);
  Reader r(doc);
  const pugi::xml_node project = doc.root();
  if (std::string_view(project.name()) != "Project")
    r.fail(project, std::string("the root element is <") + project.name() +
                        ">, not <Project>: this is not an MS Project XML (MSPDI) file");
  r.check_children(project, known_project_element);
  MspdiImportResult result;
  ModelBuilder b;
  ProjectSettings settings = read_settings(r, project);
  std::string title = project.child_value("Title");
  if (title.empty()) title = project.child_value("Name");
  if (title.empty()) title = file == "<stdin>" ? "MS Project plan" : std::filesystem::path(file).stem().string();
  b.set_name(title);
  const Date start = required_date(r, project, "StartDate");
  Calendar calendar = read_calendar(r, project, r.integer(project, "CalendarUID"), start, settings.minutes_per_day);
  result.summary.holidays = calendar.holidays.size();
  b.set_calendar(std::move(calendar));
  if (const std::string status = project.child_value("StatusDate"); !status.empty()) {
    b.set_status_date(required_date(r, project, "StatusDate"));
  }
  // Ids: the custom-field ones first (each once: a second claim is warned about), then the rest.
  IdPool ids(options.ids == MspdiIds::names);
  ids.take("project");
  for (const char* kind : {"Resources", "Tasks"})
    for (pugi::xml_node item : project.child(kind).children()) {
      const std::optional<std::string> own = custom_field(item, settings, kIdField);
      if (!own) continue;
      ids.claim_own(item, own);
      if (!ids.own(item))
        r.warn("bad-custom-id", item, "mspdi-custom-id",
               std::string("custom field '") + kIdField +
                   "' holds an id that is empty, too long, taken or has a control character: another is made");
    }
  Initiative initiative;
  initiative.id = "project";
  initiative.name = title;
  settings.initiative = b.intern(initiative.id);
  b.add(std::move(initiative));
  const ResourceImport resources = read_resources(r, project, settings, ids, b, result.summary);
  const TaskDemands demands = read_assignments(r, project, resources, b.model().calendar, result.summary);
  const std::vector<pugi::xml_node> step_nodes = read_tasks(r, project, settings, demands, ids, b, result.summary);
  // Progress needs a status date; MS Project takes the current date when none is set.
  const bool progress = std::any_of(b.model().steps().begin(), b.model().steps().end(),
                                    [](const Step& s) { return !s.progress.empty(); });
  if (progress && project.child_value("StatusDate")[0] == '\0') {
    if (const std::optional<Date> current = parse_date_time(project.child_value("CurrentDate"))) {
      b.set_status_date(*current);
      r.warn("status-date", project.child("CurrentDate"), "mspdi-status-date",
             "the file has progress but no <StatusDate>: its <CurrentDate> " + current->iso() +
                 " is taken as the status date, as MS Project does");
    }
  }
  r.flush(result.diagnostics);
  LoadResult built = std::move(b).build();
  for (Diagnostic& d : built.diagnostics.items()) {
    // The model's own checks point into a model that is never written (/steps/3/depends_on/0):
    // place them at the task instead.
    if (d.pointer.rfind("/steps/", 0) == 0) {
      const std::size_t n = std::strtoull(d.pointer.c_str() + 7, nullptr, 10);
      if (n < step_nodes.size()) {
        const ErrorLocation at = doc.where(step_nodes[n]);
        d.line = at.line;
        d.column = at.column;
        d.message = "task UID " + std::string(step_nodes[n].child_value("UID")) + ": " + d.message;
        d.pointer.clear();
      }
    }
    result.diagnostics.add(std::move(d));
  }
  result.model = std::move(built.model);
  return result;
}

}  // namespace clearpath
