// Tasks of an MSPDI file as steps: durations, progress, constraints, deadlines and links, with
// summary tasks as a grouping (docs/import-mspdi.md).
#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/mspdi/mspdi_parts.hpp"
#include "io/mspdi/mspdi_values.hpp"

namespace clearpath::mspdi {

namespace {

// Bounds that no plan comes near and a hostile file cannot pass: outline levels, names (each
// step's summary attribute repeats those above it), and the links that links on summary tasks
// become (a summary of n subtasks after one of m: n x m links).
constexpr long long kMaxOutlineLevel = 100;
constexpr std::size_t kMaxNameBytes = 4096;
constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr std::size_t kMaxExpandedLinks = 2'000'000;

struct Row {
  pugi::xml_node node;
  long long uid = 0;
  int level = 1;
  bool summary = false;
  std::size_t end = 0;         // summary tasks: one past their last subtask's row
  std::string id;              // the step's id; "" for a summary task
  bool own_id = false;         // the id came from clearpath's custom field: the file is clearpath's export
  std::size_t parent = kNone;  // the row of the summary task it is in, if any
  double days = 0;             // duration in working days
};

struct Link {
  std::size_t pred = 0, succ = 0;  // rows
  LinkTiming timing;
  pugi::xml_node node;
};

std::string uid_text(long long uid) { return std::to_string(uid); }

class TaskReader {
 public:
  TaskReader(Reader& r, const ProjectSettings& settings, MspdiImportSummary& summary)
      : r_(r), settings_(settings), summary_(summary) {}

  void read_rows(pugi::xml_node tasks) {
    std::vector<std::size_t> stack;  // rows of the open summary tasks, by outline level
    for (pugi::xml_node t : tasks.children("Task")) {
      r_.check_children(t, known_task_element);
      if (r_.flag(t, "IsNull")) {
        ++summary_.skipped_tasks;
        continue;
      }
      const std::optional<long long> uid = r_.integer(t, "UID");
      if (!uid) r_.fail(t, "a <Task> without <UID>: every task needs its unique id");
      const long long level = r_.integer(t, "OutlineLevel").value_or(1);
      if (level < 0 || level > kMaxOutlineLevel)
        r_.fail(t.child("OutlineLevel"), "<OutlineLevel> " + std::to_string(level) +
                                             " is out of range: clearpath reads "
                                             "outlines of up to " +
                                             std::to_string(kMaxOutlineLevel) + " levels");
      if (level == 0) continue;  // the project summary task: the whole project, not a grouping
      if (const std::optional<long long> active = r_.integer(t, "Active"); active && *active == 0) {
        r_.warn("inactive", t, "mspdi-inactive",
                "inactive task '" + std::string(t.child_value("Name")) + "' (UID " + uid_text(*uid) +
                    "): left out, as MS Project leaves it out of the schedule");
        inactive_.insert(*uid);
        ++summary_.skipped_tasks;
        continue;
      }
      if (!row_of_.emplace(*uid, rows_.size()).second)
        r_.fail(t.child("UID"), "task UID " + uid_text(*uid) + " is given twice");
      Row row;
      row.node = t;
      row.uid = *uid;
      row.level = static_cast<int>(level);
      row.summary = r_.flag(t, "Summary");
      if (stack.size() > static_cast<std::size_t>(level - 1)) stack.resize(static_cast<std::size_t>(level - 1));
      row.parent = stack.empty() ? kNone : stack.back();
      row.days = duration_days(t, row.summary);
      if (std::char_traits<char>::length(t.child_value("Name")) > kMaxNameBytes)
        r_.fail(t.child("Name"), "a task name longer than " + std::to_string(kMaxNameBytes) +
                                     " bytes (MS Project's have at most 255 characters)");
      if (row.summary) {
        stack.push_back(rows_.size());
        ++summary_.summary_tasks;
      }
      rows_.push_back(std::move(row));
    }
    // Each summary task's subtasks are the rows after it up to the next one at its level or above.
    for (std::size_t i = rows_.size(); i-- > 0;) {
      std::size_t end = i + 1;
      while (end < rows_.size() && rows_[end].level > rows_[i].level)
        end = rows_[end].end > end ? rows_[end].end : end + 1;
      rows_[i].end = end;
    }
  }

