// `clearpath export --format mspdi`: the model as an MS Project XML file that import_mspdi
// reads back (docs/import-mspdi.md): steps and approvals as tasks, grouped under summary tasks
// by their `summary` attribute; people and departments as resources; demands as assignments.
#include <algorithm>
#include <bit>
#include <cmath>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "clearpath/mspdi.hpp"
#include "io/export/export_parts.hpp"
#include "io/mspdi/mspdi_parts.hpp"
#include "io/mspdi/mspdi_values.hpp"

namespace clearpath {

namespace {

constexpr double kMinutesPerDay = 480;
constexpr int kDayStart = 8 * 60, kDayFinish = 17 * 60;
// MS Project's field ids of the custom fields Text1-Text4 of tasks and of resources.
constexpr long kTaskText[4] = {188743731, 188743734, 188743737, 188743740};
constexpr long kResourceText[4] = {205520904, 205520905, 205520926, 205520927};

std::string xml_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        // XML 1.0 has no way to write the other control characters at all.
        if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') out += "\xEF\xBF\xBD";
        else out += c;
    }
  }
  return out;
}

class Writer {
 public:
  explicit Writer(std::ostream& out) : out_(out) {}
  void open(const char* name) {
    if (*name) {
      indent();
      out_ << '<' << name << ">\n";
    }
    ++depth_;
  }
  void close(const char* name) {
    --depth_;
    indent();
    out_ << "</" << name << ">\n";
  }
  void field(const char* name, std::string_view value) {
    indent();
    out_ << '<' << name << '>' << xml_text(value) << "</" << name << ">\n";
  }
  void field(const char* name, long long value) { field(name, std::to_string(value)); }
  void number(const char* name, double value) { field(name, number_text(value)); }

 private:
  void indent() {
    for (int i = 0; i < depth_; ++i) out_ << '\t';
  }
  std::ostream& out_;
  int depth_ = 0;
};

// What an activity's attributes say of its place in MS Project: the summary tasks it is in
// (attribute summary) and its UID (ms_project_uid), read once per activity.
struct TaskPlace {
  std::vector<std::string> path;
  std::optional<long long> uid;
};

TaskPlace task_place(const Attributes& a) {
  TaskPlace place;
  if (!a.has_value()) return place;
  const nlohmann::json j = nlohmann::json::parse(a.json(), nullptr, false);
  if (!j.is_object()) return place;
  if (const auto it = j.find("summary"); it != j.end() && it->is_array())
    for (const nlohmann::json& v : *it)
      if (v.is_string()) place.path.push_back(v.get<std::string>());
  if (const auto it = j.find("ms_project_uid"); it != j.end() && it->is_number_integer() && it->get<long long>() > 0)
    place.uid = it->get<long long>();
  return place;
}

struct TaskRow {
  Ref activity = kNoRef;  // kNoRef: a summary task
  std::string name;
  int level = 1;
  long long uid = 0;
};

void custom_fields(Writer& w, const long (&ids)[4], const std::vector<std::pair<int, std::string>>& values) {
  for (const auto& [k, v] : values) {
    w.open("ExtendedAttribute");
    w.field("FieldID", ids[k]);
    w.field("Value", v);
    w.close("ExtendedAttribute");
  }
}

void write_definitions(Writer& w) {
  const char* aliases[4] = {mspdi::kIdField, mspdi::kAttributesField, mspdi::kKindField, mspdi::kEstimateField};
  w.open("ExtendedAttributes");
  for (int k = 0; k < 4; ++k)
    for (const long* ids : {kTaskText, kResourceText}) {
      w.open("ExtendedAttribute");
      w.field("FieldID", ids[k]);
      w.field("FieldName", "Text" + std::to_string(k + 1));
      w.field("Alias", aliases[k]);
      w.close("ExtendedAttribute");
    }
  w.close("ExtendedAttributes");
}

void write_calendar(Writer& w, const Model& m) {
  w.open("Calendars");
  w.open("Calendar");
  w.field("UID", 1);
  w.field("Name", "Standard");
  w.field("IsBaseCalendar", 1);
  w.field("BaseCalendarUID", -1);
  w.open("WeekDays");
  const unsigned weekdays = working_weekdays(m.calendar);
  for (int day = 1; day <= 7; ++day) {  // 1 Sunday ... 7 Saturday
    const bool working = (weekdays >> ((day + 5) % 7)) & 1u;
    w.open("WeekDay");
    w.field("DayType", day);
    w.field("DayWorking", working ? 1 : 0);
    if (working) {
      w.open("WorkingTimes");
      for (const auto& [from, to] : {std::pair{"08:00:00", "12:00:00"}, std::pair{"13:00:00", "17:00:00"}}) {
        w.open("WorkingTime");
        w.field("FromTime", from);
        w.field("ToTime", to);
        w.close("WorkingTime");
      }
      w.close("WorkingTimes");
    }
    w.close("WeekDay");
  }
  std::set<std::string> holidays(m.calendar.holidays.begin(), m.calendar.holidays.end());
  for (const std::string& h : holidays) {
    w.open("WeekDay");
    w.field("DayType", 0);
    w.field("DayWorking", 0);
    w.open("TimePeriod");
    w.field("FromDate", h + "T00:00:00");
    w.field("ToDate", h + "T23:59:00");
    w.close("TimePeriod");
    w.close("WeekDay");
  }
  w.close("WeekDays");
  w.close("Calendar");
  w.close("Calendars");
}

