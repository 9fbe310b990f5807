// The approvals view: each initiative's gates left to right in dependency order, with the
// cumulative lead time up to each; every slot of a gate's rule as a box, green when filled
// (with whom) and red when it cannot be (with the reason); the approvers, single points of
// failure marked; granted and denied gates coloured. Above the node budget the approvers are
// folded into the slot boxes, and then only gates with a problem are drawn.
#include <algorithm>
#include <map>
#include <set>

#include "analysis/id_order.hpp"
#include "clearpath/approval_rules.hpp"
#include "clearpath/copilots.hpp"
#include "render/transitive_reduction.hpp"
#include "render/views.hpp"

namespace clearpath {
namespace {

// Suggested co-pilots drawn per unfilled slot (the copilots report lists them all).
constexpr std::size_t kCandidatesDrawn = 3;

void define_styles(ViewBuilder& b) {
  using A = DiagramStyle::Applies;
  b.style("gate", A::node, "approval gate (pending unless coloured)",
          {{"shape", "box"}, {"style", "bold"}, {"fillcolor", "#e3eefb"}});
  b.style("granted", A::node, "granted gate", {{"fillcolor", "#cdebd3"}, {"color", "#2e8b3e"}});
  b.style("denied", A::node, "denied gate", {{"fillcolor", "#f6c6c6"}, {"color", "#a31515"}});
  b.style("cannot-be-granted", A::node, "gate whose rule its approvers cannot meet",
          {{"color", "#d62728"}, {"penwidth", "3"}});
  b.style("slot-filled", A::node, "slot of the gate's rule, filled",
          {{"shape", "note"}, {"style", "filled"}, {"fillcolor", "#d5f0d5"}, {"color", "#2e8b3e"}});
  b.style("slot-unfilled", A::node, "slot nobody available can fill (reason inside)",
          {{"shape", "note"},
           {"style", "filled,dashed"},
           {"fillcolor", "#fdecea"},
           {"color", "#d62728"},
           {"penwidth", "2"}});
  b.style("approver", A::node, "approver", {{"fillcolor", "#ffffff"}});
  b.style("single-point-of-failure", A::node, "single point of failure: without them the gate cannot be granted",
          {{"fillcolor", "#ffd8a8"}, {"color", "#d9480f"}, {"penwidth", "2.5"}});
  b.style("unavailable", A::node, "unavailable approver",
          {{"style", "dashed"}, {"fontcolor", "#888888"}, {"color", "#999999"}});
  b.style("gate-order", A::edge, "comes after (through the work between them)",
          {{"penwidth", "2"}, {"color", "#1f5fa8"}});
  b.style("slot", A::edge, "slot of the gate", {{"arrowhead", "none"}, {"color", "#999999"}});
  b.style("filled-by", A::edge, "filled by", {{"color", "#2e8b3e"}});
  b.style("listed", A::edge, "also listed as an approver", {{"style", "dotted"}, {"color", "#999999"}});
  b.style("candidate", A::node, "suggested co-pilot for an unfilled slot (not yet an approver)",
          {{"style", "dashed"}, {"color", "#2e8b3e"}, {"fillcolor", "#f1faf3"}, {"penwidth", "1.5"}});
  b.style("suggested", A::edge, "could fill it", {{"style", "dashed"}, {"color", "#2e8b3e"}});
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

// What a gate's check says of each slot: who fills it, or why nobody can (-1: the rule as a whole).
struct SlotStates {
  std::map<std::size_t, Ref> filled;
  std::map<long, std::string> unfilled;

  explicit SlotStates(const GateCheck& check) {
    for (const SlotFill& f : check.assignment) filled[f.slot] = f.person;
    for (const UnfilledSlot& u : check.unfilled) unfilled[u.slot] += (unfilled[u.slot].empty() ? "" : "; ") + u.reason;
  }
};

CopilotAnalysis analyze_every_gate(const Model& m, const RenderOptions& o) {
  CopilotOptions co;
  co.initiative = o.initiative;
  co.all = true;
  return analyze_copilots(m, co);
}

// One drawing of the approvals view: how much fits, then the gates with their slots, the
// approvers and the order of the gates.
class ApprovalsDrawing {
 public:
  ApprovalsDrawing(const Model& m, const RenderOptions& o)
      : m_(m), o_(o), copilots_(analyze_every_gate(m, o)), b_(m, o) {
    for (const InitiativeResult& ir : copilots_.initiatives)
      for (const ApprovalPathEntry& e : ir.approval_path) path_.emplace(e.gate, &e);
    for (const GateResult& g : copilots_.gates)
      for (Ref p : g.resilience.single_points_of_failure) spof_of_[p].push_back(g.gate);
  }

  Diagram draw() {
    choose_detail();
    define_styles(b_);
    b_.diagram().graph = {{"rankdir", "LR"}};
    choose_gates();
    draw_initiatives();
    for (const GateResult* g : shown_) draw_gate(*g);
    draw_suggestions();
    draw_approvers();
    draw_gate_order();
    b_.title("Approval paths", notes());
    return b_.take();
  }

 private:
  void choose_detail();
  void choose_gates();
  void keep_problems_that_fit();
  void draw_initiatives();
  void draw_gate(const GateResult& g);
  DiagramLabel gate_label(const GateResult& g) const;
  void draw_slot(const GateResult& g, const SlotStates& states, long slot, const std::string& what,
                 const std::string& cluster);
  void link_approvers(const GateResult& g);
  void draw_candidates(const GateResult& g, long slot, const std::string& slot_node, const std::string& cluster);
  void draw_suggestions();
  void draw_approvers();
  void draw_gate_order();
  std::vector<std::string> notes() const;

  const Model& m_;
  const RenderOptions& o_;
  const CopilotAnalysis copilots_;
  ViewBuilder b_;
  std::map<Ref, const ApprovalPathEntry*> path_;
  std::map<Ref, std::vector<Ref>> spof_of_;  // person -> gates they are a single point of failure of
  std::set<Ref> people_;                     // every approver of a checked gate
  Detail detail_ = Detail::full;
  std::vector<const GateResult*> shown_;
  std::size_t problem_gates_ = 0;
  std::set<Ref> drawn_;  // the gates of shown_
  std::set<Ref> approvers_drawn_;
  // Suggested co-pilots, drawn once every gate is: one already drawn as an approver (of another
  // gate) is linked where it is instead of drawn a second time.
  struct Suggestion {
    std::string slot_node, cluster, name;
    Ref person;
  };
  std::vector<Suggestion> suggestions_;
  std::map<Ref, std::vector<Ref>> suggested_for_;  // a person -> the gates they are suggested for
};

// How much to draw.
void ApprovalsDrawing::choose_detail() {
  std::size_t slots = 0;
  for (const GateResult& g : copilots_.gates) {
    slots += g.slot_labels.size() + (g.check.unfilled.empty() ? 0 : 1);
    for (const SlotSuggestion& s : g.suggestions) slots += std::min(s.candidates.size(), kCandidatesDrawn);
    people_.insert(m_.approval(g.gate).approvers.begin(), m_.approval(g.gate).approvers.end());
  }
  if (copilots_.gates.size() + slots + people_.size() > o_.node_budget) detail_ = Detail::no_people;
  if (detail_ == Detail::no_people && copilots_.gates.size() + slots > o_.node_budget) detail_ = Detail::problems_only;
}

// The gates drawn (by id, as copilots.gates): all, or those with a problem, gates that cannot
// be granted first, as many as fit with their slots.
void ApprovalsDrawing::choose_gates() {
  for (const GateResult& g : copilots_.gates)
    if (detail_ != Detail::problems_only || !g.check.satisfiable || !g.resilience.single_points_of_failure.empty())
      shown_.push_back(&g);
  problem_gates_ = shown_.size();
  if (detail_ == Detail::problems_only) keep_problems_that_fit();
  for (const GateResult* g : shown_) drawn_.insert(g->gate);
}

void ApprovalsDrawing::keep_problems_that_fit() {
  std::stable_sort(shown_.begin(), shown_.end(), [](const GateResult* x, const GateResult* y) {
    return !x->check.satisfiable && y->check.satisfiable;
  });
  std::size_t used = 0, fit = 0;
  while (fit < shown_.size() && used + 2 + shown_[fit]->slot_labels.size() <= o_.node_budget)
    used += 2 + shown_[fit++]->slot_labels.size();
  shown_.resize(fit);
  std::sort(shown_.begin(), shown_.end(),
            [&](const GateResult* x, const GateResult* y) { return m_.id(x->gate) < m_.id(y->gate); });
}

void ApprovalsDrawing::draw_initiatives() {
  std::vector<Ref> initiatives;
  for (const GateResult* g : shown_)
    if (m_.approval(g->gate).initiative != kNoRef) initiatives.push_back(m_.approval(g->gate).initiative);
  sort_unique_by_id(m_, initiatives);
  for (Ref i : initiatives) b_.cluster(m_.id(i), {bold(m_.display_name(i)), small("initiative")}, {"initiative"});
}

// A gate, its slots (filled with whom, or why not) and, in full detail, its approvers.
void ApprovalsDrawing::draw_gate(const GateResult& g) {
  const Approval& a = m_.approval(g.gate);
  const std::string cluster = a.initiative != kNoRef ? m_.id(a.initiative) : std::string();
  std::vector<std::string> styles{"gate"};
  if (a.status == ApprovalStatus::granted) styles.push_back("granted");
  if (a.status == ApprovalStatus::denied) styles.push_back("denied");
  if (!g.check.satisfiable) styles.push_back("cannot-be-granted");
  b_.node(m_.id(g.gate), gate_label(g), std::move(styles), cluster);
  const SlotStates states(g.check);
  for (std::size_t s = 0; s < g.slot_labels.size(); ++s)
    draw_slot(g, states, static_cast<long>(s), g.slot_labels[s], cluster);
  if (states.unfilled.count(-1))
    draw_slot(g, states, -1, "at least " + std::to_string(a.rule.min_approvers) + " approvers", cluster);
  if (detail_ == Detail::full) link_approvers(g);
}

// Status and lead time, the cumulative lead time and finish, and whether it can be granted.
DiagramLabel ApprovalsDrawing::gate_label(const GateResult& g) const {
  const Approval& a = m_.approval(g.gate);
  DiagramLabel label = b_.entity_label(g.gate);
  std::string status = status_name(a.status);
  status += " · lead time " + short_number(a.lead_time) + " d";
  label.push_back(plain(status));
  // The quorum: how many of the listed approvers must approve.
  const std::size_t listed = a.approvers.size();
  const auto needed = static_cast<std::size_t>(std::max<long long>(1, a.rule.min_approvers));
  label.push_back(small("quorum " + std::to_string(needed) + " of " + std::to_string(listed) +
                        (listed == 1 ? " approver" : " approvers")));
  if (const auto it = path_.find(g.gate); it != path_.end())
    label.push_back(small("cumulative lead time " + short_number(it->second->cumulative_lead_time) +
                          " d · done by day " + short_number(it->second->earliest_finish)));
  if (!g.check.satisfiable) label.push_back(bold("cannot be granted"));
  else if (g.resilience.bus_factor) label.push_back(small("bus factor " + std::to_string(g.resilience.bus_factor)));
  return label;
}

// One slot's box: filled by whom, or the reasons it cannot be (-1: the rule as a whole).
void ApprovalsDrawing::draw_slot(const GateResult& g, const SlotStates& states, long slot, const std::string& what,
                                 const std::string& cluster) {
  const std::string gate = m_.id(g.gate);
  const std::string name = b_.synthetic("slot", gate + ":" + std::to_string(slot));
  DiagramLabel sl{plain(what)};
  const auto f = slot >= 0 ? states.filled.find(static_cast<std::size_t>(slot)) : states.filled.end();
  if (f != states.filled.end()) {
    sl.push_back(small("filled by " + m_.display_name(f->second)));
    b_.node(name, std::move(sl), {"slot-filled"}, cluster);
    b_.edge(gate, name, {"slot"});
    if (detail_ == Detail::full) b_.edge(name, m_.id(f->second), {"filled-by"});
  } else {
    const auto u = states.unfilled.find(slot);
    add_wrapped(sl, u != states.unfilled.end() ? u->second : std::string("cannot be filled together with the others"),
                LabelLine::Look::small, 36, 8);  // the whole reason, up to 8 lines, as in the org view
    b_.node(name, std::move(sl), {"slot-unfilled"}, cluster);
    b_.edge(gate, name, {"slot"});
    draw_candidates(g, slot, name, cluster);
  }
}

// The people suggested for an unfilled slot, dashed: who could be asked to co-sign.
void ApprovalsDrawing::draw_candidates(const GateResult& g, long slot, const std::string& slot_node,
                                       const std::string& cluster) {
  if (detail_ == Detail::problems_only) return;
  for (const SlotSuggestion& s : g.suggestions) {
    if (s.slot != slot) continue;
    for (std::size_t k = 0; k < s.candidates.size() && k < kCandidatesDrawn; ++k) {
      const Ref p = s.candidates[k].person;
      suggestions_.push_back({slot_node, cluster,
                              b_.synthetic("candidate", m_.id(g.gate) + ":" + std::to_string(slot) + ":" + m_.id(p)),
                              p});
      if (std::find(suggested_for_[p].begin(), suggested_for_[p].end(), g.gate) == suggested_for_[p].end())
        suggested_for_[p].push_back(g.gate);
    }
  }
}

void ApprovalsDrawing::draw_suggestions() {
  for (const Suggestion& s : suggestions_) {
    if (approvers_drawn_.count(s.person)) {
      b_.edge(s.slot_node, m_.id(s.person), {"suggested"});
      continue;
    }
    DiagramLabel label = b_.entity_label(s.person);
    if (!m_.person(s.person).title.empty())
      add_wrapped(label, m_.person(s.person).title, LabelLine::Look::small, 30, 2);
    label.push_back(small("suggested"));
    b_.node(s.name, std::move(label), {"candidate"}, s.cluster);
    b_.edge(s.slot_node, s.name, {"suggested"});
  }
}

// Edges to the approvers chosen beyond the slots, and to those listed but not chosen.
void ApprovalsDrawing::link_approvers(const GateResult& g) {
  const std::string gate = m_.id(g.gate);
  std::set<Ref> chosen;
  for (const SlotFill& f : g.check.assignment) chosen.insert(f.person);
  for (Ref p : g.check.approvers)
    if (!chosen.count(p)) {
      chosen.insert(p);
      b_.edge(gate, m_.id(p), {"filled-by"});
    }
  for (Ref p : m_.approval(g.gate).approvers) {
    approvers_drawn_.insert(p);
    if (!chosen.count(p)) b_.edge(gate, m_.id(p), {"listed"});
  }
}

void ApprovalsDrawing::draw_approvers() {
  std::vector<Ref> ordered(approvers_drawn_.begin(), approvers_drawn_.end());
  sort_unique_by_id(m_, ordered);
  for (Ref p : ordered) {
    const Person& person = m_.person(p);
    std::vector<std::string> styles{"approver"};
    DiagramLabel label = b_.entity_label(p);
    if (!person.title.empty()) add_wrapped(label, person.title, LabelLine::Look::small, 30, 2);
    if (const auto it = spof_of_.find(p); it != spof_of_.end()) {
      styles.push_back("single-point-of-failure");
      std::string gates;
      for (Ref g : it->second) gates += (gates.empty() ? "" : ", ") + m_.id(g);
      add_wrapped(label, "single point of failure: " + gates, LabelLine::Look::normal, 34, 2);
    }
    if (!person.available) styles.push_back("unavailable"), label.push_back(small("unavailable"));
    if (const auto it = suggested_for_.find(p); it != suggested_for_.end()) {
      std::string gates;
      for (Ref g : it->second) gates += (gates.empty() ? "" : ", ") + m_.id(g);
      add_wrapped(label, "also suggested for " + gates, LabelLine::Look::small, 34, 2);
    }
    b_.node(m_.id(p), std::move(label), std::move(styles));
  }
}

// Gate order, without orderings a longer chain of gates implies.
void ApprovalsDrawing::draw_gate_order() {
  std::vector<Ref> gates(drawn_.begin(), drawn_.end());
  sort_unique_by_id(m_, gates);
  std::map<Ref, std::uint32_t> index;
  for (std::uint32_t i = 0; i < gates.size(); ++i) index[gates[i]] = i;
  std::vector<DagEdge> order;
  const auto before = gate_order(m_, drawn_);
  for (Ref g : gates)
    for (Ref p : before.at(g)) order.push_back({index[p], index[g]});
  const std::vector<bool> keep = transitive_reduction(gates.size(), order);
  for (std::size_t i = 0; i < order.size(); ++i)
    if (keep[i]) b_.edge(m_.id(gates[order[i].first]), m_.id(gates[order[i].second]), {"gate-order"});
}

// What the title says was left out.
std::vector<std::string> ApprovalsDrawing::notes() const {
  std::vector<std::string> notes;
  if (detail_ == Detail::no_people)
    notes.push_back(count_text(people_.size()) + " approvers folded into the slot boxes (over the " +
                    count_text(o_.node_budget) + "-node budget)");
  if (detail_ == Detail::problems_only)
    notes.push_back("only " + count_text(drawn_.size()) + " of the " + count_text(problem_gates_) + " gates (of " +
                    count_text(copilots_.gates.size()) + ") that cannot be granted or hang on one person (over the " +
                    count_text(o_.node_budget) + "-node budget; --initiative ID shows one initiative)");
  return notes;
}

}  // namespace

Diagram approvals_view(const Model& m, const RenderOptions& o) { return ApprovalsDrawing(m, o).draw(); }

}  // namespace clearpath
