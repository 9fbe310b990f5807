#pragma once
// Numbers as clearpath writes them in JSON. Private to the library.
#include <cmath>

#include <nlohmann/json.hpp>

namespace clearpath {

// A number as JSON writes it here: whole values as integers (5, not 5.0), others as doubles.
inline nlohmann::ordered_json json_number(double v) {
  if (std::floor(v) == v && std::fabs(v) < 9e15) return static_cast<long long>(v);
  return v;
}

}  // namespace clearpath
