// Suggested co-pilots, ranked by org-graph distance to the nearest sponsor (breadth first,
// stopping after the level that completes the list), then seniority (fewer levels below the
// top of the reporting tree), then id.
#include "analysis/copilot_suggestions.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <set>
#include <tuple>

namespace clearpath {
namespace {

constexpr std::size_t kPoolScan = 50'000;   // slot pools up to this size are scanned first
constexpr std::size_t kFewCandidates = 32;  // up to this many: a distance for each

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
  else
    out += std::to_string(*c.distance) + " step" + (*c.distance == 1 ? "" : "s") + " from the sponsor " +
           m.id(c.nearest_sponsor);
  return out;
}

// The open slots of one unsatisfiable gate and, for each, the people who would fill it.
class Suggester {
 public:
  Suggester(const OrgIndex& org, const GateCheck& check, const std::vector<Ref>& sources,
            const std::vector<bool>& absent, std::size_t count)
      : org_(org), m_(org.model()), rule_(&m_.approval(check.gate).rule), sources_(sources), absent_(absent),
        count_(count), named_(m_.approval(check.gate).approvers.begin(), m_.approval(check.gate).approvers.end()) {
    for (const SlotFill& f : check.assignment) chosen_.push_back(f.person);
  }
  // For a co-sponsor: no rule to keep; the sponsors themselves are not suggested.
  Suggester(const OrgIndex& org, const std::vector<Ref>& sponsors, const std::vector<bool>& absent, std::size_t count)
      : org_(org), m_(org.model()), rule_(nullptr), sources_(sponsors), absent_(absent), count_(count),
        named_(sponsors.begin(), sponsors.end()) {}

  std::vector<long> slots_to_fill(const GateCheck& check) const;
  std::vector<Candidate> candidates(const Slot& spec) const;

 private:
  bool acceptable(Ref p, const OrgIndex::SlotKey& wanted) const;
  std::optional<std::vector<Ref>> few_acceptable(const std::vector<Ref>& pool, const OrgIndex::SlotKey& wanted) const;
  void closest_to_sponsors(const std::vector<Ref>& pool, const OrgIndex::SlotKey& wanted,
                           std::vector<Candidate>& found) const;
  void rank(std::vector<Candidate>& found) const;

