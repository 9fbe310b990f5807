#pragma once
// Can an approval gate's rule be met by its available approvers? An exact search: each slot
// filled by a different approver who matches it, at least min_approvers people, all from
// different departments if the rule says so, and none in another's reporting chain if the rule
// asks for independence. The building blocks of the co-pilot analysis (copilots.hpp).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "clearpath/model.hpp"

namespace clearpath {

// What the checks need to know about the organisation (reporting-chain ancestry, who holds
// which role, the org graph), computed once per model. Each function below builds its own when
// given none; pass one when checking many gates of the same model.
class OrgIndex;
std::shared_ptr<const OrgIndex> index_organisation(const Model& model);

struct SlotFill {
  std::size_t slot = 0;
  Ref person = kNoRef;
};

struct UnfilledSlot {
  long slot = -1;                      // the slot's index; -1 for the rule as a whole
  std::string reason;                  // for people, e.g. "no business-side executive among ..."
  bool never_in_organisation = false;  // nobody in the whole organisation could fill it
};

struct GateCheck {
  Ref gate = kNoRef;
  bool satisfiable = false;
  bool search_exhausted = false;  // the search budget ran out (pathological gates only)
  // Satisfiable: slot -> person for every slot. Not: the most slots that can be filled at once.
  std::vector<SlotFill> assignment;
  std::vector<Ref> approvers;          // everyone chosen (slots first, then extra approvers)
  std::vector<UnfilledSlot> unfilled;  // why not, when unsatisfiable
};

// "cio (Information Technology, it side)": a person as the reasons and reports name them.
std::string person_label(const Model& model, Ref person);

// "it-side executive", "business-side executive in finance", "approver".
std::string slot_label(const Model& model, const Slot& slot);

// `absent` (by Ref, may be empty) marks people to treat as unavailable (--without).
GateCheck check_gate(const Model& model, Ref gate, const std::vector<bool>& absent = {},
                     const OrgIndex* index = nullptr);

// Who a satisfiable gate cannot do without: the approvers whose absence alone breaks it, and its
// bus factor, the fewest absences that break it. Exact: removal sets are searched smallest
// first, each taking someone from every valid choice, within a budget; `exact` is false if the
// budget ran out, and bus_factor is then a lower bound.
struct GateResilience {
  std::vector<Ref> single_points_of_failure;  // by id
  std::size_t bus_factor = 0;                 // 0 when the gate is not satisfiable at all
  bool exact = true;
};
GateResilience gate_resilience(const Model& model, Ref gate, const std::vector<bool>& absent = {},
                               const OrgIndex* index = nullptr);

// An initiative's co-pilot: sponsors on one side only (all IT or all business) lack the other.
// Absent sponsors (by Ref, may be empty) do not count.
struct InitiativeCopilot {
  Ref initiative = kNoRef;
  std::optional<std::string> missing_side;  // "business" or "it"; "business" when both are missing
  std::vector<std::string> missing_sides;   // both, when no sponsor is on either side
  bool single_sponsor = false;              // one sponsor (or none) is flagged too
};
InitiativeCopilot check_initiative_copilot(const Model& model, Ref initiative, const std::vector<bool>& absent = {});
// The missing sides for people: "IT-side", "business-side", "business-side or IT-side".
std::string missing_sides_text(const InitiativeCopilot& copilot);

}  // namespace clearpath
