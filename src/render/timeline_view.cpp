// The timeline view: a Gantt chart in calendar dates. One row per step or approval gate, grouped
// by initiative under a row with the initiative's span and production date; the CPM bars, the
// critical path in red, the longest legacy-system chain outlined, gates as milestones after
// their lead time, the levelled dates beneath wherever levelling moves work, days off shaded,
// the status date as a line and each initiative's momentum window as a band behind its rows.
// Past the node budget each initiative keeps its gates and critical work first and sums the rest
// up in a "+N more" row. Every box is placed here (a pinned diagram); Graphviz only draws.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "clearpath/conflicts.hpp"
#include "clearpath/path_analysis.hpp"
#include "render/labels.hpp"
#include "render/timeline_scale.hpp"
#include "render/views.hpp"

namespace clearpath {
namespace {

constexpr double kLabelWidth = 235;  // the names' column (points)
constexpr double kGap = 10;          // between it and the chart
// The bars' area at most: with the names and the production dates after the bars, the chart
// fits 1,920 pixels at 96 dpi (1,440 points).
constexpr double kChartWidth = 960;
constexpr double kMaxPerDay = 24;       // points per day at most (a short plan is not stretched)
constexpr double kRow = 15;             // a row's height
constexpr double kBar = 9;              // a CPM bar's height
constexpr double kLevelledBar = 3.5;    // a levelled bar's, under the CPM bar
constexpr double kAxis = 34;            // the two rows of tick labels above the chart
constexpr double kMinBar = 1.5;         // the narrowest bar drawn (work of a few hours)
constexpr std::size_t kNameChars = 42;  // a name in the column, cut to fit 220 points at 9 points

void define_styles(ViewBuilder& b, bool constrained) {
  using A = DiagramStyle::Applies;
  const DiagramAttributes box = {{"shape", "box"}, {"style", "filled"}};
  const auto with = [&](DiagramAttributes more) {
    DiagramAttributes a = box;
    a.insert(a.end(), more.begin(), more.end());
    return a;
  };
  b.style("non-working", A::node, "day off: weekend or holiday",
          with({{"fillcolor", "#00000012"}, {"color", "#00000000"}}));
  b.style("momentum", A::node, "momentum window: production within it keeps people engaged",
          with({{"fillcolor", "#e8f5e3"}, {"color", "#e8f5e3"}}));
  b.style("gridline", A::node, "start of a month (or year)", with({{"fillcolor", "#d0d0d0"}, {"color", "#d0d0d0"}}));
  b.style("initiative-span", A::node, "an initiative from its first work to production",
          with({{"fillcolor", "#444444"}, {"color", "#444444"}}));
  b.style("activity", A::node, "work: planned dates (CPM, expected durations)",
          with({{"fillcolor", "#8fb3d9"}, {"color", "#4a78a8"}}));
  b.style("critical", A::node,
          constrained ? "on the critical path: no float, or negative (a deadline it misses)"
                      : "on the critical path: no float",
          {{"fillcolor", "#e06666"}, {"color", "#b22222"}});
  b.style("legacy-step", A::node, "on the longest legacy-system chain", {{"color", "#7b3fa0"}, {"penwidth", "2"}});
  b.style("lead-time", A::node, "an approval's lead time", with({{"fillcolor", "#dde7f3"}, {"color", "#7f9cc0"}}));
  b.style("gate", A::node, "approval gate: granted at the diamond",
          {{"shape", "diamond"}, {"style", "filled"}, {"fillcolor", "#e3eefb"}, {"color", "#2f5d8a"}});
  b.style("levelled", A::node, "levelled dates: where sharing people and departments moves the work",
          with({{"fillcolor", "#f0a030"}, {"color", "#c07000"}}));
  b.style("done", A::node, "done: actual dates", with({{"fillcolor", "#c8c8c8"}, {"color", "#a0a0a0"}}));
  b.style("rolled-up", A::node, "a system's steps rolled up into one row: their bars merged where they touch",
          with({{"fillcolor", "#b7cbe3"}, {"color", "#6f8fb5"}, {"style", "dashed"}}));

  b.style("deadline", A::node, "deadline (an activity's finish no later than)",
          {{"shape", "invtriangle"}, {"style", "filled"}, {"fillcolor", "#2ca02c"}, {"color", "#1e7a1e"}});
  b.style("status-date", A::node, "status date", with({{"fillcolor", "#d62728"}, {"color", "#d62728"}}));
}

std::string number(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", v);
  std::string s = buffer;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

// A box from x0 to x1 and y0 to y1 (points, y downwards as the rows are counted).
DiagramAttributes box(double x0, double x1, double y0, double y1) {
  return {{"pos", number((x0 + x1) / 2) + "," + number(-(y0 + y1) / 2)},
          {"width", number((x1 - x0) / 72)},
          {"height", number((y1 - y0) / 72)},
          {"fixedsize", "true"}};
}

std::string cut(const std::string& text, std::size_t chars) {
  const std::vector<std::string> lines = wrap_words(text, chars, 1);
  return lines.front();
}

struct Item {
  std::uint32_t activity = 0;    // network index
  double start = 0, finish = 0;  // calendar positions
};

// A row under an initiative: one item, or several rolled up (a system's steps, or what is left
// when even those rows are too many) with their bars merged where they touch.
struct Row {
  std::vector<std::size_t> items;  // indexes into the group's items
  Ref system = kNoRef;             // a system's roll-up
  bool rest = false;               // the "+N more" row
  bool gates = false;              // the initiative's gates on one row
};

struct Group {
  Ref initiative = kNoRef;  // kNoRef: work of no initiative
  std::vector<Item> items;  // by start, then finish, then id
  std::vector<Row> rows;    // under the initiative's own row
};

class Timeline {
 public:
  Timeline(const Model& m, const RenderOptions& o) : m_(m), o_(o), b_(m, o), scale_(m.calendar) {}

  Diagram build() {
    PathOptions po;
    po.network.initiative = o_.initiative;
    po.threads = 1;
    path_ = analyze_path(m_, po);
    ConflictOptions co;
    co.initiative = o_.initiative;
    co.initiative_analyses = false;
    co.threads = 1;
    conflicts_ = analyze_conflicts(m_, co);
    define_styles(b_, path_.network.constrained());
    gather();
    choose_rows();
    place();
    b_.title("Timeline: planned dates (CPM), levelled dates beneath, critical path in red", notes_);
    Diagram d = b_.take();
    d.pinned = true;
    // Under the chart in three columns, its left edge near the names' (its size is Graphviz's:
    // about 20 points a line, 1,000 wide).
    d.legend_columns = 3;
    const double lines = std::ceil(static_cast<double>(d.used_styles().size()) / 3);
    const double legend_height = 30 + 20 * lines;
    d.legend_pos = number(500) + "," + number(-(bottom_ + 16 + legend_height / 2));
    return d;
  }

 private:
  const Network& net() const { return path_.network; }
  const DateConstraints& dates_of(Ref activity) const {
    return m_.kind(activity) == EntityKind::step ? m_.step(activity).dates : m_.approval(activity).dates;
  }
  const ActivityTimes& times(std::uint32_t k) const { return path_.schedule.times[k]; }

  void gather() {
    std::map<Ref, std::size_t> group_of;
    for (const InitiativeOutlook& o : path_.initiatives) {
      group_of[o.initiative] = groups_.size();
      groups_.push_back({o.initiative, {}, {}});
    }
    const Network& n = net();
    for (std::uint32_t k = 0; k < n.size(); ++k) {
      const Ref r = n.activity[k];
      const Ref initiative = m_.initiative_of(r);
      auto it = group_of.find(initiative);
      if (it == group_of.end()) {
        it = group_of.emplace(initiative, groups_.size()).first;
        groups_.push_back({initiative, {}, {}});
      }
      const Item item{k, scale_.start(times(k).es), scale_.finish(times(k).ef)};
      groups_[it->second].items.push_back(item);
      const DateConstraints& dates = dates_of(r);
      if (!dates.deadline.empty() && scale_.dated())
        to_ = std::max(to_, static_cast<double>(dates.deadline.days()) + 1);
      from_ = std::min(from_, item.start);
      to_ = std::max(to_, std::max(item.finish, item.start));
      // Done work is drawn at its actual dates (item()), which may come before the plan's start:
      // from its actual start to the end of its actual finish, or of its start's day.
      if (m_.kind(r) == EntityKind::step && m_.step(r).status == StepStatus::done && scale_.dated()) {
        const StepProgress& p = m_.step(r).progress;
        if (!p.actual_start.empty()) {
          const auto a = static_cast<double>(p.actual_start.days());
          from_ = std::min(from_, a);
          to_ = std::max(to_, (p.actual_finish.empty() ? a : static_cast<double>(p.actual_finish.days())) + 1);
        }
      }
    }
    for (std::uint32_t s : path_.legacy_by_count.steps) legacy_.push_back(s);
    std::sort(legacy_.begin(), legacy_.end());
    if (conflicts_.levelled)
      for (std::uint32_t k = 0; k < conflicts_.network.size(); ++k) {
        const double start = conflicts_.levelled->start[k], finish = start + conflicts_.network.duration[k];
        levelled_[conflicts_.network.activity[k]] = {start, finish};
        to_ = std::max(to_, scale_.finish(finish));
      }
    if (!m_.status_date.empty() && scale_.dated()) {
      status_ = static_cast<double>(m_.status_date.days());
      from_ = std::min(from_, *status_);
      to_ = std::max(to_, *status_);
    }
    if (from_ > to_) from_ = to_ = scale_.start(0);
    origin_ = std::floor(from_);
    end_ = std::ceil(to_) + 1;
    per_day_ = std::min(kMaxPerDay, kChartWidth / std::max(1.0, end_ - origin_));
  }

  // Rows: every item its own while they fit the budget (about three boxes a row). Past it, each
  // initiative keeps its gates as rows and rolls its steps up by system (a row per system, its
  // bars merged), its systems in order of their first start; systems past its share of the rows
  // are rolled up into one "+N more" row.
  void choose_rows() {
    std::size_t total = 0;
    for (const Group& g : groups_) total += g.items.size();
    const std::size_t budget = std::max<std::size_t>(o_.node_budget / 3, groups_.size() * 3);
    const bool collapse = total + groups_.size() > budget;
    std::size_t rolled = 0;
    for (Group& g : groups_) {
      std::sort(g.items.begin(), g.items.end(), [&](const Item& x, const Item& y) {
        if (x.start != y.start) return x.start < y.start;
        if (x.finish != y.finish) return x.finish < y.finish;
        return m_.id(net().activity[x.activity]) < m_.id(net().activity[y.activity]);
      });
      if (!collapse) {
        for (std::size_t k = 0; k < g.items.size(); ++k) g.rows.push_back({{k}, kNoRef, false, false});
        continue;
      }
      const std::size_t share =
          std::max<std::size_t>(2, (budget - groups_.size()) * g.items.size() / std::max<std::size_t>(1, total));
      std::map<Ref, std::size_t> system_row;
      std::vector<Row> systems;
      Row gates{{}, kNoRef, false, true};
      for (std::size_t k = 0; k < g.items.size(); ++k) {
        const Ref r = net().activity[g.items[k].activity];
        if (m_.kind(r) == EntityKind::approval) {
          gates.items.push_back(k);
          continue;
        }
        const Ref system = m_.step(r).system;
        const auto [it, added] = system_row.emplace(system, systems.size());
        if (added) systems.push_back({{}, system, false, false});
        systems[it->second].items.push_back(k);
        ++rolled;
      }
      // Each gate its own row while gates and systems fit the share, else the gates on one row;
      // the systems in order of their first start (items are by start already), those past the
      // room left in one "+N more" row. Rows in order of their first item.
      std::vector<Row> rows;
      if (gates.items.size() + systems.size() <= share)
        for (std::size_t k : gates.items) rows.push_back({{k}, kNoRef, false, false});
      else if (!gates.items.empty()) rows.push_back(gates);
      const std::size_t room = share > rows.size() + 1 ? share - rows.size() : 1;
      Row rest{{}, kNoRef, true, false};
      for (std::size_t k = 0; k < systems.size(); ++k) {
        if (k + 1 < room || systems.size() <= room) {
          rows.push_back(std::move(systems[k]));
        } else {
          rest.items.insert(rest.items.end(), systems[k].items.begin(), systems[k].items.end());
        }
      }
      std::stable_sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) { return x.items[0] < y.items[0]; });
      if (!rest.items.empty()) {
        std::sort(rest.items.begin(), rest.items.end());
        rows.push_back(std::move(rest));
      }
      g.rows = std::move(rows);
    }
    if (rolled > 0)
      notes_.push_back(count_text(total) +
                       " items: steps rolled up by system, one row each (bars merged where they "
                       "touch); --max-nodes " +
                       count_text(total * 3 + groups_.size() * 3) + " draws each on its own row");
    if (!scale_.dated()) notes_.push_back("in working days from the start: the model has no calendar start");
  }

