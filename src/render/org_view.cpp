// The org view, for sponsors: people in department clusters (IT and business sides told apart),
// the reporting hierarchy top-down, dotted-line managers dashed, sponsors and approvers marked.
// Gates that cannot be granted get a red dashed placeholder per missing co-pilot, naming the
// role and side, linked to the gate and to the suggested candidates; initiatives without a
// co-pilot on one side get one too. --root draws a sub-organisation; above the node budget
// (or with --depth) people below a depth are collapsed into "+N more" boxes.
#include <algorithm>
#include <map>
#include <set>

#include "clearpath/approval_rules.hpp"
#include "clearpath/copilots.hpp"
#include "analysis/id_order.hpp"
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
  b.style("collapsed", A::node, "people further down, collapsed (counts inside)", {{"shape", "box3d"}, {"fillcolor", "#f4f4f4"}});
  b.style("gate", A::node, "approval gate that cannot be granted", {{"shape", "hexagon"}, {"fillcolor", "#e3eefb"}, {"color", "#d62728"}});
  b.style("initiative", A::node, "initiative", {{"shape", "folder"}, {"fillcolor", "#eef3f8"}});
  b.style("missing-copilot", A::node, "missing co-pilot: the role and side nobody fills",
          {{"color", "#d62728"}, {"style", "dashed"}, {"fillcolor", "#fdecea"}, {"penwidth", "2"}, {"fontcolor", "#a31515"}});
  b.style("reports-to", A::edge, "reports to (manager above)", {});
  b.style("dotted-line", A::edge, "dotted-line manager", {{"style", "dashed"}, {"constraint", "false"}, {"color", "#888888"}});
  b.style("needs", A::edge, "gate or initiative needs this co-pilot", {{"style", "dashed"}, {"color", "#d62728"}, {"penwidth", "2"}});
  b.style("suggested", A::edge, "suggested candidate", {{"style", "dotted"}, {"color", "#2e8b3e"}, {"penwidth", "2"}, {"constraint", "false"}});
  b.style("sponsored-by", A::edge, "sponsored by", {{"color", "#c9a400"}, {"constraint", "false"}});
  b.style("it-side", A::cluster, "IT-side department", {{"color", "#3b6fb6"}, {"penwidth", "1.5"}});
  b.style("business-side", A::cluster, "business-side department", {{"color", "#3c9a5f"}, {"penwidth", "1.5"}});
  b.style("department", A::cluster, "department", {});
}

constexpr std::size_t kCrossLinkLimit = 1000;

struct Org {
  std::vector<std::vector<Ref>> reports;  // by person index, sorted by id
  std::vector<bool> in_scope;             // by person index
  std::vector<std::size_t> depth;         // below the top (scope's root or a person without manager)
  std::vector<std::size_t> below;         // people in scope further down, by person index
};