  // Each task's step id: its own (clearpath's custom field), else one made from its name or UID.
  void give_ids(IdPool& ids) {
    for (Row& row : rows_) {
      if (row.summary) continue;
      if (std::optional<std::string> own = ids.own(row.node)) {
        row.id = std::move(*own);
        row.own_id = true;
      } else {
        row.id = ids.make(row.node.child_value("Name"), "task-", row.uid);
      }
    }
  }

  void read_links() {
    for (std::size_t i = 0; i < rows_.size(); ++i)
      for (pugi::xml_node l : rows_[i].node.children("PredecessorLink")) read_link(i, l);
  }

  void add_steps(ModelBuilder& b, const TaskDemands& demands) {
    // Every link on its step, summary tasks replaced by their subtasks, each link once.
    std::vector<std::vector<std::pair<std::size_t, LinkTiming>>> preds(rows_.size());
    std::size_t expanded = 0;
    for (const Link& l : links_) {
      const std::vector<std::size_t>& from = leaves(l.pred);
      const std::vector<std::size_t>& to = leaves(l.succ);
      expanded += from.size() * to.size();
      if (expanded > kMaxExpandedLinks)
        r_.fail(l.node, "links on summary tasks would give their subtasks more than " +
                            std::to_string(kMaxExpandedLinks) + " links in all");
      const bool exact_from = !rows_[l.pred].summary || l.timing.type == LinkType::finish_to_start ||
                              l.timing.type == LinkType::finish_to_finish;
      const bool exact_to = !rows_[l.succ].summary || l.timing.type == LinkType::finish_to_start ||
                            l.timing.type == LinkType::start_to_start;
      if (!exact_from || !exact_to)
        r_.warn("summary-link", l.node, "mspdi-summary-link",
                std::string("a ") + link_type_name(l.timing.type) +
                    " link on a summary task is put on each of its subtasks, which asks more of them than MS "
                    "Project does (it ties only the earliest start or latest finish among them)");
      for (std::size_t s : to)
        for (std::size_t p : from)
          if (p != s) preds[s].emplace_back(p, l.timing);
    }
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      if (rows_[i].summary) continue;
      const auto d = demands.find(rows_[i].uid);
      b.add(make_step(b, i, preds[i], d == demands.end() ? nullptr : &d->second));
      step_nodes_.push_back(rows_[i].node);
      ++summary_.tasks;
    }
  }
  std::vector<pugi::xml_node> step_nodes() && { return std::move(step_nodes_); }

 private:
  double duration_days(pugi::xml_node t, bool summary) {
    const std::optional<std::string_view> text = Reader::text(t, "Duration");
    if (!text) return 0;
    const std::optional<double> minutes = parse_duration_minutes(*text);
    if (!minutes || *minutes < 0)
      r_.fail(t.child("Duration"), "<Duration> '" + std::string(text->substr(0, 40)) +
                                       "' is not a duration written PT8H0M0S (ISO 8601, not negative)");
    const long long format = r_.integer(t, "DurationFormat").value_or(7);
    if (!summary && elapsed_format(static_cast<int>(format))) {
      r_.warn(
          "elapsed-duration", t.child("Duration"), "mspdi-elapsed",
          "an elapsed duration (round the clock, every day): clearpath counts working days, so it is converted at " +
              std::to_string(static_cast<int>(settings_.days_per_week)) + " working days a week");
      return *minutes / (24 * 60) * settings_.days_per_week / 7;
    }
    return *minutes / settings_.minutes_per_day;
  }