// Tasks in order: by summary path, then id; a summary task opens each new grouping.
std::vector<TaskRow> task_rows(const Model& m, const std::vector<Ref>& activities) {
  std::vector<std::pair<TaskPlace, Ref>> keyed;
  std::set<long long> used;
  for (Ref a : activities) {
    keyed.emplace_back(task_place(m.entity(a).attributes), a);
    if (keyed.back().first.uid) used.insert(*keyed.back().first.uid);
  }
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& x, const auto& y) { return x.first.path < y.first.path; });
  std::vector<TaskRow> rows;
  std::set<long long> given;
  long long next = 1;
  const auto fresh = [&] {
    while (used.count(next)) ++next;
    return next++;
  };
  std::vector<std::string> open;
  for (const auto& [place, a] : keyed) {
    const std::vector<std::string>& path = place.path;
    std::size_t common = 0;
    while (common < open.size() && common < path.size() && open[common] == path[common]) ++common;
    open.resize(common);
    for (std::size_t k = common; k < path.size(); ++k) {
      rows.push_back(TaskRow{kNoRef, path[k], static_cast<int>(k + 1), 0});
      open.push_back(path[k]);
    }
    TaskRow row{a, m.display_name(a), static_cast<int>(path.size() + 1), 0};
    row.uid = place.uid && given.insert(*place.uid).second ? *place.uid : 0;
    rows.push_back(std::move(row));
  }
  for (TaskRow& r : rows)
    if (r.uid == 0) r.uid = fresh();
  return rows;
}

std::string estimate_text(const Duration& d) {
  return number_text(d.optimistic) + "," + number_text(d.likely) + "," + number_text(d.pessimistic);
}

void write_task(Writer& w, const Model& m, const TaskRow& row, long long id, const std::map<Ref, long long>& uid_of) {
  w.open("Task");
  w.field("UID", row.uid);
  w.field("ID", id);
  w.field("Name", row.name);
  w.field("OutlineLevel", row.level);
  if (row.activity == kNoRef) {
    w.field("Summary", 1);
    w.close("Task");
    return;
  }
  const bool is_step = m.kind(row.activity) == EntityKind::step;
  const Step* s = is_step ? &m.step(row.activity) : nullptr;
  const Approval* a = is_step ? nullptr : &m.approval(row.activity);
  const double days = s ? s->duration.expected() : a->lead_time;
  w.field("Summary", 0);
  w.field("Milestone", days == 0 ? 1 : 0);
  w.field("Duration", mspdi::duration_text(days * kMinutesPerDay));
  w.field("DurationFormat", 7);
  const DateConstraints& dates = s ? s->dates : a->dates;
  if (!dates.not_before.empty()) {
    w.field("ConstraintType", 4);
    w.field("ConstraintDate", mspdi::date_time_text(dates.not_before, kDayStart));
  } else {
    w.field("ConstraintType", 0);
  }
  if (!dates.deadline.empty()) w.field("Deadline", mspdi::date_time_text(dates.deadline, kDayFinish));
  if (s) {
    const StepProgress& p = s->progress;
    double pct = p.percent_complete;
    // Work left given in days (`remaining`) goes as the share done it leaves, which MSPDI holds.
    if (p.has_remaining() && s->duration.expected() > 0)
      pct = std::clamp(100 * (1 - p.remaining / s->duration.expected()), 0.0, 100.0);
    if (s->status == StepStatus::done) pct = 100;
    if (pct != 0) w.number("PercentComplete", pct);
    if (!p.actual_start.empty()) w.field("ActualStart", mspdi::date_time_text(p.actual_start, kDayStart));
    if (!p.actual_finish.empty()) w.field("ActualFinish", mspdi::date_time_text(p.actual_finish, kDayFinish));
  } else if (a->status == ApprovalStatus::granted) {
    w.field("PercentComplete", 100);
  }
  const std::vector<Ref>& deps = m.depends_on(row.activity);
  const std::vector<LinkTiming>& timing = m.link_timing(row.activity);
  for (std::size_t k = 0; k < deps.size(); ++k) {
    const LinkTiming t = timing_at(timing, k);
    w.open("PredecessorLink");
    w.field("PredecessorUID", uid_of.at(deps[k]));
    w.field("Type", mspdi::link_type_code(t.type));
    w.field("CrossProject", 0);
    w.field("LinkLag", std::llround(t.lag * kMinutesPerDay * 10));
    w.field("LagFormat", 7);
    w.close("PredecessorLink");
  }
  std::vector<std::pair<int, std::string>> fields{{0, m.id(row.activity)}};
  const Attributes& attributes = m.entity(row.activity).attributes;
  if (attributes.has_value()) fields.emplace_back(1, attributes.json());
  if (!is_step) fields.emplace_back(2, "approval");
  // A three-point estimate, or a duration whole seconds cannot hold, in clearpath's own field.
  const auto minutes = mspdi::parse_duration_minutes(mspdi::duration_text(days * kMinutesPerDay));
  if (s && (s->duration.three_point || !minutes || *minutes / kMinutesPerDay != days))
    fields.emplace_back(3, estimate_text(s->duration));
  custom_fields(w, kTaskText, fields);
  w.close("Task");
}

}  // namespace

