// Organisation-aware approval gates of synthetic models (SyntheticOptions::gates / max_approvers).
//
// Each gate has an anchor person (a sponsor of its initiative, someone in the team doing the
// work, or someone in a sponsor's department) and a rule chosen by the kind of gate. Its
// approvers are found near the anchor: up the anchor's reporting chain, a few levels below
// each of those managers and in their departments, nearest first; only when nobody near fits
// is the whole organisation scanned. A satisfiable gate gets a witness for its rule (one
// available approver per slot, enough for min_approvers, meeting distinct_departments and
// independent), so it is satisfiable by construction: extra approvers cannot break a rule.
// An unsatisfiable gate (kBrokenPerMille) has one slot that no available approver fills:
// nobody on the list matches it, or the only one who does is unavailable.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "synthetic/synthetic_parts.hpp"

namespace clearpath::synthetic {
namespace {

constexpr u64 kBrokenPerMille = 90;
constexpr int kTriesPerLevel = 8;
constexpr u32 kScanLimit = 1u << 17;  // candidates a whole-organisation scan looks at

struct SlotSpec {
  std::string_view side;  // empty: any
  int role = -1;          // index into kRoles; -1: any
  u32 department = kNone;
};

class OrgGates {
 public:
  // Children of everyone in the reporting tree (CSR) and the team of each initiative.
  OrgGates(const Plan& plan, const Written& written, Rng& rng, const Refs& refs, ModelBuilder& b)
      : plan_(plan), written_(written), rng_(rng), refs_(refs), b_(b) {
    const u32 n_people = plan_.n_people;
    child_begin_.assign(n_people + 1, 0);
    for (u32 i = 1; i < n_people; ++i) ++child_begin_[plan_.parent[i] + 1];
    for (u32 p = 0; p < n_people; ++p) child_begin_[p + 1] += child_begin_[p];
    children_.resize(n_people > 0 ? n_people - 1 : 0);
    std::vector<u32> fill(child_begin_.begin(), child_begin_.end() - 1);
    for (u32 i = 1; i < n_people; ++i) children_[fill[plan_.parent[i]]++] = i;
    team_.assign(plan_.n_initiatives, kNone);
    for (const Chain& c : plan_.chains)
      if (team_[c.initiative] == kNone) team_[c.initiative] = c.department;
    listed_in_.assign(n_people, 0);
  }

  void add() {
    for (const Gate& gate : plan_.gates) {
      const u32 kind = static_cast<u32>((gate.number - 1 + gate.initiative) % kGates.size());
      Approval a;
      a.id = refs_.id(refs_.gate(gate.initiative, gate.number));
      a.name = kGates[kind];
      a.initiative = refs_.initiative(gate.initiative);
      const u32 anchor = gate_anchor(gate.initiative);
      choose_rule(kind, anchor);
      choose_approvers(anchor);
      for (u32 p : approvers_) a.approvers.push_back(refs_.person(p));
      a.lead_time = static_cast<double>(rng_.range(0, 20));
      // A gate nobody can grant has not been granted: it waits, or was turned down.
      const bool granted = rng_.chance(200) && !broken_;
      a.status = granted ? ApprovalStatus::granted : rng_.chance(20) ? ApprovalStatus::denied : ApprovalStatus::pending;
      a.rule = rule();
      a.depends_on = dependencies(gate);
      b_.add(std::move(a));
    }
  }

 private:
  // --- who is where ------------------------------------------------------------------------
  bool matches(u32 p, const SlotSpec& s) const {
    return (s.side.empty() || plan_.side_of(plan_.department[p]) == s.side) &&
           (s.role < 0 || plan_.role_of(p) == static_cast<u32>(s.role)) &&
           (s.department == kNone || plan_.department[p] == s.department);
  }
  // True when `a` is above `p` in p's reporting chain.
  bool above(u32 a, u32 p) const {
    for (u32 depth = 0; p != 0 && depth < 4096; ++depth) {
      p = plan_.parent[p];
      if (p == a) return true;
    }
    return false;
  }
  // Is p on the list of the gate being written? (Long lists make a linear search too slow.)
  bool listed(u32 p) const { return listed_in_[p] == gate_stamp_; }
  void list(u32 p) {
    approvers_.push_back(p);
    listed_in_[p] = gate_stamp_;
  }
  u32 random_member(u32 d) {
    const u32 size = plan_.member_begin[d + 1] - plan_.member_begin[d];
    return size == 0 ? kNone : plan_.members[plan_.member_begin[d] + rng_.below(size)];
  }
  u32 walk_down(u32 p, u64 levels) {
    for (u64 l = 0; l < levels; ++l) {
      const u32 count = child_begin_[p + 1] - child_begin_[p];
      if (count == 0) break;
      p = children_[child_begin_[p] + rng_.below(count)];
    }
    return p;
  }

