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
  // The links p -> s: usually one; links of two types may join one pair.
  std::vector<LinkTiming> links(std::uint32_t p, std::uint32_t s) const {
    const Network& net = pa.network;
    std::vector<LinkTiming> out;
    for (std::uint32_t k = net.pred_begin[s]; k < net.pred_begin[s + 1]; ++k)
      if (net.preds[k] == p) out.push_back(net.pred_link(k));
    return out;
  }
  // Both critical, and a link between them sets s's start.
  bool tight(std::uint32_t p, std::uint32_t s) const {
    if (!critical(p) || !critical(s)) return false;
    for (const LinkTiming& l : links(p, s))
      if (drives(pa.network, pa.schedule.times, p, s, l)) return true;
    return false;
  }
  // "SS+2" for a link other than finish-to-start without lag ("SS+2, FF" for two); "" for a plain one.
  std::string link_label(std::uint32_t p, std::uint32_t s) const {
    if (pa.network.plain_links()) return {};
    std::string label;
    for (const LinkTiming& l : links(p, s))
      if (!l.plain()) label += (label.empty() ? "" : ", ") + link_timing_text(l);
    return label;
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
