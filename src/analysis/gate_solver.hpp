#pragma once
// The exact search behind check_gate and gate_resilience: one gate's available approvers,
// which slots each can fill, and the constraints between them, prepared once and then asked
// many times with different people removed. Private to the library.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "analysis/org_index.hpp"
#include "clearpath/approval_rules.hpp"

namespace clearpath {

class GateSolver {
 public:
  static constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

  // `absent` (by Ref, may be empty): people treated as unavailable.
  GateSolver(const OrgIndex& org, Ref gate, const std::vector<bool>& absent);

  struct Constraints {
    bool departments = false;   // distinct_departments
    bool independence = false;  // independent
  };
  struct Solution {
    std::vector<std::size_t> slot_of;  // slot -> candidate index
    std::vector<std::size_t> chosen;   // every chosen candidate: the slots' first, then extras
    std::vector<char> taken;           // candidate -> whether in chosen
  };

  const std::vector<Ref>& candidates() const noexcept { return candidates_; }           // by id
  const std::vector<std::vector<std::size_t>>& fits() const noexcept { return fits_; }  // slot -> candidates
  std::size_t need() const noexcept { return need_; }
  Constraints rule_constraints() const noexcept { return rule_; }
  bool exhausted() const noexcept { return exhausted_; }  // some search ran out of budget

  // A valid choice of approvers among the candidates not `removed` (by candidate index, may be
  // empty), or nothing. Candidates are tried in id order, so the answer is deterministic.
  std::optional<Solution> solve(const std::vector<char>& removed, Constraints constraints) const;
  std::optional<Solution> solve(const std::vector<char>& removed) const { return solve(removed, rule_); }
  // With every candidate present and the rule's constraints: worked out once, then remembered.
  const std::optional<Solution>& solve() const;

  // How many slots different candidates can fill at once (a maximum bipartite matching;
  // remembered when nobody is removed).
  std::size_t matchable(const std::vector<char>& removed = {}) const;

  // Whether two candidates may not both approve under the constraints.
  bool conflict(std::size_t a, std::size_t b, Constraints constraints) const;

  // As many slots as can be filled at once under every constraint: slot -> candidate or kNone.
  std::vector<std::size_t> best_partial() const;

  // Who the gate cannot do without (candidate indexes) and its bus factor; see GateResilience.
  struct Resilience {
    std::vector<std::size_t> single_points_of_failure;
    std::size_t bus_factor = 0;
    bool exact = true;
  };
  Resilience resilience() const;
  // Only the first part: candidates whose absence alone breaks a satisfiable gate.
  std::vector<std::size_t> single_points_of_failure() const;

 private:
  bool fill(std::size_t k, const std::vector<char>& removed, Constraints c, Solution& s, std::size_t& nodes) const;
  bool extra(std::size_t from, const std::vector<char>& removed, Constraints c, Solution& s, std::size_t& nodes) const;
  bool compatible(std::size_t candidate, const std::vector<std::size_t>& chosen, Constraints c) const;
  bool compatible(std::size_t candidate, const std::vector<char>& taken, const std::vector<std::size_t>& chosen,
                  Constraints c) const;
  std::size_t upper_bound() const;

  const OrgIndex& org_;
  const Rule& rule_spec_;
  Constraints rule_;
  std::vector<Ref> candidates_;
  std::vector<std::vector<std::size_t>> fits_;
  std::vector<std::size_t> order_;  // slots, fewest candidates first
  std::size_t need_ = 0;
  mutable bool exhausted_ = false;
  mutable std::optional<std::optional<Solution>> base_;  // solve() once asked
  mutable std::optional<std::size_t> matched_;           // matchable() with nobody removed
};

// check_gate and gate_resilience (approval_rules.cpp) for a solver already built, so a caller
// that wants both solves the gate once.
GateCheck check_gate(const OrgIndex& org, const GateSolver& solver, Ref gate, const std::vector<bool>& absent);
GateResilience gate_resilience(const GateSolver& solver);

}  // namespace clearpath
