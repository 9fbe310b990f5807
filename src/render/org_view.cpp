// The org view, for sponsors: people in department clusters (IT and business sides told apart),
// the reporting hierarchy top-down, dotted-line managers dashed, sponsors and approvers marked.
// Gates that cannot be granted get a red dashed placeholder per missing co-pilot, naming the
// role and side, linked to the gate and to the suggested candidates; initiatives without a
// co-pilot on one side get one too. --root draws a sub-organisation; above the node budget
// (or with --depth) people below a depth are collapsed into "+N more" boxes.
#include <algorithm>
#include <map>
#include <set>

#include "analysis/id_order.hpp"
#include "clearpath/approval_rules.hpp"
#include "clearpath/copilots.hpp"
#include "render/views.hpp"

namespace clearpath {
namespace {

void define_styles(ViewBuilder& b) {
  using A = DiagramStyle::Applies;
  b.style("sponsor", A::node, "sponsors an initiative", {{"fillcolor", "#fff0b3"}});
  b.style("approver", A::node, "approves a pending gate", {{"color", "#1f5fa8"}, {"penwidth", "2.5"}});
  b.style("candidate", A::node, "suggested co-pilot for a missing one (double green border)",
          {{"color", "#2e8b3e"}, {"penwidth", "2"}, {"peripheries", "2"}});
  b.style("unavailable", A::node, "unavailable", {{"style", "dashed"}, {"fontcolor", "#888888"}, {"color", "#999999"}});
  b.style("collapsed", A::node, "people further down, collapsed (counts inside)",
          {{"shape", "box3d"}, {"fillcolor", "#f4f4f4"}});
  b.style("gate", A::node, "approval gate that cannot be granted",
          {{"shape", "hexagon"}, {"fillcolor", "#e3eefb"}, {"color", "#d62728"}});
  b.style("initiative", A::node, "initiative", {{"shape", "folder"}, {"fillcolor", "#eef3f8"}});
  b.style("missing-copilot", A::node, "missing co-pilot: the role and side nobody fills",
          {{"color", "#d62728"},
           {"style", "dashed"},
           {"fillcolor", "#fdecea"},
           {"penwidth", "2"},
           {"fontcolor", "#a31515"}});
  b.style("reports-to", A::edge, "reports to (manager above)", {});
  b.style("dotted-line", A::edge, "dotted-line manager",
          {{"style", "dashed"}, {"constraint", "false"}, {"color", "#888888"}});
  b.style("needs", A::edge, "gate or initiative needs this co-pilot",
          {{"style", "dashed"}, {"color", "#d62728"}, {"penwidth", "2"}});
  b.style("suggested", A::edge, "suggested candidate",
          {{"style", "dotted"}, {"color", "#2e8b3e"}, {"penwidth", "2"}, {"constraint", "false"}});
  b.style("sponsored-by", A::edge, "sponsored by", {{"color", "#c9a400"}, {"constraint", "false"}});
  // A manager's leaf reports stacked under the first, as org chart tools draw them: the links to
  // the others enter from the side and do not rank them, an invisible chain does.
  b.style("stacked-report", A::edge, "", {{"constraint", "false"}});
  b.style("stack", A::edge, "", {{"style", "invis"}, {"weight", "10"}});
  b.style("it-side", A::cluster, "IT-side department", {{"color", "#3b6fb6"}, {"penwidth", "1.5"}});
  b.style("business-side", A::cluster, "business-side department", {{"color", "#3c9a5f"}, {"penwidth", "1.5"}});
  b.style("department", A::cluster, "department", {});
}

constexpr std::size_t kCrossLinkLimit = 1000;
// From this many leaf reports (people with nobody under them) of one manager in one department,
// they are stacked vertically instead of side by side.
constexpr std::size_t kStackFrom = 3;

struct Org {
  std::vector<std::vector<Ref>> reports;  // by person index, sorted by id
  std::vector<bool> in_scope;             // by person index
  std::vector<std::size_t> depth;         // below the top (scope's root or a person without manager)
  std::vector<std::size_t> below;         // people in scope further down, by person index
};

// The people in scope: everyone, or `root` and everyone under them, or the people of
// `department` (its top being those whose manager is elsewhere), with depths from the top.
Org walk(const Model& m, std::optional<Ref> root, std::optional<Ref> department) {
  const std::size_t n = m.people().size();
  Org o{std::vector<std::vector<Ref>>(n), std::vector<bool>(n, false), std::vector<std::size_t>(n, 0),
        std::vector<std::size_t>(n, 0)};
  std::vector<Ref> tops;
  const auto member = [&](Ref p) { return !department || m.person(p).department == *department; };
  for (std::size_t i = 0; i < n; ++i) {
    const Ref r = m.ref_of(EntityKind::person, i);
    if (!member(r)) continue;
    const Ref boss = m.people()[i].reports_to;
    if (boss == kNoRef || !member(boss)) tops.push_back(r);
    else o.reports[m.index(boss)].push_back(r);
  }
  for (auto& list : o.reports) sort_unique_by_id(m, list);
  if (root) tops = {*root};
  sort_unique_by_id(m, tops);
  std::vector<Ref> order = tops;  // breadth first: managers before their reports
  for (Ref t : tops) o.in_scope[m.index(t)] = true;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const std::size_t p = m.index(order[i]);
    for (Ref c : o.reports[p]) {
      o.in_scope[m.index(c)] = true;
      o.depth[m.index(c)] = o.depth[p] + 1;
      order.push_back(c);
    }
  }
  for (std::size_t i = order.size(); i-- > 0;) {
    const std::size_t p = m.index(order[i]);
    for (Ref c : o.reports[p]) o.below[p] += 1 + o.below[m.index(c)];
  }
  return o;
}

// The deepest level whose people, with one "+N more" box per person with hidden reports, fit.
std::size_t fitting_depth(const Model& m, const Org& o, std::size_t budget) {
  std::vector<std::size_t> at, managers_at;
  for (std::size_t i = 0; i < m.people().size(); ++i) {
    if (!o.in_scope[i]) continue;
    if (at.size() <= o.depth[i]) at.resize(o.depth[i] + 1, 0), managers_at.resize(o.depth[i] + 1, 0);
    ++at[o.depth[i]];
    managers_at[o.depth[i]] += !o.reports[i].empty();
  }
  std::size_t drawn = 0, best = 0;
  for (std::size_t d = 0; d < at.size(); ++d) {
    drawn += at[d];
    if (drawn + managers_at[d] > budget) break;
    best = d;
  }
  return best;
}

std::optional<Ref> find_department(const Model& m, const RenderOptions& o) {
  if (o.department.empty()) return std::nullopt;
  const std::optional<Ref> d = m.find(o.department);
  if (!d || m.kind(*d) != EntityKind::department)
    throw RenderError("--department: there is no department '" + o.department + "'");
  return d;
}

std::optional<Ref> find_root(const Model& m, const RenderOptions& o) {
  if (o.root.empty()) return std::nullopt;
  const std::optional<Ref> root = m.find(o.root);
  if (!root || m.kind(*root) != EntityKind::person) throw RenderError("--root: there is no person '" + o.root + "'");
  return root;
}

// One drawing of the org view: the people in scope, down to the depth that fits, then the
// gates and initiatives with a missing co-pilot and their placeholders.
class OrgDrawing {
 public:
  OrgDrawing(const Model& m, const RenderOptions& o, std::optional<Ref> root, std::optional<Ref> department)
      : m_(m), o_(o), root_(root), department_(department), org_(walk(m, root, department)),
        copilots_(analyze_copilots(m, CopilotOptions{})), b_(m, o) {
    for (bool s : org_.in_scope) in_scope_ += s;
  }

