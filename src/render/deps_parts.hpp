#pragma once
// What the deps view's two drawings share: the path analysis and the marks of each activity.
// The full drawing is in deps_view.cpp, the collapsed one in deps_collapsed.cpp. Private to the
// library.
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "clearpath/path_analysis.hpp"
#include "render/views.hpp"

namespace clearpath {

struct DepsData {
  const Model& m;
  const PathAnalysis& pa;
  std::vector<std::string> blocker_reason;  // by activity: "" = none
  std::vector<bool> on_chain;               // legacy steps of the chain, by activity
  std::set<std::pair<std::uint32_t, std::uint32_t>> chain_links;

  bool critical(std::uint32_t a) const { return pa.schedule.times[a].total_float <= kFloatEpsilon; }
  bool tight(std::uint32_t p, std::uint32_t s) const {
    return critical(p) && critical(s) && pa.schedule.times[s].es - pa.schedule.times[p].ef <= kFloatEpsilon;
  }
  bool done(std::uint32_t a) const {
    const Ref r = pa.network.activity[a];
    return m.kind(r) == EntityKind::step ? m.step(r).status == StepStatus::done
                                         : m.approval(r).status == ApprovalStatus::granted;
  }
  std::vector<std::string> edge_styles(std::uint32_t p, std::uint32_t s) const {
    const bool crit = tight(p, s), chain = chain_links.count({p, s}) > 0;
    if (crit && chain) return {"critical-legacy-chain"};
    if (crit) return {"critical-path"};
    if (chain) return {"legacy-chain"};
    return {"dependency"};
  }
};

// Above the budget: one box per system (steps without one by initiative, gates by initiative).
void draw_collapsed(ViewBuilder& b, const DepsData& d, std::vector<std::string>& notes);

}  // namespace clearpath