void write_mspdi(std::ostream& out, const Model& m) {
  std::vector<Ref> activities;
  for (std::size_t i = 0; i < m.approvals().size(); ++i) activities.push_back(m.ref_of(EntityKind::approval, i));
  for (std::size_t i = 0; i < m.steps().size(); ++i) activities.push_back(m.ref_of(EntityKind::step, i));
  std::sort(activities.begin(), activities.end(), [&](Ref x, Ref y) { return m.id(x) < m.id(y); });
  const std::vector<TaskRow> rows = task_rows(m, activities);
  std::map<Ref, long long> uid_of;
  for (const TaskRow& r : rows)
    if (r.activity != kNoRef) uid_of[r.activity] = r.uid;

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
  out << "<Project xmlns=\"http://schemas.microsoft.com/project\">\n";
  Writer w(out);
  w.open("");  // the elements inside <Project> are indented once
  // Header fields, in the order MS Project writes them.
  w.field("SaveVersion", 14);
  w.field("Title", m.name);
  w.field("ScheduleFromStart", 1);
  const std::optional<Date> start = Date::parse(m.calendar.start);
  if (start) w.field("StartDate", mspdi::date_time_text(*start, kDayStart));
  if (!m.status_date.empty()) w.field("StatusDate", mspdi::date_time_text(m.status_date, kDayFinish));
  w.field("CalendarUID", 1);
  w.field("DefaultStartTime", "08:00:00");
  w.field("DefaultFinishTime", "17:00:00");
  w.number("MinutesPerDay", kMinutesPerDay);
  w.number("MinutesPerWeek", kMinutesPerDay * std::popcount(working_weekdays(m.calendar)));
  w.field("DaysPerMonth", 20);
  write_definitions(w);
  write_calendar(w, m);

  w.open("Tasks");
  long long id = 1;
  for (const TaskRow& r : rows) write_task(w, m, r, id++, uid_of);
  w.close("Tasks");

  // People and departments, by id, as work resources.
  std::vector<Ref> resources;
  for (std::size_t i = 0; i < m.people().size(); ++i) resources.push_back(m.ref_of(EntityKind::person, i));
  for (std::size_t i = 0; i < m.departments().size(); ++i) resources.push_back(m.ref_of(EntityKind::department, i));
  std::sort(resources.begin(), resources.end(), [&](Ref x, Ref y) { return m.id(x) < m.id(y); });
  std::map<Ref, long long> resource_uid;
  w.open("Resources");
  for (Ref r : resources) {
    const long long uid = static_cast<long long>(resource_uid.size()) + 1;
    resource_uid[r] = uid;
    w.open("Resource");
    w.field("UID", uid);
    w.field("ID", uid);
    w.field("Name", m.display_name(r));
    w.field("Type", 1);
    std::vector<std::pair<int, std::string>> fields{{0, m.id(r)}};
    if (m.entity(r).attributes.has_value()) fields.emplace_back(1, m.entity(r).attributes.json());
    if (m.kind(r) == EntityKind::person) {
      const Person& p = m.person(r);
      if (p.department != kNoRef) w.field("Group", m.display_name(p.department));
      w.number("MaxUnits", p.capacity);
      if (!p.available) w.field("IsInactive", 1);
    } else {
      const Department& d = m.department(r);
      if (d.capacity) w.number("MaxUnits", *d.capacity);
      fields.emplace_back(2, "department");
    }
    custom_fields(w, kResourceText, fields);
    w.close("Resource");
  }
  w.close("Resources");

  w.open("Assignments");
  long long assignment = 1;
  for (const TaskRow& r : rows) {
    if (r.activity == kNoRef || m.kind(r.activity) != EntityKind::step) continue;
    const Step& s = m.step(r.activity);
    for (const Demand& d : m.effective_demands(s)) {
      w.open("Assignment");
      w.field("UID", assignment++);
      w.field("TaskUID", r.uid);
      w.field("ResourceUID", resource_uid.at(d.resource));
      w.number("Units", d.amount);
      w.close("Assignment");
    }
  }
  w.close("Assignments");
  out << "</Project>\n";
}

}  // namespace clearpath
