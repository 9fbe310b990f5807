#pragma once
// Deterministic, seeded synthetic models for scale tests and benchmarks.
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>

#include "clearpath/model.hpp"

namespace clearpath {

struct SyntheticOptions {
  std::size_t steps = 1000;
  std::size_t people = 200;
  std::uint64_t seed = 1;
  // Approval gates. 0 keeps the classic model: 3-5 gates per initiative with 2-6 approvers
  // among the managers (byte-identical to earlier versions). Otherwise exactly this many gates
  // in the organisation-aware form below, about 5 per initiative: max(steps / 5000, ceil(gates / 5))
  // initiatives.
  std::size_t gates = 0;
  // Most approvers a gate lists. 0 keeps the classic model (with gates == 0) or means 6.
  // Any non-zero value (or gates > 0) switches to organisation-aware gates: 1..max_approvers
  // distinct approvers drawn mostly near the gate's sponsor or team in the reporting tree; rules
  // per kind of gate mix side, role and department slots, min_approvers 1-3, sometimes
  // distinct_departments and independent; about 9% are built unsatisfiable (a slot no available
  // approver fills: a missing co-pilot, or the only one who would is unavailable), never granted.
  std::size_t max_approvers = 0;
};

// A valid model: a reports_to tree with span ~6, departments on the
// it and business sides, initiatives with sponsors, approvals with rules, long step chains with
// 1-4 dependencies each (acyclic), priorities. The same options always give the same bytes.
// Approvals depend on the previous gate of their initiative and on earlier steps (acyclic).
Model generate_synthetic_model(const SyntheticOptions& options);
// The model generate_synthetic_model gives, in the file format, one entity per line (the bytes
// of earlier versions, which wrote it without a Model).
void write_synthetic_model(const SyntheticOptions& options, std::ostream& out);
std::string synthetic_model(const SyntheticOptions& options);

}  // namespace clearpath