  // The first person near `anchor` that `ok` accepts, starting `first_level` managers up.
  template <class Ok>
  u32 find_near(u32 anchor, Ok&& ok, u32 first_level = 0) {
    chain_.clear();
    for (u32 p = anchor;; p = plan_.parent[p]) {
      chain_.push_back(p);
      if (p == 0 || chain_.size() >= 64) break;
    }
    for (std::size_t level = std::min<std::size_t>(first_level, chain_.size() - 1); level < chain_.size(); ++level) {
      const u32 u = chain_[level];
      for (int t = 0; t < kTriesPerLevel; ++t) {
        const u32 c = t == 0 ? u : t % 3 == 0 ? random_member(plan_.department[u]) : walk_down(u, rng_.range(1, 3));
        if (c != kNone && ok(c)) return c;
      }
    }
    return kNone;
  }

  // The first person `ok` accepts anywhere, scanning the people who could fill `want` (its
  // department's members, or everyone with its role) from a random start.
  template <class Ok>
  u32 find_anywhere(const SlotSpec* want, Ok&& ok) {
    u32 lo = 0, hi = plan_.n_people;
    const bool by_department = want && want->department != kNone;
    if (by_department) {
      lo = plan_.member_begin[want->department];
      hi = plan_.member_begin[want->department + 1];
    } else if (want && want->role >= 0) {
      const u32 bounds[5] = {0, plan_.n_executives, plan_.n_directors, plan_.n_managers, plan_.n_people};
      lo = bounds[want->role];
      hi = bounds[want->role + 1];
    }
    if (lo >= hi) return kNone;
    const u32 span = hi - lo, start = static_cast<u32>(rng_.below(span));
    for (u32 i = 0; i < span && i < kScanLimit; ++i) {
      const u32 at = lo + (start + i) % span;
      const u32 c = by_department ? plan_.members[at] : at;
      if (ok(c)) return c;
    }
    return kNone;
  }

  // An unlisted, unavailable person `ok` accepts: near the anchor, else anyone.
  template <class Ok>
  u32 find_unavailable(u32 anchor, Ok&& ok) {
    auto absent = [&](u32 c) { return !written_.available[c] && !listed(c) && ok(c); };
    if (const u32 c = find_near(anchor, absent); c != kNone) return c;
    const std::vector<u32>& unavailable = written_.unavailable;
    if (unavailable.empty()) return kNone;
    const std::size_t span = unavailable.size(), start = rng_.below(span);
    for (std::size_t i = 0; i < span && i < kScanLimit; ++i)
      if (const u32 c = unavailable[(start + i) % span]; absent(c)) return c;
    return kNone;
  }

  // Someone near the anchor matching `want` (ok decides the rest), else anywhere.
  template <class Ok>
  u32 find_person(u32 anchor, const SlotSpec& want, Ok&& ok) {
    auto fits = [&](u32 c) { return matches(c, want) && ok(c); };
    const u32 c = find_near(anchor, fits);
    return c != kNone ? c : find_anywhere(&want, fits);
  }

  // --- one gate ----------------------------------------------------------------------------
  // The person a gate is organised around: a sponsor, the team doing the work, or a sponsor's
  // department.
  u32 gate_anchor(u32 initiative) {
    const Sponsors& sp = written_.sponsors[initiative];
    const u32 sponsor = sp.count > 0 ? sp.ids[rng_.below(sp.count)] : 0;
    const u64 r = rng_.below(100);
    u32 anchor = kNone;
    if (r >= 50 && r < 80 && team_[initiative] != kNone) anchor = random_member(team_[initiative]);
    else if (r >= 80) anchor = random_member(plan_.department[sponsor]);
    return anchor != kNone ? anchor : sponsor;
  }

  int senior_role(u64 executive_per_mille) { return rng_.chance(executive_per_mille) ? 0 : 1; }