  double x(double position) const { return kLabelWidth + kGap + (position - origin_) * per_day_; }
  // A marker (a diamond, a done item's box) of half-width `half` centred at `at`, kept inside
  // the chart: one at its first day does not stick out to the left over the names.
  double marker_centre(double at, double half) const { return std::max(at, x(origin_) + half); }
  double row_top(std::size_t row) const { return kAxis + static_cast<double>(row) * kRow; }

  // Text from x0 on (names, dates, ticks): no box, left-aligned in its place.
  void text(const std::string& name, double x0, double width, double y_mid, DiagramLabel label, bool axis = false) {
    b_.node(name, std::move(label));
    DiagramAttributes& g = b_.diagram().nodes.back().geometry;
    g = box(x0, x0 + width, y_mid - kRow / 2, y_mid + kRow / 2);
    g.insert(g.end(), {{"shape", "plaintext"}, {"style", ""}, {"fontsize", axis ? "8" : "9"}});
    if (axis) g.push_back({"fontcolor", "#444444"});
  }
  void bar(const std::string& name, std::vector<std::string> styles, double from, double to, double y0, double y1) {
    double x0 = x(from), x1 = x(to);
    if (x1 - x0 < kMinBar) x1 = x0 + kMinBar;
    b_.node(name, {}, std::move(styles));
    b_.diagram().nodes.back().geometry = box(x0, x1, y0, y1);
  }

