// Checks of the links between activities beyond their references: each link's timing matches
// its depends_on entry, lags stay within the bound every other number of days has, and no link
// lets work start before an approval gate it depends on is granted.
#include <algorithm>
#include <cmath>
#include <string>

#include "model/capacity_fit.hpp"
#include "model/checks.hpp"
#include "model/entity_pointer.hpp"
#include "util/text.hpp"

namespace clearpath {
namespace {

bool lag_within_bound(const LinkTiming& t) { return std::fabs(t.lag) <= kMaxDays; }

template <class Activity>
void check_activity_links(const ModelBuilder& b, EntityKind kind, const Activity& a, Diagnostics& diag) {
  if (a.link_timing.empty()) return;
  const std::string what = std::string(kind_name(kind)) + " " + quote_text(a.id);
  const std::string at = entity_pointer(kind, a.source_index) + "/depends_on";
  if (a.link_timing.size() != a.depends_on.size()) {
    diag.error("bad-link-timing", at, a.id,
               what + " gives " + std::to_string(a.link_timing.size()) + " link timings for " +
                   std::to_string(a.depends_on.size()) + " dependencies (one each, or none)");
    return;
  }
  for (std::size_t k = 0; k < a.depends_on.size(); ++k) {
    const LinkTiming t = a.link_timing[k];
    const std::string link_at = pointer_join(at, k);
    if (!lag_within_bound(t)) {
      diag.error("out-of-range", pointer_join(link_at, "lag"), a.id,
                 "lag of dependency " + std::to_string(k + 1) + " of " + what +
                     " must be between -1,000,000 and 1,000,000 working days, not " + load_number(t.lag));
      continue;
    }
    const Ref on = a.depends_on[k];
    if (on == kNoRef || b.defined_kind(on) != EntityKind::approval) continue;
    const bool from_start = t.type == LinkType::start_to_start || t.type == LinkType::start_to_finish;
    if (!from_start && t.lag >= 0) continue;
    const std::string how = from_start ? std::string("an ") + link_type_name(t.type) + " link counts from its start"
                                       : "a lead of " + load_number(-t.lag) + " working days";
    diag.error("gate-link", pointer_join(link_at, from_start ? "type" : "lag"), a.id,
               what + " may go ahead before approval " + quote_text(b.id(on)) + " is granted (" + how +
                   "): what depends on a gate waits for its grant; use FS or FF with a lag of 0 or more");
  }
}

}  // namespace

bool lags_within_bounds(const Model& m) {
  if (!m.features().typed_links) return true;
  auto bounded = [](const auto& activities) {
    return std::all_of(activities.begin(), activities.end(), [](const auto& a) {
      return std::all_of(a.link_timing.begin(), a.link_timing.end(), lag_within_bound);
    });
  };
  return bounded(m.steps()) && bounded(m.approvals());
}

void check_links(const ModelBuilder& b, Diagnostics& diag) {
  const Model& m = b.model();
  if (!m.features().typed_links) return;
  for (const Step& s : m.steps()) check_activity_links(b, EntityKind::step, s, diag);
  for (const Approval& a : m.approvals()) check_activity_links(b, EntityKind::approval, a, diag);
}

}  // namespace clearpath