  // The rule of a gate of this kind (kGates) anchored at `anchor`, into slots_ and the flags.
  void choose_rule(u32 kind, u32 anchor) {
    slots_.clear();
    distinct_ = independent_ = false;
    u64 extra_min = 0;  // min_approvers beyond the number of slots
    auto any_available = [&](u32 c) { return written_.available[c] != 0; };
    switch (kind) {
      case 0:  // POC sign-off: the business owner of the initiative
        if (rng_.chance(700)) slots_.push_back({"business", rng_.chance(500) ? 2 : 1, kNone});
        extra_min = rng_.chance(150);
        distinct_ = rng_.chance(100);
        independent_ = rng_.chance(100);
        break;
      case 1: {  // Security review: a named IT department, a senior member and maybe another
        const int role = rng_.chance(500) ? 1 : 2;
        const u32 p = find_person(anchor, {"it", role, kNone}, any_available);
        const u32 d = p != kNone ? plan_.department[p] : plan_.department[anchor];
        slots_.push_back({{}, p != kNone ? role : -1, d});
        if (rng_.chance(500) && plan_.member_begin[d + 1] - plan_.member_begin[d] > 1) slots_.push_back({{}, -1, d});
        extra_min = rng_.chance(150);
        independent_ = rng_.chance(300);
        break;
      }
      case 2:  // Production funding: the co-pilot pair, an IT and a business senior leader
        slots_.push_back({"it", senior_role(600), kNone});
        slots_.push_back({"business", senior_role(600), kNone});
        distinct_ = rng_.chance(700);
        independent_ = rng_.chance(600);
        break;
      case 3:  // Change advisory board: IT managers, sometimes the business too
        slots_.push_back({"it", 2, kNone});
        slots_.push_back({"it", -1, kNone});
        if (rng_.chance(400)) slots_.push_back({"business", -1, kNone});
        distinct_ = rng_.chance(600);
        independent_ = rng_.chance(200);
        break;
      case 4:  // Data protection review: legal (a side, or a named legal department)
        if (plan_.n_departments > 5) {
          const u32 p = rng_.chance(500) ? kNone : find_person(anchor, {"legal", -1, kNone}, any_available);
          if (p != kNone) slots_.push_back({{}, -1, plan_.department[p]});
          else slots_.push_back({"legal", -1, kNone});
        } else {
          slots_.push_back({"business", 1, kNone});
        }
        if (rng_.chance(400)) slots_.push_back({{}, 1, kNone});
        extra_min = rng_.chance(200);
        independent_ = rng_.chance(300);
        break;
      default:  // Architecture review: IT directors and managers
        slots_.push_back({"it", 1, kNone});
        if (rng_.chance(300)) slots_.push_back({"it", 2, kNone});
        extra_min = rng_.chance(200);
        distinct_ = rng_.chance(300);
        independent_ = rng_.chance(400);
        break;
    }
    const u32 max_approvers = plan_.max_approvers;
    if (slots_.size() > max_approvers) slots_.resize(max_approvers);
    min_approvers_ = static_cast<u32>(std::clamp<u64>(slots_.size() + extra_min, 1, std::min<u64>(3, max_approvers)));
  }

