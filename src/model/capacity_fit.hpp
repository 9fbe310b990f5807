#pragma once
// Whether a demand fits a resource's capacity, and how the two are written in messages. The
// loader's feasibility check and the analyses' resource load must agree on both, or a file the
// loader accepts could still be over capacity to the levelling. Private to the library.
#include <cstdio>
#include <string>

namespace clearpath {

// Loads within this of a capacity fit: sums of fractional demands are not exact.
inline constexpr double kLoadEpsilon = 1e-9;

// A resource with no capacity fits nothing, not even a zero demand.
inline bool fits_capacity(double amount, double capacity) { return capacity > 0 && amount <= capacity + kLoadEpsilon; }

// An amount or a capacity as messages show it: the shortest of %g ("2", "0.5", "1e+06").
inline std::string load_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace clearpath
