#pragma once
// `clearpath copilots`: can each approval gate be met, who is missing (with suggested co-pilots
// from the whole organisation), who the gates and initiatives cannot do without, the approval
// path of each initiative and everyone's sign-off load. See docs/copilots.md.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "clearpath/approval_rules.hpp"
#include "clearpath/error.hpp"
#include "clearpath/finding.hpp"
#include "clearpath/model.hpp"

namespace clearpath {

struct CopilotOptions {
  std::string initiative;             // "": every initiative
  std::vector<std::string> without;   // ids of people to treat as unavailable
  bool all = false;                   // check granted (and denied) gates too, not only pending
  std::size_t signoff_threshold = 5;  // more pending gates than this: an approval bottleneck
  std::size_t suggestions = 3;        // candidates per unfilled slot
};

// Someone who would fill an unfilled slot and keep the gate's constraints.
struct Candidate {
  Ref person = kNoRef;
  std::optional<std::uint32_t> distance;  // org-graph steps from the nearest sponsor; none if unconnected
  Ref nearest_sponsor = kNoRef;
  std::string reason;  // "Chief Financial Officer, Finance, business side, 2 steps from cmo"
};

struct SlotSuggestion {
  long slot = -1;     // the slot's index; -1 for an extra approver the rule needs
  std::string label;  // the slot's label, as in GateResult::assignment
  std::vector<Candidate> candidates;
};

struct GateResult {
  Ref gate = kNoRef;
  GateCheck check;
  std::vector<std::string> slot_labels;     // by slot, unique within the gate
  std::vector<SlotSuggestion> suggestions;  // for every unfilled slot (unsatisfiable gates)
  GateResilience resilience;                // satisfiable gates
};

struct SoleOwner {
  Ref person = kNoRef;
  std::vector<Ref> steps;  // critical steps nobody else can do (by id)
};

struct ApprovalPathEntry {
  Ref gate = kNoRef;
  double lead_time = 0;             // still to wait: 0 for a granted gate
  double cumulative_lead_time = 0;  // the longest chain of such lead times up to and including it
  double earliest_finish = 0;       // working day, from the initiative's schedule
};

struct InitiativeResult {
  Ref initiative = kNoRef;
  InitiativeCopilot copilot;
  // For each side with no sponsor: who could co-sponsor (its executives closest to the sponsors).
  std::vector<SlotSuggestion> cosponsor_suggestions;
  std::vector<Ref> single_points_of_failure;  // absence breaks one of its checked gates (by id)
  std::vector<SoleOwner> sole_owners;         // of its critical steps (by person id)
  std::vector<ApprovalPathEntry> approval_path;
};

struct SignoffLoad {
  Ref person = kNoRef;
  std::vector<Ref> gates;      // pending gates that name them (by id)
  std::vector<Ref> essential;  // of those, the ones that cannot be met without them
  bool bottleneck = false;     // more gates than the threshold
};

// What --without breaks, compared with everyone present.
struct WithoutImpact {
  std::vector<Ref> people;                                                    // as given, by id
  std::vector<Ref> broken_gates;                                              // satisfiable before, not now
  std::vector<std::pair<Ref, Ref>> new_single_points_of_failure;              // (gate, person)
  std::vector<std::pair<Ref, std::pair<std::size_t, std::size_t>>> weakened;  // gate, bus factor before -> after
  std::vector<Ref> initiatives_losing_copilot;                                // a side was covered before, not now
  std::vector<std::pair<Ref, Ref>> critical_steps_without_owner;              // (step, absent owner)
};

struct CopilotAnalysis {
  std::vector<GateResult> gates;              // checked gates, by id
  std::vector<InitiativeResult> initiatives;  // by id
  std::vector<SignoffLoad> signoff_load;      // most gates first, then id
  std::optional<WithoutImpact> without;
  std::vector<Finding> findings;  // sorted
};

// Thrown for options naming no such initiative or person (an input error, exit status 2).
struct CopilotError : Error {
  using Error::Error;
};

CopilotAnalysis analyze_copilots(const Model& model, const CopilotOptions& options);

}  // namespace clearpath