  std::size_t row_count() const {
    std::size_t rows = 0;
    for (const Group& g : groups_) rows += 1 + g.rows.size();
    return rows;
  }

  void place() {
    const std::size_t rows = row_count();
    const double top = kAxis, bottom = row_top(rows);
    background(top, bottom);
    std::size_t row = 0;
    for (const Group& g : groups_) {
      group(g, row);
      row += 1 + g.rows.size();
    }
    if (status_) {
      const double at = x(*status_);
      b_.node(b_.synthetic("status", "line"), {}, {"status-date"});
      b_.diagram().nodes.back().geometry = box(at - 0.6, at + 0.6, top - 4, bottom);
    }
    bottom_ = bottom;
  }

  // Days off, gridlines and momentum bands first, so that the bars are drawn over them; the axis.
  void background(double top, double bottom) {
    const long first = static_cast<long>(origin_), last = static_cast<long>(end_) - 1;
    std::size_t row = 0;
    for (const Group& g : groups_) {
      const std::size_t rows = 1 + g.rows.size();
      if (g.initiative != kNoRef)
        if (const std::optional<double> days = m_.initiative(g.initiative).momentum_days)
          bar(b_.synthetic("momentum", m_.id(g.initiative)), {"momentum"}, scale_.start(0),
              std::min(scale_.finish(*days), end_), row_top(row), row_top(row + rows));
      row += rows;
    }
    if (scale_.dated() && per_day_ >= 2)
      for (long d = first; d <= last;) {
        if (scale_.working(d)) {
          ++d;
          continue;
        }
        long e = d;
        while (e + 1 <= last && !scale_.working(e + 1)) ++e;
        bar(b_.synthetic("off", std::to_string(d)), {"non-working"}, static_cast<double>(d), static_cast<double>(e + 1),
            top, bottom);
        d = e + 1;
      }
    for (const AxisTick& t : axis_ticks(first, last, per_day_, scale_.dated())) {
      const double at = x(static_cast<double>(t.at));
      const std::string key = std::to_string(t.at) + (t.major ? "" : "w");
      if (t.major) {
        b_.node(b_.synthetic("grid", key), {}, {"gridline"});
        b_.diagram().nodes.back().geometry = box(at - 0.3, at + 0.3, top - 30, bottom);
      }
      text(b_.synthetic("tick", key), at + 2, t.major ? 60 : 16, t.major ? 8 : 24, {plain(t.label)}, true);
    }
  }