  const OrgIndex& org_;
  const Model& m_;
  const Rule* rule_;  // the gate's, or none (a co-sponsor)
  const std::vector<Ref>& sources_;
  const std::vector<bool>& absent_;
  const std::size_t count_;
  const std::set<Ref> named_;
  std::vector<Ref> chosen_;  // the approvers of the best partial assignment
};

// The open slots, and an extra approver (-1) when the rule as a whole falls short.
// An extra approver only when filling the open slots would still leave the rule short, or
// when the approvers named do not go together.
std::vector<long> Suggester::slots_to_fill(const GateCheck& check) const {
  std::vector<long> open;
  bool rule_level = false;
  for (const UnfilledSlot& u : check.unfilled) {
    if (u.slot < 0) rule_level = true;
    else if (std::find(open.begin(), open.end(), u.slot) == open.end()) open.push_back(u.slot);
  }
  std::sort(open.begin(), open.end());
  std::size_t available = 0;
  for (Ref p : named_) available += m_.person(p).available && (absent_.empty() || !absent_[p]);
  const std::size_t need =
      std::max<std::size_t>(static_cast<std::size_t>(std::max(rule_->min_approvers, 0)), rule_->slots.size());
  if (rule_level && (available >= need || need - available > open.size())) open.insert(open.begin(), -1);
  return open;
}

// Fills the slot, is here, is not named already, and keeps the rule with those chosen.
bool Suggester::acceptable(Ref p, const OrgIndex::SlotKey& wanted) const {
  if (!org_.matches(p, wanted) || !m_.person(p).available || (!absent_.empty() && absent_[p]) || named_.count(p))
    return false;
  if (!rule_) return true;
  for (Ref c : chosen_) {
    if (rule_->distinct_departments && m_.person(p).department != kNoRef &&
        m_.person(p).department == m_.person(c).department)
      return false;
    if (rule_->independent && org_.in_one_chain(p, c)) return false;
  }
  return true;
}

// The acceptable people of the pool when there are few of them, else nothing.
std::optional<std::vector<Ref>> Suggester::few_acceptable(const std::vector<Ref>& pool,
                                                          const OrgIndex::SlotKey& wanted) const {
  if (count_ == 0 || pool.size() > kPoolScan) return std::nullopt;
  std::vector<Ref> few;
  for (Ref p : pool)
    if (acceptable(p, wanted) && (few.push_back(p), few.size() > kFewCandidates)) return std::nullopt;
  return few;
}

// Spreading out from the sponsors until enough are found, then those the org graph does not
// connect to them.
void Suggester::closest_to_sponsors(const std::vector<Ref>& pool, const OrgIndex::SlotKey& wanted,
                                    std::vector<Candidate>& found) const {
  std::set<Ref> seen;
  org_.closest_first(
      sources_,
      [&](Ref p, std::uint32_t distance, Ref source) {
        if (acceptable(p, wanted)) {
          found.push_back({p, distance, source, {}});
          seen.insert(p);
        }
      },
      [&] { return found.size() >= count_; });
  if (found.size() < count_)  // people the org graph does not connect to the sponsors
    for (Ref p : pool)
      if (!seen.count(p) && acceptable(p, wanted)) found.push_back({p, std::nullopt, kNoRef, {}});
}

std::vector<Candidate> Suggester::candidates(const Slot& spec) const {
  const OrgIndex::SlotKey wanted = org_.key(spec);
  std::vector<Candidate> found;
  // Few people who would do (a rare role, a named department): measure each one's distance
  // with a bidirectional search rather than spreading out from the sponsors until the last
  // of them is reached, which in a large organisation means visiting most of it.
  const std::vector<Ref>& pool = org_.slot_pool(spec);
  if (const auto few = few_acceptable(pool, wanted)) {
    for (Ref p : *few) {
      const auto d = org_.distance(sources_, p);
      found.push_back(
          {p, d ? std::optional<std::uint32_t>(d->steps) : std::nullopt, d ? sources_[d->source] : kNoRef, {}});
    }
  } else if (count_ > 0 && !sources_.empty()) {
    closest_to_sponsors(pool, wanted, found);
  }
  rank(found);
  return found;
}

// Closest first, then most senior, then by id; the first `count_`, each with its reason.
void Suggester::rank(std::vector<Candidate>& found) const {
  const auto key = [&](const Candidate& c) {
    return std::make_tuple(c.distance.value_or(std::numeric_limits<std::uint32_t>::max()), org_.depth(c.person),
                           std::cref(m_.id(c.person)));
  };
  std::sort(found.begin(), found.end(), [&](const Candidate& a, const Candidate& b) { return key(a) < key(b); });
  if (found.size() > count_) found.resize(count_);
  for (Candidate& c : found) c.reason = reason_for(m_, c);
}

}  // namespace

std::vector<SlotSuggestion> suggest_copilots(const OrgIndex& org, const GateCheck& check,
                                             const std::vector<std::string>& labels, const std::vector<Ref>& sources,
                                             const std::vector<bool>& absent, std::size_t count) {
  const Suggester suggester(org, check, sources, absent, count);
  const Rule& rule = org.model().approval(check.gate).rule;
  std::vector<SlotSuggestion> out;
  const Slot anyone;
  for (long slot : suggester.slots_to_fill(check)) {
    const Slot& spec = slot < 0 ? anyone : rule.slots[static_cast<std::size_t>(slot)];
    out.push_back(
        {slot, slot < 0 ? "additional approver" : labels[static_cast<std::size_t>(slot)], suggester.candidates(spec)});
  }
  return out;
}

std::vector<SlotSuggestion> suggest_cosponsors(const OrgIndex& org, const std::vector<std::string>& sides,
                                               const std::vector<Ref>& sponsors, const std::vector<bool>& absent,
                                               std::size_t count) {
  const Suggester suggester(org, sponsors, absent, count);
  std::vector<SlotSuggestion> out;
  for (const std::string& side : sides) {
    Slot executive;
    executive.side = side;
    executive.role = "executive";
    std::vector<Candidate> found = suggester.candidates(executive);
    if (found.empty()) {  // nobody with the role: anyone on that side
      Slot anyone;
      anyone.side = side;
      found = suggester.candidates(anyone);
    }
    out.push_back({-1, (side == "it" ? std::string("IT") : side) + "-side co-sponsor", std::move(found)});
  }
  return out;
}

}  // namespace clearpath
