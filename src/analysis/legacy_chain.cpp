// The longest legacy-system chain: a longest-path dynamic programme over the network with
// legacy steps weighted (by one, or by their duration) and everything else weighing nothing.
// Its elapsed time follows the chain's links: an SS link overlaps two steps, a lag adds to it.
#include <algorithm>
#include <tuple>

#include "analysis/path_parts.hpp"

namespace clearpath {

bool is_legacy_step(const Model& m, Ref a) {
  if (m.kind(a) != EntityKind::step) return false;
  const Ref sys = m.step(a).system;
  return sys != kNoRef && m.system(sys).legacy;
}

LegacyChain longest_legacy_chain(const Model& m, const Network& net, bool by_duration, bool from_scratch) {
  const std::size_t n = net.size();
  // A legacy step still to do (done ones no longer stand in the way).
  std::vector<bool> legacy(n, false);
  for (std::uint32_t a = 0; a < n; ++a)
    legacy[a] =
        is_legacy_step(m, net.activity[a]) && (from_scratch || m.step(net.activity[a]).status != StepStatus::done);

  // Score of the best chain ending at a: (legacy count, legacy duration) or the reverse, then
  // the chain's duration from its first legacy step, so that of equal chains the one that takes
  // longer is shown (it includes the approvals that really hold the legacy work up).
  struct Score {
    double primary = 0, secondary = 0, elapsed = 0;
    bool operator<(const Score& o) const {
      return std::tie(primary, secondary, elapsed) < std::tie(o.primary, o.secondary, o.elapsed);
    }
  };
  auto weight = [&](std::uint32_t a) {
    if (!legacy[a]) return Score{};
    return by_duration ? Score{net.duration[a], 1, 0} : Score{1, net.duration[a], 0};
  };
  // Whether a chain holds a legacy step yet (the count is the secondary measure by duration).
  auto started = [&](const Score& s) { return (by_duration ? s.secondary : s.primary) > 0; };
  std::vector<Score> best(n);
  std::vector<std::uint32_t> parent(n, UINT32_MAX);
  // With typed links: where each chain's last activity starts and finishes, from the chain's
  // first legacy step (with finish-to-start links it finishes at `elapsed`; no start is needed).
  const bool plain = net.plain_links();
  std::vector<double> start_at(plain ? 0 : n), finish_at(plain ? 0 : n);
  for (std::uint32_t a : net.order) {
    Score from;
    LinkTiming link;
    for (std::uint32_t k = net.pred_begin[a]; k < net.pred_begin[a + 1]; ++k) {
      const std::uint32_t p = net.preds[k];  // sorted by id: on ties the smallest id wins
      if (parent[a] == UINT32_MAX || from < best[p]) {
        from = best[p];
        parent[a] = p;
        link = net.pred_link(k);
      }
    }
    const Score w = weight(a);
    // Time counts from the first legacy step on: what comes before is cut off below. Along the
    // chain, each activity starts when its link to the one before allows; elapsed is the span so
    // far (with an SS link a shorter step may finish before the one it follows).
    double elapsed = 0;
    if (plain) {
      elapsed = started(from) ? from.elapsed + net.duration[a] : (legacy[a] ? net.duration[a] : 0.0);
    } else {
      const std::uint32_t p = parent[a];
      const double start = started(from) ? earliest_start_after(link, start_at[p], finish_at[p], net.duration[a]) : 0.0;
      const double finish = started(from) ? start + net.duration[a] : (legacy[a] ? net.duration[a] : 0.0);
      start_at[a] = start;
      finish_at[a] = finish;
      elapsed = started(from) ? std::max(from.elapsed, finish) : finish;
    }
    best[a] = {from.primary + w.primary, from.secondary + w.secondary, elapsed};
  }
  // The chain ends at the best-scoring legacy step (smallest id on ties).
  std::uint32_t end = UINT32_MAX;
  for (std::uint32_t a = 0; a < n; ++a)
    if (legacy[a] && (end == UINT32_MAX || best[end] < best[a])) end = a;
  LegacyChain chain;
  if (end == UINT32_MAX) return chain;
  std::vector<std::uint32_t> path;
  for (std::uint32_t a = end; a != UINT32_MAX; a = parent[a]) path.push_back(a);
  std::reverse(path.begin(), path.end());
  // Start at the first legacy step: what comes before it is not part of the chain.
  path.erase(path.begin(), std::find_if(path.begin(), path.end(), [&](std::uint32_t a) { return legacy[a]; }));
  chain.path = path;
  chain.path_duration = best[end].elapsed;
  for (std::uint32_t a : path) {
    if (!legacy[a]) continue;
    chain.steps.push_back(a);
    chain.duration += net.duration[a];
  }
  chain.count = chain.steps.size();
  return chain;
}

}  // namespace clearpath
