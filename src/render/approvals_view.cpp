// The approvals view: each initiative's gates left to right in dependency order, with the
// cumulative lead time up to each; every slot of a gate's rule as a box, green when filled
// (with whom) and red when it cannot be (with the reason); the approvers, single points of
// failure marked; granted and denied gates coloured. Above the node budget the approvers are
// folded into the slot boxes, and then only gates with a problem are drawn.
#include <algorithm>
#include <map>
#include <set>

#include "clearpath/approval_rules.hpp"
#include "clearpath/copilots.hpp"
#include "analysis/id_order.hpp"
#include "render/transitive_reduction.hpp"
#include "render/views.hpp"

namespace clearpath {
namespace {

void define_styles(ViewBuilder& b) {
  using A = DiagramStyle::Applies;
  b.style("gate", A::node, "approval gate (pending unless coloured)", {{"shape", "box"}, {"style", "bold"}, {"fillcolor", "#e3eefb"}});
  b.style("granted", A::node, "granted gate", {{"fillcolor", "#cdebd3"}, {"color", "#2e8b3e"}});
  b.style("denied", A::node, "denied gate", {{"fillcolor", "#f6c6c6"}, {"color", "#a31515"}});
  b.style("cannot-be-granted", A::node, "gate whose rule its approvers cannot meet", {{"color", "#d62728"}, {"penwidth", "3"}});
  b.style("slot-filled", A::node, "slot of the gate's rule, filled", {{"shape", "note"}, {"style", "filled"}, {"fillcolor", "#d5f0d5"}, {"color", "#2e8b3e"}});
  b.style("slot-unfilled", A::node, "slot nobody available can fill (reason inside)",
          {{"shape", "note"}, {"style", "filled,dashed"}, {"fillcolor", "#fdecea"}, {"color", "#d62728"}, {"penwidth", "2"}});
  b.style("approver", A::node, "approver", {{"fillcolor", "#ffffff"}});
  b.style("single-point-of-failure", A::node, "single point of failure: without them the gate cannot be granted",
          {{"fillcolor", "#ffd8a8"}, {"color", "#d9480f"}, {"penwidth", "2.5"}});
  b.style("unavailable", A::node, "unavailable approver", {{"style", "dashed"}, {"fontcolor", "#888888"}, {"color", "#999999"}});
  b.style("gate-order", A::edge, "comes after (through the work between them)", {{"penwidth", "2"}, {"color", "#1f5fa8"}});
  b.style("slot", A::edge, "slot of the gate", {{"arrowhead", "none"}, {"color", "#999999"}});
  b.style("filled-by", A::edge, "filled by", {{"color", "#2e8b3e"}});
  b.style("listed", A::edge, "also listed as an approver", {{"style", "dotted"}, {"color", "#999999"}});
  b.style("initiative", A::cluster, "initiative", {{"color", "#7a8ca0"}});
}

// For each gate, the nearest gates upstream of it (through steps), by id.
std::map<Ref, std::vector<Ref>> gate_order(const Model& m, const std::set<Ref>& gates) {
  std::map<Ref, std::vector<Ref>> before;
  std::vector<std::uint32_t> seen(m.entity_count(), 0);
  std::uint32_t stamp = 0;
  for (Ref g : gates) {
    ++stamp;
    std::vector<Ref> stack(m.depends_on(g).begin(), m.depends_on(g).end());
    std::vector<Ref>& out = before[g];
    while (!stack.empty()) {
      const Ref r = stack.back();
      stack.pop_back();
      if (seen[r] == stamp) continue;
      seen[r] = stamp;
      if (m.kind(r) == EntityKind::approval) {
        if (gates.count(r)) out.push_back(r);
        else
          for (Ref x : m.depends_on(r)) stack.push_back(x);  // an undrawn gate: look through it
        continue;
      }
      for (Ref x : m.depends_on(r)) stack.push_back(x);
    }
    sort_unique_by_id(m, out);
  }
  return before;
}

enum class Detail { full, no_people, problems_only };

}  // namespace

Diagram approvals_view(const Model& m, const RenderOptions& o) {
  CopilotOptions co;
  co.initiative = o.initiative;
  co.all = true;
  const CopilotAnalysis copilots = analyze_copilots(m, co);
  std::map<Ref, const ApprovalPathEntry*> path;
  for (const InitiativeResult& ir : copilots.initiatives)
    for (const ApprovalPathEntry& e : ir.approval_path) path.emplace(e.gate, &e);

  // How much to draw.
  std::size_t slots = 0;
  std::set<Ref> people;
  for (const GateResult& g : copilots.gates) {
    slots += g.slot_labels.size() + (g.check.unfilled.empty() ? 0 : 1);
    people.insert(m.approval(g.gate).approvers.begin(), m.approval(g.gate).approvers.end());
  }
  Detail detail = Detail::full;
  if (copilots.gates.size() + slots + people.size() > o.node_budget) detail = Detail::no_people;
  if (detail == Detail::no_people && copilots.gates.size() + slots > o.node_budget) detail = Detail::problems_only;

  ViewBuilder b(m, o);
  define_styles(b);
  b.diagram().graph = {{"rankdir", "LR"}};
  std::vector<std::string> notes;
  // The gates drawn (by id, as copilots.gates): all, or those with a problem, gates that cannot
  // be granted first, as many as fit with their slots.
  std::vector<const GateResult*> shown;
  for (const GateResult& g : copilots.gates)
    if (detail != Detail::problems_only || !g.check.satisfiable || !g.resilience.single_points_of_failure.empty())
      shown.push_back(&g);
  std::size_t problem_gates = shown.size();
  if (detail == Detail::problems_only) {
    std::stable_sort(shown.begin(), shown.end(), [](const GateResult* x, const GateResult* y) {
      return !x->check.satisfiable && y->check.satisfiable;
    });
    std::size_t used = 0, fit = 0;
    while (fit < shown.size() && used + 2 + shown[fit]->slot_labels.size() <= o.node_budget)
      used += 2 + shown[fit++]->slot_labels.size();
    shown.resize(fit);
    std::sort(shown.begin(), shown.end(), [&](const GateResult* x, const GateResult* y) { return m.id(x->gate) < m.id(y->gate); });
  }
  std::set<Ref> drawn;
  for (const GateResult* g : shown) drawn.insert(g->gate);

  std::vector<Ref> initiatives;
  for (const GateResult* g : shown)
    if (m.approval(g->gate).initiative != kNoRef) initiatives.push_back(m.approval(g->gate).initiative);
  sort_unique_by_id(m, initiatives);
  for (Ref i : initiatives) b.cluster(m.id(i), {bold(m.display_name(i)), small("initiative")}, {"initiative"});

  std::map<Ref, std::vector<Ref>> spof_of;  // person -> gates they are a single point of failure of
  for (const GateResult& g : copilots.gates)
    for (Ref p : g.resilience.single_points_of_failure) spof_of[p].push_back(g.gate);

  std::set<Ref> approvers_drawn;
  for (const GateResult* gp : shown) {
    const GateResult& g = *gp;
    const Approval& a = m.approval(g.gate);
    const std::string gate = m.id(g.gate);
    const std::string cluster = a.initiative != kNoRef ? m.id(a.initiative) : std::string();
    std::vector<std::string> styles{"gate"};
    if (a.status == ApprovalStatus::granted) styles.push_back("granted");
    if (a.status == ApprovalStatus::denied) styles.push_back("denied");
    if (!g.check.satisfiable) styles.push_back("cannot-be-granted");
    DiagramLabel label = b.entity_label(g.gate);
    std::string status = status_name(a.status);
    status += " · lead time " + short_number(a.lead_time) + " d";
    label.push_back(plain(status));
    if (const auto it = path.find(g.gate); it != path.end())
      label.push_back(small("cumulative lead time " + short_number(it->second->cumulative_lead_time) + " d · done by day " +
                            short_number(it->second->earliest_finish)));
    if (!g.check.satisfiable) label.push_back(bold("cannot be granted"));
    else if (g.resilience.bus_factor) label.push_back(small("bus factor " + std::to_string(g.resilience.bus_factor)));
    b.node(gate, std::move(label), std::move(styles), cluster);

    // Slots: filled with whom, or why not.
    std::map<std::size_t, Ref> filled;
    for (const SlotFill& f : g.check.assignment) filled[f.slot] = f.person;
    std::map<long, std::string> unfilled;
    for (const UnfilledSlot& u : g.check.unfilled) unfilled[u.slot] += (unfilled[u.slot].empty() ? "" : "; ") + u.reason;
    auto slot_node = [&](long slot, const std::string& what) {
      const std::string name = b.synthetic("slot", gate + ":" + std::to_string(slot));
      DiagramLabel sl{plain(what)};
      const auto f = slot >= 0 ? filled.find(static_cast<std::size_t>(slot)) : filled.end();
      if (f != filled.end()) {
        sl.push_back(small("filled by " + m.display_name(f->second)));
        b.node(name, std::move(sl), {"slot-filled"}, cluster);
        b.edge(gate, name, {"slot"});
        if (detail == Detail::full) b.edge(name, m.id(f->second), {"filled-by"});
      } else {
        const auto u = unfilled.find(slot);
        add_wrapped(sl, u != unfilled.end() ? u->second : std::string("cannot be filled together with the others"),
                    LabelLine::Look::small, 36, 4);
        b.node(name, std::move(sl), {"slot-unfilled"}, cluster);
        b.edge(gate, name, {"slot"});
      }
    };
    for (std::size_t s = 0; s < g.slot_labels.size(); ++s) slot_node(static_cast<long>(s), g.slot_labels[s]);
    if (unfilled.count(-1)) slot_node(-1, "at least " + std::to_string(a.rule.min_approvers) + " approvers");

    if (detail != Detail::full) continue;
    std::set<Ref> chosen;
    for (const SlotFill& f : g.check.assignment) chosen.insert(f.person);
    for (Ref p : g.check.approvers)
      if (!chosen.count(p)) {
        chosen.insert(p);
        b.edge(gate, m.id(p), {"filled-by"});
      }
    for (Ref p : a.approvers) {
      approvers_drawn.insert(p);
      if (!chosen.count(p)) b.edge(gate, m.id(p), {"listed"});
    }
  }
  std::vector<Ref> ordered(approvers_drawn.begin(), approvers_drawn.end());
  sort_unique_by_id(m, ordered);
  for (Ref p : ordered) {
    const Person& person = m.person(p);
    std::vector<std::string> styles{"approver"};
    DiagramLabel label = b.entity_label(p);
    if (!person.title.empty()) add_wrapped(label, person.title, LabelLine::Look::small, 30, 2);
    if (const auto it = spof_of.find(p); it != spof_of.end()) {
      styles.push_back("single-point-of-failure");
      std::string gates;
      for (Ref g : it->second) gates += (gates.empty() ? "" : ", ") + m.id(g);
      add_wrapped(label, "single point of failure: " + gates, LabelLine::Look::normal, 34, 2);
    }
    if (!person.available) styles.push_back("unavailable"), label.push_back(small("unavailable"));
    b.node(m.id(p), std::move(label), std::move(styles));
  }
  // Gate order, without orderings a longer chain of gates implies.
  std::vector<Ref> gates(drawn.begin(), drawn.end());
  sort_unique_by_id(m, gates);
  std::map<Ref, std::uint32_t> index;
  for (std::uint32_t i = 0; i < gates.size(); ++i) index[gates[i]] = i;
  std::vector<DagEdge> order;
  const auto before = gate_order(m, drawn);
  for (Ref g : gates)
    for (Ref p : before.at(g)) order.push_back({index[p], index[g]});
  const std::vector<bool> keep = transitive_reduction(gates.size(), order);
  for (std::size_t i = 0; i < order.size(); ++i)
    if (keep[i]) b.edge(m.id(gates[order[i].first]), m.id(gates[order[i].second]), {"gate-order"});

  if (detail == Detail::no_people)
    notes.push_back(count_text(people.size()) + " approvers folded into the slot boxes (over the " +
                    count_text(o.node_budget) + "-node budget)");
  if (detail == Detail::problems_only)
    notes.push_back("only " + count_text(drawn.size()) + " of the " + count_text(problem_gates) + " gates (of " +
                    count_text(copilots.gates.size()) + ") that cannot be granted or hang on one person (over the " + count_text(o.node_budget) +
                    "-node budget; --initiative ID shows one initiative)");
  b.title("Approval paths", notes);
  return b.take();
}

}  // namespace clearpath