Org walk(const Model& m, std::optional<Ref> root) {
  const std::size_t n = m.people().size();
  Org o{std::vector<std::vector<Ref>>(n), std::vector<bool>(n, false), std::vector<std::size_t>(n, 0),
        std::vector<std::size_t>(n, 0)};
  std::vector<Ref> tops;
  for (std::size_t i = 0; i < n; ++i) {
    const Ref r = m.ref_of(EntityKind::person, i);
    const Ref boss = m.people()[i].reports_to;
    if (boss == kNoRef) tops.push_back(r);
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

}  // namespace

Diagram org_view(const Model& m, const RenderOptions& o) {
  std::optional<Ref> root;
  if (!o.root.empty()) {
    root = m.find(o.root);
    if (!root || m.kind(*root) != EntityKind::person) throw RenderError("--root: there is no person '" + o.root + "'");
  }
  const Org org = walk(m, root);
  std::size_t in_scope = 0;
  for (bool s : org.in_scope) in_scope += s;

  CopilotOptions co;
  const CopilotAnalysis copilots = analyze_copilots(m, co);

  ViewBuilder b(m, o);
  define_styles(b);
  std::vector<std::string> notes;

  // Gates and initiatives with a missing co-pilot, drawn with their placeholders.
  auto touches_scope = [&](const std::vector<Ref>& who) {
    if (!root) return true;
    return std::any_of(who.begin(), who.end(), [&](Ref p) { return org.in_scope[m.index(p)]; });
  };
  std::vector<const GateResult*> open_gates;
  std::vector<const InitiativeResult*> lopsided;
  std::size_t extras = 0;
  for (const GateResult& g : copilots.gates)
    if (!g.check.satisfiable && touches_scope(m.approval(g.gate).approvers)) {
      open_gates.push_back(&g);
      extras += 1 + g.check.unfilled.size();
    }
  for (const InitiativeResult& ir : copilots.initiatives)
    if (!ir.copilot.missing_sides.empty() && touches_scope(m.initiative(ir.initiative).sponsors)) {
      lopsided.push_back(&ir);
      extras += 2;
    }

  std::optional<std::size_t> max_depth = o.depth;
  if (!max_depth && in_scope + extras > o.node_budget)
    max_depth = fitting_depth(m, org, o.node_budget > extras ? o.node_budget - extras : 1);
  auto shown = [&](Ref p) { return org.in_scope[m.index(p)] && (!max_depth || org.depth[m.index(p)] <= *max_depth); };

  // Who is what.
  std::set<Ref> sponsors, approvers, candidates;
  for (const Initiative& i : m.initiatives()) sponsors.insert(i.sponsors.begin(), i.sponsors.end());
  for (const Approval& a : m.approvals())
    if (a.status == ApprovalStatus::pending) approvers.insert(a.approvers.begin(), a.approvers.end());
  for (const GateResult& g : copilots.gates)
    for (const SlotSuggestion& s : g.suggestions)
      for (const Candidate& c : s.candidates) candidates.insert(c.person);

  // Department clusters of the people drawn.
  std::vector<Ref> people;
  for (std::size_t i = 0; i < m.people().size(); ++i)
    if (shown(m.ref_of(EntityKind::person, i))) people.push_back(m.ref_of(EntityKind::person, i));
  sort_unique_by_id(m, people);
  std::set<Ref> departments;
  for (Ref p : people)
    if (m.person(p).department != kNoRef) departments.insert(m.person(p).department);
  std::vector<Ref> dept_order(departments.begin(), departments.end());
  sort_unique_by_id(m, dept_order);
  for (Ref d : dept_order) {
    const std::string& side = m.department(d).side;
    b.cluster(m.id(d), {bold(m.display_name(d)), small(side_label(side))}, {side_style(side, "department")});
  }

  // Links that do not set the hierarchy (dotted lines, suggestions, sponsors): Graphviz 2.42
  // cannot rank a clustered chart of thousands of people with them, so above kCrossLinkLimit
  // people they are counted, not drawn.
  const bool draw_cross_links = people.size() <= kCrossLinkLimit;
  std::size_t cross_links_left_out = 0;
  auto cross_link = [&](const std::string& tail, const std::string& head, const char* style) {
    if (draw_cross_links) b.edge(tail, head, {style});
    else ++cross_links_left_out;
  };

  std::size_t collapsed_people = 0;
  for (Ref p : people) {
    const Person& person = m.person(p);
    std::vector<std::string> styles;
    std::vector<std::string> marks;
    if (sponsors.count(p)) styles.push_back("sponsor"), marks.push_back("sponsor");
    if (approvers.count(p)) styles.push_back("approver"), marks.push_back("approver");
    if (candidates.count(p)) styles.push_back("candidate"), marks.push_back("suggested co-pilot");
    if (!person.available) styles.push_back("unavailable"), marks.push_back("unavailable");
    DiagramLabel label = b.entity_label(p);
    if (!person.title.empty()) add_wrapped(label, person.title, LabelLine::Look::normal, 30, 2);
    std::string mark_line;
    for (const std::string& mk : marks) mark_line += (mark_line.empty() ? "" : " · ") + mk;
    if (!mark_line.empty()) label.push_back(small(mark_line));
    const std::string cluster = person.department != kNoRef ? m.id(person.department) : std::string();
    b.node(m.id(p), std::move(label), std::move(styles), cluster);
    if (person.reports_to != kNoRef && shown(person.reports_to) && p != root)
      b.edge(m.id(person.reports_to), m.id(p), {"reports-to"});
    const std::size_t i = m.index(p);
    if (max_depth && org.depth[i] == *max_depth && !org.reports[i].empty()) {
      collapsed_people += org.below[i];
      const std::string name = b.synthetic("more", m.id(p));
      b.node(name, {plain("+" + count_text(org.below[i]) + " more"), small(count_text(org.reports[i].size()) + " direct reports")},
             {"collapsed"}, cluster);
      b.edge(m.id(p), name, {"reports-to"});
    }
  }
  for (Ref p : people)
    for (Ref boss : m.person(p).dotted_line_to)
      if (shown(boss)) cross_link(m.id(boss), m.id(p), "dotted-line");

  // Missing co-pilots of gates, with the suggested candidates.
  for (const GateResult* gp : open_gates) {
    const GateResult& g = *gp;
    const std::string gate = m.id(g.gate);
    const Ref ini = m.approval(g.gate).initiative;
    b.node(gate, b.entity_label(g.gate, {small(ini == kNoRef ? std::string("gate: cannot be granted")
                                                             : "gate of " + m.display_name(ini) + ": cannot be granted")}),
           {"gate"});
    for (const UnfilledSlot& u : g.check.unfilled) {
      const std::string name = b.synthetic("missing", gate + ":" + std::to_string(u.slot));
      const std::string what = u.slot >= 0 ? g.slot_labels[static_cast<std::size_t>(u.slot)] : std::string("another approver");
      DiagramLabel label{bold("missing co-pilot"), plain(what)};
      add_wrapped(label, u.reason, LabelLine::Look::small, 36, 3);
      std::vector<Ref> suggested;
      for (const SlotSuggestion& s : g.suggestions)
        if (s.slot == u.slot)
          for (const Candidate& c : s.candidates) suggested.push_back(c.person);
      if (!suggested.empty()) {
        std::string names;
        for (Ref c : suggested) names += (names.empty() ? "" : ", ") + m.display_name(c);
        add_wrapped(label, "suggested: " + names, LabelLine::Look::normal, 36, 2);
      }
      b.node(name, std::move(label), {"missing-copilot"});
      b.edge(gate, name, {"needs"});
      for (Ref c : suggested)
        if (shown(c)) cross_link(name, m.id(c), "suggested");
    }
  }
  // Initiatives whose sponsors are all on one side.
  for (const InitiativeResult* irp : lopsided) {
    const InitiativeResult& ir = *irp;
    const std::string id = m.id(ir.initiative);
    b.node(id, b.entity_label(ir.initiative, {small("initiative")}), {"initiative"});
    for (Ref s : m.initiative(ir.initiative).sponsors)
      if (shown(s)) cross_link(id, m.id(s), "sponsored-by");
    const std::string name = b.synthetic("missing", id);
    b.node(name, {bold("missing co-pilot"), plain(missing_sides_text(ir.copilot) + " co-sponsor"), small("no sponsor on that side")},
           {"missing-copilot"});
    b.edge(id, name, {"needs"});
  }

  if (max_depth && collapsed_people)
    notes.push_back(count_text(collapsed_people) + " of " + count_text(in_scope) + " people below level " +
                    std::to_string(*max_depth) + " collapsed into boxes of +N more" +
                    (o.depth ? "" : " (over the " + count_text(o.node_budget) + "-node budget; --depth K or --root ID to see more)"));
  if (cross_links_left_out)
    notes.push_back(count_text(cross_links_left_out) + " dotted-line, suggestion and sponsor links not drawn above " +
                    count_text(kCrossLinkLimit) + " people (Graphviz cannot rank them at that size)");
  b.title(root ? "Organisation under " + m.display_name(*root) : std::string("Organisation"), notes);
  return b.take();
}

}  // namespace clearpath