  void group(const Group& g, std::size_t row) {
    // The initiative's row: its name, its span and its production date.
    double span_from = to_, span_to = from_;
    for (const Item& i : g.items) {
      span_from = std::min(span_from, i.start);
      span_to = std::max(span_to, i.finish);
    }
    const double mid = row_top(row) + kRow / 2;
    const std::string key = g.initiative == kNoRef ? std::string("none") : m_.id(g.initiative);
    const std::string name = g.initiative == kNoRef ? std::string("(no initiative)") : m_.display_name(g.initiative);
    text(b_.synthetic("name", key), 0, kLabelWidth, mid, {bold(cut(name, kNameChars - 4))});
    if (!g.items.empty()) {
      if (g.initiative != kNoRef) {
        b_.node(m_.id(g.initiative), {}, {"initiative-span"});
        const double x0 = x(span_from), x1 = std::max(x(span_to), x0 + kMinBar);
        b_.diagram().nodes.back().geometry = box(x0, x1, mid - 2.5, mid + 2.5);
      }
      std::string when = "production " + day_text(finish_day_of(g));
      if (const std::optional<double> levelled = levelled_finish(g.initiative))
        if (std::fabs(*levelled - finish_day_of(g)) > 1e-9) when += ", levelled " + day_text(*levelled);
      text(b_.synthetic("production", key), x(span_to) + 4, 200, mid, {small(when)});
    }
    std::size_t r = row + 1;
    for (const Row& each : g.rows) {
      if (each.gates) gate_row(g, each, r++);
      else if (each.items.size() == 1 && each.system == kNoRef && !each.rest) item(g.items[each.items[0]], r++);
      else rolled_up(g, each, r++);
    }
  }