  void read_link(std::size_t succ, pugi::xml_node l) {
    r_.check_children(l, known_link_element);
    const std::optional<long long> pred_uid = r_.integer(l, "PredecessorUID");
    if (!pred_uid) r_.fail(l, "a <PredecessorLink> without <PredecessorUID>");
    if (r_.flag(l, "CrossProject")) {
      r_.warn("cross-project", l, "mspdi-cross-project",
              "a link to a task of another project: left out (clearpath reads one project)");
      return;
    }
    if (inactive_.count(*pred_uid)) return;
    const auto p = row_of_.find(*pred_uid);
    if (p == row_of_.end())
      r_.fail(l.child("PredecessorUID"), "<PredecessorUID> " + uid_text(*pred_uid) + " names no task of the file");
    const long long type_code = r_.integer(l, "Type").value_or(1);
    const std::optional<LinkType> type = link_type_of(static_cast<int>(type_code));
    if (!type)
      r_.fail(l.child("Type"),
              "link <Type> " + std::to_string(type_code) + " is none of 0 (FF), 1 (FS), 2 (SF), 3 (SS)");
    const std::size_t pred = p->second;
    const Row& s = rows_[succ];
    const Row& q = rows_[pred];
    if ((s.summary && pred > succ && pred < s.end) || (q.summary && succ > pred && succ < q.end))
      r_.fail(l, "a link between a summary task and one of its own subtasks (MS Project refuses them too)");
    Link link{pred, succ, LinkTiming{*type, lag_days(l, q)}, l};
    links_.push_back(link);
    ++summary_.links;
  }

  double lag_days(pugi::xml_node l, const Row& pred) {
    const long long lag = r_.integer(l, "LinkLag").value_or(0);
    if (lag == 0) return 0;
    const long long format = r_.integer(l, "LagFormat").value_or(7);
    if (!known_duration_format(static_cast<int>(format)))
      r_.fail(l.child("LagFormat"),
              "<LagFormat> " + std::to_string(format) + " is not a duration format MS Project writes");
    if (percent_format(static_cast<int>(format))) {
      r_.warn("percent-lag", l, "mspdi-percent-lag",
              "a lag in percent of the predecessor's duration: clearpath keeps it in working days, worked out from "
              "the duration the file gives");
      return static_cast<double>(lag) / 100 * pred.days;
    }
    const double minutes = static_cast<double>(lag) / 10;  // LinkLag counts tenths of a minute
    if (elapsed_format(static_cast<int>(format))) {
      r_.warn("elapsed-lag", l, "mspdi-elapsed",
              "an elapsed lag (round the clock, every day): clearpath counts working days, so it is converted at " +
                  std::to_string(static_cast<int>(settings_.days_per_week)) + " working days a week");
      return minutes / (24 * 60) * settings_.days_per_week / 7;
    }
    return minutes / settings_.minutes_per_day;
  }

  // The tasks (not summary tasks) a row stands for: itself, or a summary task's subtasks; each
  // list made once.
  const std::vector<std::size_t>& leaves(std::size_t row) {
    std::vector<std::size_t>& out = leaves_[row];
    if (!out.empty()) return out;
    if (!rows_[row].summary) out.push_back(row);
    for (std::size_t i = row + 1; rows_[row].summary && i < rows_[row].end; ++i)
      if (!rows_[i].summary) out.push_back(i);
    return out;
  }

  std::optional<Date> date_of(pugi::xml_node t, const char* name) {
    const std::optional<std::string_view> text = Reader::text(t, name);
    if (!text || text->empty()) return std::nullopt;
    std::optional<Date> d = parse_date_time(*text);
    if (!d)
      r_.fail(t.child(name), std::string("<") + name + "> '" + std::string(text->substr(0, 40)) +
                                 "' is not a date-time written YYYY-MM-DDTHH:MM:SS");
    return d;
  }

