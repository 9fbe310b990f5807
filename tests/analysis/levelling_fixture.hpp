#pragma once
// What the levelling tests share: the plain serial scheme's options, and a feasibility check
// that prints the checker's reason.
#include <catch2/catch.hpp>

#include <string>

#include "clearpath/levelling.hpp"

namespace clearpath::test {

// One pass of the serial scheme, no justification, no sampling.
inline LevellingOptions plain_serial() {
  LevellingOptions o;
  o.effort = 0;
  o.justify = false;
  return o;
}

inline void require_feasible(const LevellingProblem& p, const LevelledSchedule& s) {
  const auto why = check_levelled(p, s);
  INFO((why ? *why : std::string("feasible")));
  REQUIRE_FALSE(why.has_value());
}

}  // namespace clearpath::test
