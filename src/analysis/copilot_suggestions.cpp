// Suggested co-pilots, ranked by org-graph distance to the nearest sponsor (breadth first,
// stopping after the level that completes the list), then seniority (fewer levels below the
// top of the reporting tree), then id.
#include "analysis/copilot_suggestions.hpp"

#include <algorithm>
#include <limits>
#include <set>

namespace clearpath {
namespace {

constexpr std::size_t kPoolScan = 50'000;     // slot pools up to this size are scanned first
constexpr std::size_t kFewCandidates = 32;    // up to this many: a distance for each

std::string reason_for(const Model& m, const Candidate& c) {
  const Person& p = m.person(c.person);
  std::string out = p.title;
  if (p.department != kNoRef) {
    const Department& d = m.department(p.department);
    out += (out.empty() ? "" : ", ") + m.display_name(p.department);
    if (!d.side.empty()) out += ", " + d.side + " side";
  }
  out += out.empty() ? "" : ", ";
  if (!c.distance) out += "not connected to the sponsors in the org graph";
  else if (*c.distance == 0) out += "the sponsor";
  else out += std::to_string(*c.distance) + " step" + (*c.distance == 1 ? "" : "s") + " from the sponsor " + m.id(c.nearest_sponsor);
  return out;
}

}  // namespace

std::vector<SlotSuggestion> suggest_copilots(const OrgIndex& org, const GateCheck& check, const std::vector<std::string>& labels,
                                             const std::vector<Ref>& sources, const std::vector<bool>& absent,
                                             std::size_t count) {
  const Model& m = org.model();
  const Approval& gate = m.approval(check.gate);
  const Rule& rule = gate.rule;
  std::vector<Ref> chosen;
  for (const SlotFill& f : check.assignment) chosen.push_back(f.person);
  const std::set<Ref> named(gate.approvers.begin(), gate.approvers.end());

  // The open slots, and an extra approver when the rule as a whole falls short.
  // An extra approver only when filling the open slots would still leave the rule short, or
  // when the approvers named do not go together.
  std::vector<long> open;
  bool rule_level = false;
  for (const UnfilledSlot& u : check.unfilled) {
    if (u.slot < 0) rule_level = true;
    else if (std::find(open.begin(), open.end(), u.slot) == open.end()) open.push_back(u.slot);
  }
  std::sort(open.begin(), open.end());
  std::size_t available = 0;
  for (Ref p : named) available += m.person(p).available && (absent.empty() || !absent[p]);
  const std::size_t need = std::max<std::size_t>(static_cast<std::size_t>(std::max(rule.min_approvers, 0)), rule.slots.size());
  if (rule_level && (available >= need || need - available > open.size())) open.insert(open.begin(), -1);

  std::vector<SlotSuggestion> out;
  const Slot anyone;
  for (long slot : open) {
    const Slot& spec = slot < 0 ? anyone : rule.slots[static_cast<std::size_t>(slot)];
    const OrgIndex::SlotKey wanted = org.key(spec);
    auto acceptable = [&](Ref p) {
      if (!org.matches(p, wanted) || !m.person(p).available || (!absent.empty() && absent[p]) || named.count(p)) return false;
      for (Ref c : chosen) {
        if (rule.distinct_departments && m.person(p).department != kNoRef && m.person(p).department == m.person(c).department)
          return false;
        if (rule.independent && org.in_one_chain(p, c)) return false;
      }
      return true;
    };
    std::vector<Candidate> found;
    std::set<Ref> seen;
    // Few people who would do (a rare role, a named department): measure each one's distance
    // with a bidirectional search rather than spreading out from the sponsors until the last
    // of them is reached, which in a large organisation means visiting most of it.
    const std::vector<Ref>& pool = org.slot_pool(spec);
    std::vector<Ref> few;
    bool counted = count > 0 && pool.size() <= kPoolScan;
    for (std::size_t i = 0; counted && i < pool.size(); ++i)
      if (acceptable(pool[i]) && (few.push_back(pool[i]), few.size() > kFewCandidates)) counted = false;
    if (counted) {
      for (Ref p : few) {
        const auto d = org.distance(sources, p);
        found.push_back({p, d ? std::optional<std::uint32_t>(d->steps) : std::nullopt, d ? sources[d->source] : kNoRef, {}});
      }
    } else if (count > 0 && !sources.empty()) {
      org.closest_first(
          sources,
          [&](Ref p, std::uint32_t distance, Ref source) {
            if (acceptable(p)) {
              found.push_back({p, distance, source, {}});
              seen.insert(p);
            }
          },
          [&] { return found.size() >= count; });
      if (found.size() < count)  // people the org graph does not connect to the sponsors
        for (Ref p : pool)
          if (!seen.count(p) && acceptable(p)) found.push_back({p, std::nullopt, kNoRef, {}});
    }
    const auto key = [&](const Candidate& c) {
      return std::make_tuple(c.distance.value_or(std::numeric_limits<std::uint32_t>::max()), org.depth(c.person),
                             std::cref(m.id(c.person)));
    };
    std::sort(found.begin(), found.end(), [&](const Candidate& a, const Candidate& b) { return key(a) < key(b); });
    if (found.size() > count) found.resize(count);
    for (Candidate& c : found) c.reason = reason_for(m, c);
    out.push_back({slot, slot < 0 ? "additional approver" : labels[static_cast<std::size_t>(slot)], std::move(found)});
  }
  return out;
}

}  // namespace clearpath
