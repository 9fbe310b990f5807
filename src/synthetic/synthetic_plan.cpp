// The skeleton of a synthetic model, drawn before anything is written: the reporting tree and
// departments, the chains of steps of each initiative and where its approval gates sit.
#include <algorithm>
#include <cstddef>
#include <vector>

#include "synthetic/synthetic_parts.hpp"

namespace clearpath::synthetic {
namespace {

// reports_to tree with span ~6 (person i reports to ~(i-1)/6, jittered, always earlier),
// departments assigned to the first n_departments people and inherited down the tree.
void plan_people(Plan& plan, Rng& rng) {
  plan.parent.assign(plan.n_people, 0);
  plan.department.assign(plan.n_people, 0);
  for (u32 i = 0; i < plan.n_people; ++i) {
    if (i > 0) {
      u64 p = (i - 1) / 6 + rng.below(3);
      p = p >= 1 ? p - 1 : 0;
      plan.parent[i] = static_cast<u32>(std::min<u64>(p, i - 1));
    }
    if (i < plan.n_departments) plan.department[i] = i;
    else
      plan.department[i] =
          rng.chance(900) ? plan.department[plan.parent[i]] : static_cast<u32>(rng.below(plan.n_departments));
  }
  // Members of each department, grouped (CSR), for picking step owners from a team.
  plan.member_begin.assign(plan.n_departments + 1, 0);
  for (u32 d : plan.department) ++plan.member_begin[d + 1];
  for (u32 d = 0; d < plan.n_departments; ++d) plan.member_begin[d + 1] += plan.member_begin[d];
  plan.members.resize(plan.n_people);
  std::vector<u32> fill(plan.member_begin.begin(), plan.member_begin.end() - 1);
  for (u32 i = 0; i < plan.n_people; ++i) plan.members[fill[plan.department[i]]++] = i;
}

// Each initiative owns a contiguous block of steps, cut into chains of 20-300 steps.
void plan_chains(Plan& plan, Rng& rng) {
  for (u32 k = 0; k < plan.n_initiatives; ++k) {
    const u32 block = static_cast<u32>(u64{plan.n_steps} * k / plan.n_initiatives);
    const u32 end = static_cast<u32>(u64{plan.n_steps} * (k + 1) / plan.n_initiatives);
    for (u32 start = block; start < end;) {
      Chain c;
      c.block = block;
      c.start = start;
      c.length = static_cast<u32>(std::min<u64>(rng.range(20, 300), end - start));
      c.initiative = k;
      c.department = static_cast<u32>(rng.below(plan.n_departments));
      c.system = static_cast<u32>(rng.below(plan.n_systems));
      c.started = rng.chance(300);
      c.done = c.started ? static_cast<u32>(rng.below(c.length / 3 + 1)) : 0;
      plan.chains.push_back(c);
      start += c.length;
    }
  }
}

// 3-5 gates per initiative, anchored at positions inside that initiative's chains.
void plan_gates(Plan& plan, Rng& rng) {
  const u32 n_initiatives = plan.n_initiatives, n_gates = plan.n_gates;
  std::vector<std::vector<u32>> chains_of(n_initiatives);
  for (u32 c = 0; c < plan.chains.size(); ++c) chains_of[plan.chains[c].initiative].push_back(c);
  for (u32 k = 0; k < n_initiatives; ++k) {
    // Classic: 3-5 each. With a number of gates: that many, spread evenly.
    const u32 count = plan.org_gates && n_gates > 0
                          ? static_cast<u32>(u64{n_gates} * (k + 1) / n_initiatives - u64{n_gates} * k / n_initiatives)
                          : static_cast<u32>(rng.range(3, 5));
    std::vector<Gate> gates(count);
    for (auto& g : gates) {
      g.initiative = k;
      if (chains_of[k].empty()) {
        g.anchor = plan.n_steps;  // nothing depends on it
        continue;
      }
      const Chain& c = plan.chains[chains_of[k][rng.below(chains_of[k].size())]];
      const u32 offset = static_cast<u32>(rng.below(c.length));
      g.anchor = c.start + offset;
      g.step_dep = offset > 0;  // the step before it in the same chain
    }
    std::stable_sort(gates.begin(), gates.end(), [](const Gate& a, const Gate& b) { return a.anchor < b.anchor; });
    for (u32 j = 0; j < count; ++j) gates[j].number = j + 1;
    plan.gates.insert(plan.gates.end(), gates.begin(), gates.end());
  }
  // Steps meet their gates in anchor order.
  plan.gates_by_anchor.resize(plan.gates.size());
  for (u32 i = 0; i < plan.gates.size(); ++i) plan.gates_by_anchor[i] = i;
  std::stable_sort(plan.gates_by_anchor.begin(), plan.gates_by_anchor.end(),
                   [&plan](u32 a, u32 b) { return plan.gates[a].anchor < plan.gates[b].anchor; });
}

}  // namespace

Plan plan_model(const SyntheticOptions& options, Rng& rng) {
  Plan plan;
  plan.n_steps = static_cast<u32>(std::min<std::size_t>(options.steps, 0xFFFFFFF0u));
  plan.n_people = static_cast<u32>(std::clamp<std::size_t>(options.people, 1, 0xFFFFFFF0u));
  plan.n_departments = std::max<u32>(2, plan.n_people / 40);
  plan.n_systems = std::max<u32>(3, plan.n_steps / 2000);
  plan.n_initiatives = std::max<u32>(1, plan.n_steps / 5000);
  plan.n_executives = std::max<u32>(1, plan.n_people / 100);
  plan.n_directors = std::max(plan.n_executives, plan.n_people / 20);
  plan.n_managers = std::max(plan.n_directors, plan.n_people / 6);
  // Organisation-aware gates (see synthetic.hpp); the classic model otherwise, unchanged.
  plan.org_gates = options.gates > 0 || options.max_approvers > 0;
  plan.n_gates = static_cast<u32>(std::min<std::size_t>(options.gates, 0xFFFFFFF0u));
  plan.max_approvers =
      options.max_approvers == 0 ? 6 : static_cast<u32>(std::min<std::size_t>(options.max_approvers, kMaxApprovers));
  if (plan.org_gates && plan.n_gates > 0)  // about 5 gates per initiative
    plan.n_initiatives = std::max(plan.n_initiatives, static_cast<u32>((u64{plan.n_gates} + 4) / 5));
  plan_people(plan, rng);
  plan_chains(plan, rng);
  plan_gates(plan, rng);
  return plan;
}

}  // namespace clearpath::synthetic