  Diagram draw() {
    define_styles(b_);
    find_missing_copilots();
    choose_depth();
    mark_roles();
    choose_people();
    draw_departments();
    draw_cross_links_ = people_.size() <= kCrossLinkLimit;
    stack_leaves();
    for (Ref p : people_) draw_person(p);
    for (const auto& [head, next] : stack_next_) b_.edge(m_.id(head), m_.id(next), {"stack"});
    for (Ref p : people_)
      for (Ref boss : m_.person(p).dotted_line_to)
        if (shown(boss)) cross_link(m_.id(boss), m_.id(p), "dotted-line");
    for (const GateResult* g : open_gates_) draw_open_gate(*g);
    for (const InitiativeResult* ir : lopsided_) draw_lopsided(*ir);
    b_.title(root_         ? "Organisation under " + m_.display_name(*root_)
             : department_ ? "Organisation: " + m_.display_name(*department_)
                           : std::string("Organisation"),
             notes());
    return b_.take();
  }

 private:
  bool shown(Ref p) const {
    return org_.in_scope[m_.index(p)] && (!max_depth_ || org_.depth[m_.index(p)] <= *max_depth_);
  }
  void find_missing_copilots();
  void choose_depth();
  void mark_roles();
  void choose_people();
  void draw_departments();
  void stack_leaves();
  void draw_person(Ref p);
  void draw_collapsed_reports(Ref p, const std::string& cluster);
  void draw_open_gate(const GateResult& g);
  void draw_missing_slot(const GateResult& g, const UnfilledSlot& u);
  void draw_lopsided(const InitiativeResult& ir);
  void cross_link(const std::string& tail, const std::string& head, const char* style);
  std::vector<std::string> notes() const;

