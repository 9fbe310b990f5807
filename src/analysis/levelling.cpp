// PLACEHOLDER (being written): resource levelling.
#include "clearpath/levelling.hpp"

namespace clearpath {

LevelledSchedule level_resources(const LevellingProblem&, const LevellingOptions&) { return {}; }
std::optional<std::string> check_levelled(const LevellingProblem&, const LevelledSchedule&) { return "not written yet"; }

}  // namespace clearpath