  // The approvers of a gate anchored at `anchor` with the rule in slots_, into approvers_.
  void choose_approvers(u32 anchor) {
    const std::vector<std::uint8_t>& available = written_.available;
    approvers_.clear();
    ++gate_stamp_;  // nobody is listed yet
    witnesses_.clear();
    long broken = -1;
    broken_ = false;
    if (rng_.chance(kBrokenPerMille)) {
      if (slots_.empty()) slots_.push_back({"business", -1, kNone});
      broken = static_cast<long>(rng_.below(slots_.size()));
      broken_ = true;
    }
    // Fills the broken slot, or would (when available).
    auto fills_broken = [&](u32 c) { return broken >= 0 && matches(c, slots_[static_cast<std::size_t>(broken)]); };
    // May join the witnesses: available, new, keeping the rule's constraints, not the broken slot.
    auto witness_ok = [&](u32 c) {
      if (!available[c] || listed(c) || fills_broken(c)) return false;
      for (u32 w : witnesses_) {
        if (distinct_ && plan_.department[w] == plan_.department[c]) return false;
        if (independent_ && (above(w, c) || above(c, w))) return false;
      }
      return true;
    };
    auto add_witness = [&](u32 c) {
      if (c == kNone) return;
      witnesses_.push_back(c);
      list(c);
    };
    for (std::size_t s = 0; s < slots_.size(); ++s)
      if (static_cast<long>(s) != broken) add_witness(find_person(anchor, slots_[s], witness_ok));
    if (broken < 0) {
      while (witnesses_.size() < min_approvers_) {
        u32 c = find_near(anchor, witness_ok);
        if (c == kNone) c = find_anywhere(nullptr, witness_ok);
        if (c == kNone) break;
        add_witness(c);
      }
    } else if (rng_.chance(350)) {  // the only one who would fill it is away
      if (const u32 c = find_unavailable(anchor, fills_broken); c != kNone) list(c);
    }
    // How many to list: 1..max_approvers, most lists short, never fewer than the witnesses.
    const u64 a = rng_.range(1, plan_.max_approvers), b = rng_.range(1, plan_.max_approvers);
    const std::size_t target = std::max<std::size_t>(approvers_.size(), static_cast<std::size_t>(std::min(a, b)));
    if (approvers_.size() < target && rng_.chance(120)) {  // someone on leave is listed too
      if (const u32 c = find_unavailable(anchor, [](u32) { return true; }); c != kNone) list(c);
    }
    auto extra_ok = [&](u32 c) { return !listed(c) && !(available[c] && fills_broken(c)); };
    while (approvers_.size() < target) {
      u32 c = kNone;
      if (!slots_.empty() && rng_.chance(400)) {  // a deputy for one of the slots
        const std::size_t s = rng_.below(slots_.size());
        if (static_cast<long>(s) != broken)
          c = find_near(
              anchor, [&](u32 x) { return matches(x, slots_[s]) && extra_ok(x); }, static_cast<u32>(rng_.below(2)));
      }
      if (c == kNone) c = find_near(anchor, extra_ok, static_cast<u32>(rng_.below(3)));
      if (c == kNone) c = find_anywhere(nullptr, extra_ok);
      if (c == kNone) break;
      list(c);
    }
    if (approvers_.empty()) list(anchor);                // only in a tiny organisation
    for (std::size_t i = approvers_.size(); i > 1; --i)  // list them in no telling order
      std::swap(approvers_[i - 1], approvers_[rng_.below(i)]);
  }

  // The rule from slots_ and the flags.
  Rule rule() const {
    Rule r;
    r.min_approvers = static_cast<int>(min_approvers_);
    for (const SlotSpec& spec : slots_) {
      Slot slot;
      slot.side = spec.side;
      if (spec.role >= 0) slot.role = kRoles[static_cast<std::size_t>(spec.role)];
      if (spec.department != kNone) slot.department = refs_.department(spec.department);
      r.slots.push_back(std::move(slot));
    }
    r.distinct_departments = distinct_;
    r.independent = independent_;
    return r;
  }

  // The previous gate of the initiative, the step just before the anchor and sometimes one
  // or two earlier steps of the same chain or initiative: all before the anchor (a DAG).
  std::vector<Ref> dependencies(const Gate& gate) {
    std::array<u32, 2> earlier{};
    std::size_t n_earlier = 0;
    if (gate.step_dep && rng_.chance(400)) {
      const u32 block = static_cast<u32>(u64{plan_.n_steps} * gate.initiative / plan_.n_initiatives);
      const auto count = static_cast<std::size_t>(rng_.range(1, 2));
      n_earlier = rng_.distinct(block, gate.anchor - 1, count, earlier.data());
    }
    std::vector<Ref> out;
    if (gate.number > 1) out.push_back(refs_.gate(gate.initiative, gate.number - 1));
    if (gate.step_dep) {
      out.push_back(refs_.step(gate.anchor - 1));
      for (std::size_t i = 0; i < n_earlier; ++i) out.push_back(refs_.step(earlier[i]));
    }
    return out;
  }

  const Plan& plan_;
  const Written& written_;
  Rng& rng_;
  const Refs& refs_;
  ModelBuilder& b_;
  std::vector<u32> child_begin_, children_;  // the reporting tree downwards (CSR)
  std::vector<u32> team_;                    // by initiative: the department of its first chain
  std::vector<SlotSpec> slots_;              // the gate being written
  u32 min_approvers_ = 1;
  bool distinct_ = false, independent_ = false;
  bool broken_ = false;  // built unsatisfiable
  std::vector<u32> approvers_, witnesses_, chain_;
  std::vector<u32> listed_in_;  // by person: the stamp of the last gate that lists them
  u32 gate_stamp_ = 0;          // the gate being written, counted from 1
};

}  // namespace

void add_org_approvals(const Plan& plan, const Written& written, Rng& rng, const Refs& refs, ModelBuilder& b) {
  OrgGates(plan, written, rng, refs, b).add();
}

}  // namespace clearpath::synthetic