  const Model& m_;
  const RenderOptions& o_;
  const std::optional<Ref> root_;
  const std::optional<Ref> department_;
  const Org org_;
  const CopilotAnalysis copilots_;
  ViewBuilder b_;
  std::size_t in_scope_ = 0;
  std::vector<const GateResult*> open_gates_;
  std::vector<const InitiativeResult*> lopsided_;
  std::size_t extras_ = 0;  // nodes they take
  std::optional<std::size_t> max_depth_;
  std::set<Ref> sponsors_, approvers_, candidates_;
  std::vector<Ref> people_;  // drawn, by id
  bool draw_cross_links_ = true;
  std::set<Ref> stacked_;                        // leaf reports under another leaf of their manager
  std::vector<std::pair<Ref, Ref>> stack_next_;  // each stacked leaf under the one before it
  std::size_t cross_links_left_out_ = 0, collapsed_people_ = 0;
};

namespace {

std::vector<Ref> candidates_of(const std::vector<SlotSuggestion>& suggestions) {
  std::vector<Ref> out;
  for (const SlotSuggestion& s : suggestions)
    for (const Candidate& c : s.candidates) out.push_back(c.person);
  return out;
}

}  // namespace

// Gates and initiatives with a missing co-pilot, drawn with their placeholders. Under --root or
// on a department's page: those whose approvers or sponsors, or whose suggested co-pilots, are
// among the people drawn (a candidate's mark is then always explained on the page).
void OrgDrawing::find_missing_copilots() {
  auto touches_scope = [&](const std::vector<Ref>& who, const std::vector<Ref>& suggested) {
    if (!root_ && !department_) return true;
    const auto in_scope = [&](Ref p) { return org_.in_scope[m_.index(p)] != 0; };
    return std::any_of(who.begin(), who.end(), in_scope) || std::any_of(suggested.begin(), suggested.end(), in_scope);
  };
  for (const GateResult& g : copilots_.gates)
    if (!g.check.satisfiable && touches_scope(m_.approval(g.gate).approvers, candidates_of(g.suggestions))) {
      open_gates_.push_back(&g);
      extras_ += 1 + g.check.unfilled.size();
    }
  for (const InitiativeResult& ir : copilots_.initiatives)
    if (!ir.copilot.missing_sides.empty() &&
        touches_scope(m_.initiative(ir.initiative).sponsors, candidates_of(ir.cosponsor_suggestions))) {
      lopsided_.push_back(&ir);
      extras_ += 2;
    }
}

void OrgDrawing::choose_depth() {
  max_depth_ = o_.depth;
  if (!max_depth_ && in_scope_ + extras_ > o_.node_budget)
    max_depth_ = fitting_depth(m_, org_, o_.node_budget > extras_ ? o_.node_budget - extras_ : 1);
}

// Who is what.
void OrgDrawing::mark_roles() {
  for (const Initiative& i : m_.initiatives()) sponsors_.insert(i.sponsors.begin(), i.sponsors.end());
  for (const Approval& a : m_.approvals())
    if (a.status == ApprovalStatus::pending) approvers_.insert(a.approvers.begin(), a.approvers.end());
  // Candidates of the gates and initiatives drawn: a mark the page explains.
  for (const GateResult* g : open_gates_)
    for (Ref c : candidates_of(g->suggestions)) candidates_.insert(c);
  for (const InitiativeResult* ir : lopsided_)
    for (Ref c : candidates_of(ir->cosponsor_suggestions)) candidates_.insert(c);
}

void OrgDrawing::choose_people() {
  for (std::size_t i = 0; i < m_.people().size(); ++i)
    if (shown(m_.ref_of(EntityKind::person, i))) people_.push_back(m_.ref_of(EntityKind::person, i));
  sort_unique_by_id(m_, people_);
}

// Department clusters of the people drawn.
void OrgDrawing::draw_departments() {
  std::set<Ref> departments;
  for (Ref p : people_)
    if (m_.person(p).department != kNoRef) departments.insert(m_.person(p).department);
  std::vector<Ref> dept_order(departments.begin(), departments.end());
  sort_unique_by_id(m_, dept_order);
  for (Ref d : dept_order) {
    const std::string& side = m_.department(d).side;
    b_.cluster(m_.id(d), {bold(m_.display_name(d)), small(side_label(side))}, {side_style(side, "department")});
  }
}

// Each manager's leaf reports in one department, when there are kStackFrom or more: the first
// hangs under the manager as usual, each next one under the one before (by id).
void OrgDrawing::stack_leaves() {
  std::set<Ref> managers;
  for (Ref p : people_)
    if (m_.person(p).reports_to != kNoRef && p != root_) managers.insert(m_.person(p).reports_to);
  std::map<std::pair<Ref, Ref>, std::vector<Ref>> leaves;  // (manager, department) -> leaves, by id
  for (Ref p : people_) {
    const Person& person = m_.person(p);
    const std::size_t i = m_.index(p);
    const bool collapsed_below = max_depth_ && org_.depth[i] == *max_depth_ && !org_.reports[i].empty();
    if (person.reports_to == kNoRef || p == root_ || !shown(person.reports_to) || managers.count(p) || collapsed_below)
      continue;
    leaves[{person.reports_to, person.department}].push_back(p);
  }
  for (const auto& [key, list] : leaves) {
    if (list.size() < kStackFrom) continue;
    for (std::size_t k = 1; k < list.size(); ++k) {
      stacked_.insert(list[k]);
      stack_next_.emplace_back(list[k - 1], list[k]);
    }
  }
}

// A person with their title and marks, the link to their manager, and a box for the people
// below them when the drawing stops at their level.
void OrgDrawing::draw_person(Ref p) {
  const Person& person = m_.person(p);
  std::vector<std::string> styles;
  std::vector<std::string> marks;
  if (sponsors_.count(p)) styles.push_back("sponsor"), marks.push_back("sponsor");
  if (approvers_.count(p)) styles.push_back("approver"), marks.push_back("approver");
  if (candidates_.count(p)) styles.push_back("candidate"), marks.push_back("suggested co-pilot");
  if (!person.available) styles.push_back("unavailable"), marks.push_back("unavailable");
  DiagramLabel label = b_.entity_label(p);
  if (!person.title.empty()) add_wrapped(label, person.title, LabelLine::Look::normal, 30, 2);
  std::string mark_line;
  for (const std::string& mk : marks) mark_line += (mark_line.empty() ? "" : " · ") + mk;
  if (!mark_line.empty()) label.push_back(small(mark_line));
  const std::string cluster = person.department != kNoRef ? m_.id(person.department) : std::string();
  b_.node(m_.id(p), std::move(label), std::move(styles), cluster);
  if (person.reports_to != kNoRef && shown(person.reports_to) && p != root_)
    b_.edge(m_.id(person.reports_to), m_.id(p),
            stacked_.count(p) ? std::vector<std::string>{"reports-to", "stacked-report"}
                              : std::vector<std::string>{"reports-to"});
  const std::size_t i = m_.index(p);
  if (max_depth_ && org_.depth[i] == *max_depth_ && !org_.reports[i].empty()) draw_collapsed_reports(p, cluster);
}

void OrgDrawing::draw_collapsed_reports(Ref p, const std::string& cluster) {
  const std::size_t i = m_.index(p);
  collapsed_people_ += org_.below[i];
  const std::string name = b_.synthetic("more", m_.id(p));
  // Built with append: GCC 12 warns (-Wrestrict, a false positive) on "+" + count_text() here.
  std::string more = std::string("+").append(count_text(org_.below[i])).append(" more");
  b_.node(name, {plain(std::move(more)), small(count_text(org_.reports[i].size()) + " direct reports")}, {"collapsed"},
          cluster);
  b_.edge(m_.id(p), name, {"reports-to"});
}

// A gate that cannot be granted, with a placeholder per missing co-pilot.
void OrgDrawing::draw_open_gate(const GateResult& g) {
  const Ref ini = m_.approval(g.gate).initiative;
  b_.node(m_.id(g.gate),
          b_.entity_label(g.gate, {small(ini == kNoRef ? std::string("gate: cannot be granted")
                                                       : "gate of " + m_.display_name(ini) + ": cannot be granted")}),
          {"gate"});
  for (const UnfilledSlot& u : g.check.unfilled) draw_missing_slot(g, u);
}

// The missing co-pilot of one slot: what it needs, why nobody fills it, the suggested candidates.
void OrgDrawing::draw_missing_slot(const GateResult& g, const UnfilledSlot& u) {
  const std::string gate = m_.id(g.gate);
  const std::string name = b_.synthetic("missing", gate + ":" + std::to_string(u.slot));
  const std::string what =
      u.slot >= 0 ? g.slot_labels[static_cast<std::size_t>(u.slot)] : std::string("another approver");
  DiagramLabel label{bold("missing co-pilot"), plain(what)};
  add_wrapped(label, u.reason, LabelLine::Look::small, 36, 8);  // the whole reason, up to 8 lines
  std::vector<Ref> suggested;
  for (const SlotSuggestion& s : g.suggestions)
    if (s.slot == u.slot)
      for (const Candidate& c : s.candidates) suggested.push_back(c.person);
  if (!suggested.empty()) {
    std::string names;
    for (Ref c : suggested) names += (names.empty() ? "" : ", ") + m_.display_name(c);
    add_wrapped(label, "suggested: " + names, LabelLine::Look::normal, 36, 2);
  }
  b_.node(name, std::move(label), {"missing-copilot"});
  b_.edge(gate, name, {"needs"});
  for (Ref c : suggested)
    if (shown(c)) cross_link(name, m_.id(c), "suggested");
}

// An initiative whose sponsors are all on one side.
void OrgDrawing::draw_lopsided(const InitiativeResult& ir) {
  const std::string id = m_.id(ir.initiative);
  b_.node(id, b_.entity_label(ir.initiative, {small("initiative")}), {"initiative"});
  for (Ref s : m_.initiative(ir.initiative).sponsors)
    if (shown(s)) cross_link(id, m_.id(s), "sponsored-by");
  const std::string name = b_.synthetic("missing", id);
  DiagramLabel label{bold("missing co-pilot"), plain(missing_sides_text(ir.copilot) + " co-sponsor"),
                     small("no sponsor on that side")};
  std::vector<Ref> suggested;
  for (const SlotSuggestion& s : ir.cosponsor_suggestions)
    for (const Candidate& c : s.candidates) suggested.push_back(c.person);
  if (!suggested.empty()) {
    std::string names;
    for (Ref c : suggested) names += (names.empty() ? "" : ", ") + m_.display_name(c);
    add_wrapped(label, "suggested: " + names, LabelLine::Look::normal, 36, 2);
  }
  b_.node(name, std::move(label), {"missing-copilot"});
  b_.edge(id, name, {"needs"});
  for (Ref c : suggested)
    if (shown(c)) cross_link(name, m_.id(c), "suggested");
}

// Links that do not set the hierarchy (dotted lines, suggestions, sponsors): Graphviz 2.42
// cannot rank a clustered chart of thousands of people with them, so above kCrossLinkLimit
// people they are counted, not drawn.
void OrgDrawing::cross_link(const std::string& tail, const std::string& head, const char* style) {
  if (draw_cross_links_) b_.edge(tail, head, {style});
  else ++cross_links_left_out_;
}

// What the title says was left out.
std::vector<std::string> OrgDrawing::notes() const {
  std::vector<std::string> notes;
  if (max_depth_ && collapsed_people_)
    notes.push_back(
        count_text(collapsed_people_) + " of " + count_text(in_scope_) + " people below level " +
        std::to_string(*max_depth_) + " collapsed into boxes of +N more" +
        (o_.depth ? ""
                  : " (over the " + count_text(o_.node_budget) + "-node budget; --depth K or --root ID to see more)"));
  if (cross_links_left_out_)
    notes.push_back(count_text(cross_links_left_out_) + " dotted-line, suggestion and sponsor links not drawn above " +
                    count_text(kCrossLinkLimit) + " people (Graphviz cannot rank them at that size)");
  return notes;
}

}  // namespace

Diagram org_view(const Model& m, const RenderOptions& o) {
  return OrgDrawing(m, o, find_root(m, o), find_department(m, o)).draw();
}

}  // namespace clearpath