  double finish_day_of(const Group& g) const {
    double day = 0;
    for (const Item& i : g.items) day = std::max(day, times(i.activity).ef);
    return day;
  }
  // "2027-11-19", or "day 181" without a calendar start.
  std::string day_text(double day) const {
    const std::optional<std::string> date = calendar_.finish_date(day);
    return date ? *date : std::string("day ").append(short_number(day));
  }
  std::optional<double> levelled_finish(Ref initiative) const {
    if (!conflicts_.levelled || initiative == kNoRef) return std::nullopt;
    for (const auto& f : conflicts_.levelled->initiatives)
      if (f.initiative == initiative) return f.levelled_finish;
    return std::nullopt;
  }

  void item(const Item& i, std::size_t row) {
    const Ref r = net().activity[i.activity];
    const ActivityTimes& t = times(i.activity);
    const double top = row_top(row), mid = top + kRow / 2;
    const bool gate = m_.kind(r) == EntityKind::approval;
    const bool done = gate ? m_.approval(r).status == ApprovalStatus::granted : m_.step(r).status == StepStatus::done;
    std::string name = cut(m_.display_name(r), kNameChars);
    text(b_.synthetic("name", m_.id(r)), 12, kLabelWidth - 12, mid, {plain(name)});
    const double y0 = mid - kBar / 2 - (levelled_moves(i) ? 1.5 : 0), y1 = y0 + kBar;
    if (done) {
      if (!gate && !m_.step(r).progress.actual_start.empty()) {
        const StepProgress& p = m_.step(r).progress;
        const double a = p.actual_start.days(),
                     z = p.actual_finish.empty() ? a + 1 : static_cast<double>(p.actual_finish.days()) + 1;
        bar(m_.id(r), {"done"}, a, z, y0, y1);
        return;
      }
      b_.node(m_.id(r), {}, {gate ? "gate" : "done"});
      const double at = marker_centre(x(i.start), 4.5);
      b_.diagram().nodes.back().geometry = box(at - 4.5, at + 4.5, mid - 4.5, mid + 4.5);
      return;
    }
    std::vector<std::string> styles;
    if (gate) {
      if (t.ef > t.es) bar(b_.synthetic("lead", m_.id(r)), {"lead-time"}, i.start, i.finish, mid - 2, mid + 2);
      styles = {"gate"};
      if (t.critical) styles.push_back("critical");
      b_.node(m_.id(r), {}, styles);
      const double at = marker_centre(x(i.finish), 5);
      b_.diagram().nodes.back().geometry = box(at - 5, at + 5, mid - 5, mid + 5);
      deadline(r, mid);
      return;
    }
    deadline(r, mid);
    styles = {"activity"};
    if (t.critical) styles.push_back("critical");
    if (std::binary_search(legacy_.begin(), legacy_.end(), i.activity)) styles.push_back("legacy-step");
    bar(m_.id(r), styles, i.start, i.finish, y0, y1);
    if (levelled_moves(i)) {
      const auto& [ls, lf] = levelled_.at(r);
      bar(b_.synthetic("levelled", m_.id(r)), {"levelled"}, scale_.start(ls), scale_.finish(lf), y1 + 0.5,
          y1 + 0.5 + kLevelledBar);
    }
  }

  // A marker above the bar at the end of the deadline's day.
  void deadline(Ref r, double mid) {
    const DateConstraints& d = dates_of(r);
    if (d.deadline.empty() || !scale_.dated()) return;
    const double at = x(static_cast<double>(d.deadline.days()) + 1);
    b_.node(b_.synthetic("deadline", m_.id(r)), {}, {"deadline"});
    b_.diagram().nodes.back().geometry = box(at - 4, at + 4, mid - kRow / 2, mid - kRow / 2 + 7);
  }