  void read_constraint(pugi::xml_node t, const std::string& id, DateConstraints& dates) {
    const long long type = r_.integer(t, "ConstraintType").value_or(0);
    if (type == 0) return;  // as soon as possible
    const std::optional<Date> date = date_of(t, "ConstraintDate");
    const auto dropped = [&](const char* what) {
      r_.warn(std::string("constraint:") + what, t.child("ConstraintType"), "mspdi-constraint",
              std::string("constraint '") + what + "' is not one clearpath schedules: left out", id);
    };
    switch (type) {
      case 1: dropped("as late as possible"); return;
      case 2:
        r_.warn("constraint:mso", t.child("ConstraintType"), "mspdi-constraint",
                "constraint 'must start on' is read as 'start no earlier than' (clearpath moves no task earlier than "
                "its links allow)",
                id);
        if (date) dates.not_before = *date;
        return;
      case 3:
        r_.warn("constraint:mfo", t.child("ConstraintType"), "mspdi-constraint",
                "constraint 'must finish on' is read as a deadline (finish no later than)", id);
        if (date) dates.deadline = *date;
        return;
      case 4:
        if (date) dates.not_before = *date;
        return;
      case 5: dropped("start no later than"); return;
      case 6: dropped("finish no earlier than"); return;
      case 7:
        if (date) dates.deadline = *date;
        return;
      default: r_.fail(t.child("ConstraintType"), "<ConstraintType> " + std::to_string(type) + " is none of 0-7");
    }
  }

  void warn_unscheduled(pugi::xml_node t, const std::string& id) {
    if (r_.flag(t, "Manual"))
      r_.warn("manual", t, "mspdi-manual",
              "manually scheduled task: clearpath schedules it from its links like any other, where MS Project "
              "keeps the dates typed in",
              id);
    if (r_.number(t, "LevelingDelay").value_or(0) != 0)
      r_.warn("leveling-delay", t.child("LevelingDelay"), "mspdi-leveling-delay",
              "a levelling delay MS Project added: left out (clearpath levels with `clearpath level`)", id);
    if (r_.integer(t, "CalendarUID").value_or(-1) >= 0)
      r_.warn("task-calendar", t.child("CalendarUID"), "mspdi-task-calendar",
              "a task calendar of its own: clearpath schedules every step on the project calendar", id);
    if (r_.flag(t, "Recurring"))
      r_.warn("recurring", t.child("Recurring"), "mspdi-recurring",
              "an occurrence of a recurring task: read as a task of its own, held to its date by its constraint; "
              "the recurrence itself is not read (a new occurrence must be added in MS Project)",
              id);
    if (r_.flag(t, "ExternalTask") || r_.flag(t, "IsSubproject"))
      r_.warn("external", t, "mspdi-external", "an inserted or external project: read as one task", id);
  }

  Step make_step(ModelBuilder& b, std::size_t i, const std::vector<std::pair<std::size_t, LinkTiming>>& preds,
                 const std::vector<Demand>* demands) {
    const Row& row = rows_[i];
    const pugi::xml_node t = row.node;
    Step s;
    s.id = row.id;
    s.name = t.child_value("Name");
    if (row.own_id && s.name == s.id) s.name.clear();  // clearpath writes the id where there is no name
    s.initiative = settings_.initiative;
    s.duration = Duration::fixed(row.days);
    if (std::optional<std::string> estimate = custom_field(t, settings_, kEstimateField))
      read_estimate(t, *estimate, s);
    if (r_.flag(t, "Milestone")) ++summary_.milestones;
    warn_unscheduled(t, s.id);
    if (const std::optional<double> pct = r_.number(t, "PercentComplete")) {
      if (*pct < 0 || *pct > 100)
        r_.fail(t.child("PercentComplete"),
                "<PercentComplete> " + std::string(t.child_value("PercentComplete")) + " is outside 0-100");
      s.progress.percent_complete = *pct;
    }
    if (std::optional<Date> d = date_of(t, "ActualStart")) s.progress.actual_start = *d;
    if (std::optional<Date> d = date_of(t, "ActualFinish")) s.progress.actual_finish = *d;
    // A task with an actual finish is done, whatever its percent: MS Project sets 100 % when one
    // is entered. (Left as it was, the saved model would say "done" with work left, which the
    // loader refuses; the mspdi fuzz target found it.)
    if (!s.progress.actual_finish.empty() && s.progress.percent_complete > 0 && s.progress.percent_complete < 100) {
      r_.warn("finish-percent", t.child("ActualFinish"), "mspdi-progress",
              "a task with an <ActualFinish> but <PercentComplete> " + std::string(t.child_value("PercentComplete")) +
                  ": it is taken as done (100 %), as MS Project does once an actual finish is entered",
              s.id);
      s.progress.percent_complete = 100;
    }
    read_constraint(t, s.id, s.dates);
    if (std::optional<Date> d = date_of(t, "Deadline"))
      s.dates.deadline = s.dates.deadline.empty() ? *d : std::min(*d, s.dates.deadline);
    std::set<std::pair<std::size_t, LinkTiming>> seen;
    bool typed = false;
    for (const auto& [p, timing] : preds) {
      if (!seen.insert({p, timing}).second) continue;
      s.depends_on.push_back(b.intern(rows_[p].id));
      s.link_timing.push_back(timing);
      typed = typed || !timing.plain();
    }
    if (!typed) s.link_timing.clear();
    if (demands) {
      s.demands = *demands;
      // The owner: the largest demand, and of equal ones the smallest id (whatever the file's order).
      const auto owner = std::max_element(demands->begin(), demands->end(), [&](const Demand& a, const Demand& d) {
        return a.amount != d.amount ? a.amount < d.amount : b.id(a.resource) > b.id(d.resource);
      });
      if (owner != demands->end()) s.owner = owner->resource;
    }
    s.attributes = custom_attributes(r_, t, settings_, s.id);
    if (!s.attributes.has_value() && !row.own_id) s.attributes = Attributes::from_json(attributes_json(row));
    return s;
  }

