#pragma once
// Suggested co-pilots: for each open slot of an unsatisfiable gate, the people in the whole
// organisation who would fill it and keep the gate's constraints with the approvers already
// chosen, closest to the initiative's sponsors first. Private to the library.
#include <string>
#include <vector>

#include "analysis/org_index.hpp"
#include "clearpath/copilots.hpp"

namespace clearpath {

// `labels`: the gate's slot labels. `sources`: whom closeness is measured from (the sponsors).
std::vector<SlotSuggestion> suggest_copilots(const OrgIndex& org, const GateCheck& check,
                                             const std::vector<std::string>& labels, const std::vector<Ref>& sources,
                                             const std::vector<bool>& absent, std::size_t count);

// For an initiative with no sponsor on `sides`: per side, its executives (else anyone on it)
// closest to the `sponsors` first, who could co-sponsor it. Each suggestion's slot is -1 and its
// label "IT-side co-sponsor", "business-side co-sponsor".
std::vector<SlotSuggestion> suggest_cosponsors(const OrgIndex& org, const std::vector<std::string>& sides,
                                               const std::vector<Ref>& sponsors, const std::vector<bool>& absent,
                                               std::size_t count);

}  // namespace clearpath
