#pragma once
// Deterministic, seeded synthetic models for scale tests and benchmarks.
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>

namespace clearpath {

struct SyntheticOptions {
  std::size_t steps = 1000;
  std::size_t people = 200;
  std::uint64_t seed = 1;
};

// Writes a valid model in the file format: a reports_to tree with span ~6, departments on the
// it and business sides, initiatives with sponsors, approvals with rules, long step chains with
// 1-4 dependencies each (acyclic), priorities. The same options always give the same bytes.
void write_synthetic_model(const SyntheticOptions& options, std::ostream& out);
std::string synthetic_model(const SyntheticOptions& options);

}  // namespace clearpath