  // "o,m,p" (clearpath's own field): the three-point estimate behind the duration.
  void read_estimate(pugi::xml_node t, const std::string& text, Step& s) {
    double v[3] = {0, 0, 0};
    std::size_t at = 0;
    for (int k = 0; k < 3; ++k) {
      const std::size_t comma = k < 2 ? text.find(',', at) : text.size();
      const std::optional<double> n =
          comma == std::string::npos ? std::nullopt : parse_number(std::string_view(text).substr(at, comma - at));
      if (!n || *n < 0) {
        r_.warn("bad-estimate", t, "mspdi-custom-estimate",
                std::string("custom field '") + kEstimateField + "' is not three durations o,m,p: not read", s.id);
        return;
      }
      v[k] = *n;
      at = comma + 1;
    }
    if (!(v[0] <= v[1] && v[1] <= v[2])) return;
    s.duration = v[0] == v[1] && v[1] == v[2] ? Duration::fixed(v[1]) : Duration{v[0], v[1], v[2], true};
  }

  std::string attributes_json(const Row& row) const {
    nlohmann::ordered_json a;
    a["ms_project_uid"] = row.uid;
    if (const char* wbs = row.node.child_value("WBS"); *wbs) a["wbs"] = wbs;
    std::vector<std::string> path;  // the summary tasks it is in, outermost first
    for (std::size_t p = row.parent; p != kNone; p = rows_[p].parent)
      path.emplace_back(rows_[p].node.child_value("Name"));
    std::reverse(path.begin(), path.end());
    if (!path.empty()) a["summary"] = path;
    return a.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }

  Reader& r_;
  const ProjectSettings& settings_;
  MspdiImportSummary& summary_;
  std::vector<Row> rows_;
  std::vector<pugi::xml_node> step_nodes_;  // the task of each step added, in order
  std::map<long long, std::size_t> row_of_;
  std::set<long long> inactive_;
  std::vector<Link> links_;
  std::map<std::size_t, std::vector<std::size_t>> leaves_;
};

}  // namespace

std::vector<pugi::xml_node> read_tasks(Reader& r, pugi::xml_node project, const ProjectSettings& settings,
                                       const TaskDemands& demands, IdPool& ids, ModelBuilder& builder,
                                       MspdiImportSummary& summary) {
  TaskReader reader(r, settings, summary);
  reader.read_rows(project.child("Tasks"));
  reader.give_ids(ids);
  reader.read_links();
  reader.add_steps(builder, demands);
  return std::move(reader).step_nodes();
}

}  // namespace clearpath::mspdi
