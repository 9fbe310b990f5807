// The options of `clearpath import hr` checked before any row is read: the regular expressions
// and roles of --roles-from-title, the sides of --side-of and --default-side, the delimiter.
#include <algorithm>

#include "clearpath/model.hpp"
#include "io/import/hr_rows.hpp"
#include "util/text.hpp"

namespace clearpath {
namespace {

bool is_name_word(std::string_view s) {  // ^[a-z][a-z0-9_-]*$, the rule for sides
  if (s.empty() || s[0] < 'a' || s[0] > 'z') return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'; });
}

// The roles the format names, and those the model already uses (people and approval slots).
std::vector<std::string> known_roles(const Model* into) {
  std::vector<std::string> roles = {"executive", "director", "manager", "engineer"};
  if (into) {
    for (const Person& p : into->people()) roles.insert(roles.end(), p.roles.begin(), p.roles.end());
    for (const Approval& a : into->approvals())
      for (const Slot& s : a.rule.slots)
        if (!s.role.empty()) roles.push_back(s.role);
  }
  std::sort(roles.begin(), roles.end());
  roles.erase(std::unique(roles.begin(), roles.end()), roles.end());
  return roles;
}

}  // namespace

void check_hr_options(const HrImportOptions& o, const Model* into, std::vector<std::string>& problems) {
  const std::vector<std::string> roles = known_roles(into);
  for (const auto& [pattern, role] : o.title_roles) {
    const std::string option = "--roles-from-title " + quote_text(pattern + "=" + role) + ": ";
    if (const std::string why = title_pattern_problem(pattern); !why.empty())
      problems.push_back(option + "invalid regular expression " + quote_text(pattern) +
                         " (RE2 syntax: " + "no backreferences or lookaround): " + why);
    if (!is_name_word(role)) {
      problems.push_back(option + "invalid role " + quote_text(role) +
                         ": a role is a lower-case word such as executive, director, manager or engineer");
      continue;
    }
    if (std::find(roles.begin(), roles.end(), role) != roles.end()) continue;
    std::vector<std::string_view> candidates(roles.begin(), roles.end());
    // Any word is a role, but one a typo away from a known role is most likely that role.
    if (const std::string guess = closest_match(role, candidates); !guess.empty())
      problems.push_back(
          option + "unknown role " + quote_text(role) + " (did you mean " + quote_text(guess) +
          "?); the roles approval rules ask for are words such as executive, director, manager, engineer");
  }
  for (const auto& [department, side] : o.sides) {
    if (!is_name_word(side))
      problems.push_back("--side-of " + quote_text(department + "=" + side) + ": invalid side " + quote_text(side) +
                         ": a side is a lower-case name such as it, business, legal or data");
  }
  if (!o.default_side.empty() && !is_name_word(o.default_side))
    problems.push_back("--default-side " + quote_text(o.default_side) +
                       ": invalid side: a side is a lower-case name such as it, business, legal or data");
  if (o.delimiter != 0 && o.delimiter != ',' && o.delimiter != ';' && o.delimiter != '\t')
    problems.push_back("--delimiter: use ',', ';' or tab");
}

}  // namespace clearpath
