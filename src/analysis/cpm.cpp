// The critical path method: one forward pass for earliest times, one backward pass for latest
// times, floats from both, and the critical chains with ties broken by id. Links of other types
// than finish-to-start, and lags, bound starts through earliest_start_after and finishes
// through latest_finish_before (schedule.hpp); no activity starts before the project does.
#include <algorithm>
#include <cmath>

#include "clearpath/schedule.hpp"

namespace clearpath {

double forward_pass(const Network& net, const std::vector<double>& duration, std::vector<double>& ef) {
  ef.assign(net.size(), 0.0);
  double end = 0;
  if (net.plain_links()) {
    for (std::uint32_t a : net.order) {
      double es = net.constrained() ? net.not_before[a] : 0.0;
      for (std::uint32_t k = net.pred_begin[a]; k < net.pred_begin[a + 1]; ++k) es = std::max(es, ef[net.preds[k]]);
      ef[a] = es + duration[a];
      end = std::max(end, ef[a]);
    }
    return end;
  }
  std::vector<double> es(net.size(), 0.0);
  for (std::uint32_t a : net.order) {
    double start = net.constrained() ? net.not_before[a] : 0.0;
    for (std::uint32_t k = net.pred_begin[a]; k < net.pred_begin[a + 1]; ++k) {
      const std::uint32_t p = net.preds[k];
      start = std::max(start, earliest_start_after(net.pred_timing[k], es[p], ef[p], duration[a]));
    }
    es[a] = start;
    ef[a] = start + duration[a];
    end = std::max(end, ef[a]);
  }
  return end;
}

bool drives(const Network& net, const std::vector<ActivityTimes>& t, std::uint32_t pred, std::uint32_t a,
            LinkTiming timing) {
  const double bound = earliest_start_after(timing, t[pred].es, t[pred].ef, net.duration[a]);
  return std::fabs(bound - t[a].es) <= kFloatEpsilon;
}

bool binds_late(const Network& net, const std::vector<ActivityTimes>& t, std::uint32_t a, std::uint32_t succ,
                LinkTiming timing) {
  const double bound = latest_finish_before(timing, t[succ].ls, t[succ].lf, net.duration[a]);
  return std::fabs(bound - t[a].lf) <= kFloatEpsilon;
}

LinkTiming driving_link(const Network& net, const Schedule& s, std::uint32_t u, std::uint32_t v) {
  for (std::uint32_t k = net.pred_begin[v]; k < net.pred_begin[v + 1]; ++k)
    if (net.preds[k] == u && drives(net, s.times, u, v, net.pred_link(k))) return net.pred_link(k);
  return {};
}

namespace {

void find_critical_chains(const Network& net, Schedule& s) {
  const std::size_t n = net.size();
  // The chains are those of the most critical activities: float 0, or with a deadline the
  // plan misses, the most negative float (done work at day 0, with float 0, is then no chain).
  double least = 0;
  for (const ActivityTimes& t : s.times) least = std::min(least, t.total_float);
  std::vector<bool> on_chain(n);
  for (std::uint32_t a = 0; a < n; ++a)
    on_chain[a] = s.times[a].critical && s.times[a].total_float <= least + kFloatEpsilon;
  // The tight links: u -> v, both on a chain, the link setting v's start (for finish-to-start,
  // v starting the moment u finishes).
  std::vector<std::vector<std::uint32_t>> next(n);
  std::vector<bool> has_tight_pred(n, false);
  for (std::uint32_t u = 0; u < n; ++u) {
    if (!on_chain[u]) continue;
    for (std::uint32_t k = net.succ_begin[u]; k < net.succ_begin[u + 1]; ++k) {
      const std::uint32_t v = net.succs[k];  // successor lists are sorted by index = by id
      if (on_chain[v] && drives(net, s.times, u, v, net.succ_link(k)) &&
          (next[u].empty() || next[u].back() != v)) {  // two links to one successor: one chain
        next[u].push_back(v);
        has_tight_pred[v] = true;
      }
    }
  }
  std::vector<std::uint32_t> starts;
  for (std::uint32_t a = 0; a < n; ++a)
    if (on_chain[a] && !has_tight_pred[a]) starts.push_back(a);
  if (starts.empty()) return;

  // How many chains run from each activity to an end, and the latest finish one of them reaches
  // (reverse topological order).
  std::vector<double> chains(n, 0.0), reach(n, 0.0);
  for (auto it = net.order.rbegin(); it != net.order.rend(); ++it) {
    const std::uint32_t a = *it;
    if (!on_chain[a]) continue;
    double c = 0, r = s.times[a].ef;
    for (std::uint32_t b : next[a]) {
      c += chains[b];
      r = std::max(r, reach[b]);
    }
    chains[a] = next[a].empty() ? 1.0 : std::min(c, kTiedPathCountLimit);
    reach[a] = r;
  }
  for (std::uint32_t a : starts) s.tied_path_count = std::min(s.tied_path_count + chains[a], kTiedPathCountLimit);

  // "The" critical path: the chain that ends latest; of those, from the smallest-id start, always
  // the smallest-id tight successor. Without date constraints every chain ends at the project's
  // end; with them one may start at a not_before date or end early, yet be critical (a deadline).
  auto best_of = [&](const std::vector<std::uint32_t>& candidates) {
    std::uint32_t best = candidates.front();  // in index (id) order: the first of the latest
    for (std::uint32_t c : candidates)
      if (reach[c] > reach[best] + kFloatEpsilon) best = c;
    return best;
  };
  for (std::uint32_t a = best_of(starts);; a = best_of(next[a])) {
    s.critical_path.push_back(a);
    if (next[a].empty()) break;
  }

  // The first kTiedPathCap chains in id order: depth-first with an explicit stack.
  std::vector<std::pair<std::uint32_t, std::size_t>> stack;  // (activity, next child to try)
  for (std::uint32_t start : starts) {
    stack.assign(1, {start, 0});
    while (!stack.empty() && s.tied_paths.size() < kTiedPathCap) {
      auto& [a, child] = stack.back();
      if (next[a].empty()) {
        std::vector<std::uint32_t> path;
        for (const auto& frame : stack) path.push_back(frame.first);
        s.tied_paths.push_back(std::move(path));
        stack.pop_back();
      } else if (child < next[a].size()) {
        const std::uint32_t b = next[a][child++];
        stack.emplace_back(b, 0);
      } else {
        stack.pop_back();
      }
    }
    if (s.tied_paths.size() >= kTiedPathCap) break;
  }
}

}  // namespace

Schedule compute_schedule(const Model&, const Network& net) {
  const std::size_t n = net.size();
  const bool plain = net.plain_links();
  Schedule s;
  s.times.resize(n);
  for (std::uint32_t a : net.order) {
    double es = 0;
    if (plain)
      for (std::uint32_t k = net.pred_begin[a]; k < net.pred_begin[a + 1]; ++k)
        es = std::max(es, s.times[net.preds[k]].ef);
    else
      for (std::uint32_t k = net.pred_begin[a]; k < net.pred_begin[a + 1]; ++k) {
        const ActivityTimes& p = s.times[net.preds[k]];
        es = std::max(es, earliest_start_after(net.pred_timing[k], p.es, p.ef, net.duration[a]));
      }
    if (net.constrained()) es = std::max(es, net.not_before[a]);
    s.times[a].es = es;
    s.times[a].ef = es + net.duration[a];
    s.duration = std::max(s.duration, s.times[a].ef);
  }
  for (auto it = net.order.rbegin(); it != net.order.rend(); ++it) {
    const std::uint32_t a = *it;
    ActivityTimes& t = s.times[a];
    // The latest finish the successors allow, and the room this activity's earliest finish
    // leaves before any successor would have to move (its free float).
    double lf = s.duration, free = s.duration - t.ef;
    if (plain)
      for (std::uint32_t k = net.succ_begin[a]; k < net.succ_begin[a + 1]; ++k) {
        const ActivityTimes& next = s.times[net.succs[k]];
        lf = std::min(lf, next.ls);
        free = std::min(free, next.es - t.ef);
      }
    else
      for (std::uint32_t k = net.succ_begin[a]; k < net.succ_begin[a + 1]; ++k) {
        const ActivityTimes& next = s.times[net.succs[k]];
        const LinkTiming link = net.succ_timing[k];
        lf = std::min(lf, latest_finish_before(link, next.ls, next.lf, net.duration[a]));
        free = std::min(free, next.es - earliest_start_after(link, t.es, t.ef, net.duration[net.succs[k]]));
      }
    // A deadline may leave less time than the early schedule takes: negative float, as MS
    // Project shows it, on the activity and on the chain that holds it up.
    if (net.constrained()) lf = std::min(lf, net.deadline[a]);
    t.lf = lf;
    t.ls = lf - net.duration[a];
    // Without deadlines no float is negative: a tiny negative one is rounding.
    const double slack = t.ls - t.es;
    t.total_float = (net.constrained() ? std::fabs(slack) : slack) <= kFloatEpsilon ? 0.0 : slack;
    t.free_float = free <= kFloatEpsilon ? 0.0 : free;
    t.critical = t.total_float <= 0;
  }
  find_critical_chains(net, s);
  return s;
}

}  // namespace clearpath