  bool levelled_moves(const Item& i) const {
    const auto it = levelled_.find(net().activity[i.activity]);
    return it != levelled_.end() && std::fabs(it->second.first - times(i.activity).es) > 1e-9;
  }

  // An initiative's gates on one row: a diamond at the day each is granted (critical ones red).
  void gate_row(const Group& g, const Row& row, std::size_t at) {
    const double mid = row_top(at) + kRow / 2;
    const std::string key = g.initiative == kNoRef ? std::string("none") : m_.id(g.initiative);
    const std::string count = count_text(row.items.size());
    text(b_.synthetic("name", key + ":gates"), 12, kLabelWidth - 12, mid,
         {plain(row.items.size() == 1 ? std::string("1 approval gate") : count + " approval gates")});
    for (std::size_t k : row.items) {
      const Item& i = g.items[k];
      const Ref r = net().activity[i.activity];
      std::vector<std::string> styles = {"gate"};
      if (times(i.activity).critical) styles.push_back("critical");
      b_.node(m_.id(r), {}, std::move(styles));
      const double x_at = x(i.finish);
      b_.diagram().nodes.back().geometry = box(x_at - 5, x_at + 5, mid - 5, mid + 5);
    }
  }

  // A roll-up: its name and counts, and its items' bars merged where they touch on the page
  // (critical ones apart, drawn over the rest).
  void rolled_up(const Group& g, const Row& row, std::size_t at) {
    std::size_t critical = 0;
    std::vector<std::pair<double, double>> spans[2];  // [0] the rest, [1] critical
    for (std::size_t k : row.items) {
      const Item& i = g.items[k];
      const bool c = times(i.activity).critical;
      critical += c ? 1 : 0;
      spans[c ? 1 : 0].emplace_back(x(i.start), std::max(x(i.finish), x(i.start) + kMinBar));
    }
    const double mid = row_top(at) + kRow / 2;
    const std::string group_key = g.initiative == kNoRef ? std::string("none") : m_.id(g.initiative);
    const std::string key = group_key + ":" +
                            (row.rest               ? std::string("rest")
                             : row.system == kNoRef ? std::string("none")
                                                    : m_.id(row.system));
    std::string what = row.rest ? std::string("+") + count_text(row.items.size()) + " more steps"
                                : (row.system == kNoRef ? std::string("(no system)") : m_.display_name(row.system));
    std::string counts = count_text(row.items.size()) + (row.items.size() == 1 ? " step" : " steps");
    if (critical > 0) counts += ", " + count_text(critical) + " critical";
    text(b_.synthetic("name", key), 12, kLabelWidth - 12, mid, {plain(cut(what, kNameChars))});
    double end = 0;
    for (int c = 0; c < 2; ++c) {
      std::sort(spans[c].begin(), spans[c].end());
      std::size_t run = 0;
      for (std::size_t k = 0; k < spans[c].size();) {
        double a = spans[c][k].first, z = spans[c][k].second;
        for (++k; k < spans[c].size() && spans[c][k].first <= z + 1; ++k) z = std::max(z, spans[c][k].second);
        b_.node(b_.synthetic(c ? "critical-run" : "run", key + ":" + std::to_string(run++)), {},
                c ? std::vector<std::string>{"rolled-up", "critical"} : std::vector<std::string>{"rolled-up"});
        b_.diagram().nodes.back().geometry = box(a, z, mid - kBar / 2, mid + kBar / 2);
        end = std::max(end, z);
      }
    }
    text(b_.synthetic("counts", key), end + 4, 140, mid, {small(counts)});
  }

  const Model& m_;
  const RenderOptions& o_;
  ViewBuilder b_;
  TimelineScale scale_;
  WorkCalendar calendar_{m_.calendar};  // for the production dates
  PathAnalysis path_;
  ConflictAnalysis conflicts_;
  std::vector<Group> groups_;
  std::vector<std::uint32_t> legacy_;
  std::map<Ref, std::pair<double, double>> levelled_;  // activity -> levelled start, finish (working days)
  std::optional<double> status_;
  double from_ = 1e300, to_ = -1e300, origin_ = 0, end_ = 1, per_day_ = 1;
  std::vector<std::string> notes_;
  double bottom_ = 0;
};

}  // namespace

Diagram timeline_view(const Model& m, const RenderOptions& o) { return Timeline(m, o).build(); }

}  // namespace clearpath
