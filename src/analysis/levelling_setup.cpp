// Resource levelling, set-up: validating the problem and building its compact form (CSR
// predecessors and successors, the links' start-to-start distances when they have types or
// lags, merged demands), the topological order, latest finish times, the lower bound and the
// rankings for the sampling.
#include "analysis/levelling_parts.hpp"

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

namespace clearpath::levelling_detail {

void Leveller::validate_and_build(const LevellingProblem& p) {
  check_sizes(p);
  deadline_ = p.deadline;
  read_durations(p);
  build_precedence(p);
  check_link_timing(p);
  if (typed_) build_link_deltas(p);
  const std::vector<double> work = merge_demands(p);
  const auto n_res = static_cast<u32>(capacity_.size());
  profiles_.resize(n_res);
  std::vector<bool> used(n_res, false);
  for (const u32 r : dem_res_) used[r] = true;
  for (u32 r = 0; r < n_res; ++r)
    if (used[r]) used_resources_.push_back(r);
  regret_offset_ = kRegretOffset * mean_duration_;
  choose_grid();
  topological_order();
  critical_path_times();
  lower_bound_ = critical_path_;
  for (u32 r = 0; r < n_res; ++r)
    if (std::isfinite(capacity_[r]) && work[r] > 0) {
      double bound = work[r] / capacity_[r];
      // Rounding up holds even with fractional lags: it bounds the problem without links, which
      // has an optimal schedule with integer times when the durations are integers (shifted
      // left, every start is 0 or a finish).
      if (all_integer_) bound = std::ceil(bound - tolerance(bound));
      lower_bound_ = std::max(lower_bound_, bound);
    }
  allocate_buffers();
}

void Leveller::check_sizes(const LevellingProblem& p) const {
  if (p.predecessors.size() != n_)
    invalid("predecessors has " + std::to_string(p.predecessors.size()) + " entries for " + std::to_string(n_) +
            " activities");
  if (!p.predecessor_timing.empty()) {
    if (p.predecessor_timing.size() != n_)
      invalid("predecessor_timing has " + std::to_string(p.predecessor_timing.size()) + " entries for " +
              std::to_string(n_) + " activities (it must be empty or have one per activity)");
    for (std::size_t a = 0; a < n_; ++a)
      if (p.predecessor_timing[a].size() != p.predecessors[a].size())
        invalid("activity " + std::to_string(a) + " has " + std::to_string(p.predecessor_timing[a].size()) +
                " link timings for " + std::to_string(p.predecessors[a].size()) + " predecessors");
  }
  if (!p.deadline.empty() && p.deadline.size() != n_)
    invalid("deadline has " + std::to_string(p.deadline.size()) + " entries for " + std::to_string(n_) +
            " activities (it must be empty or have one per activity)");
  for (std::size_t a = 0; a < p.deadline.size(); ++a)
    if (std::isnan(p.deadline[a])) invalid("activity " + std::to_string(a) + " has a deadline that is NaN");
  if (p.demand.size() != n_)
    invalid("demand has " + std::to_string(p.demand.size()) + " entries for " + std::to_string(n_) + " activities");
  if (p.capacity.size() > std::numeric_limits<u32>::max()) invalid("too many resources");
  for (std::size_t r = 0; r < p.capacity.size(); ++r)
    if (std::isnan(p.capacity[r])) invalid("resource " + std::to_string(r) + " has no valid capacity (NaN)");
}

void Leveller::read_durations(const LevellingProblem& p) {
  dur_.resize(n_);
  double sum = 0;
  std::size_t positive = 0;
  for (u32 a = 0; a < n_; ++a) {
    const double d = p.duration[a];
    if (!std::isfinite(d) || d < 0)
      invalid("activity " + std::to_string(a) + " has duration " + num(d) + " (it must be finite and >= 0)");
    dur_[a] = d;
    all_integer_ = all_integer_ && d == std::floor(d);
    if (d > 0) sum += d, ++positive;
  }
  if (positive) mean_duration_ = sum / static_cast<double>(positive);
}

// Predecessors, as CSR both ways.
void Leveller::build_precedence(const LevellingProblem& p) {
  pred_.begin.assign(n_ + 1, 0);
  succ_.begin.assign(n_ + 1, 0);
  for (u32 a = 0; a < n_; ++a) {
    for (const u32 q : p.predecessors[a]) {
      if (q >= n_)
        invalid("predecessor " + std::to_string(q) + " of activity " + std::to_string(a) + " is out of range (" +
                std::to_string(n_) + " activities)");
      ++succ_.begin[q + 1];
    }
    pred_.begin[a + 1] = pred_.begin[a] + static_cast<u32>(p.predecessors[a].size());
  }
  for (u32 a = 0; a < n_; ++a) succ_.begin[a + 1] += succ_.begin[a];
  pred_.item.resize(pred_.begin[n_]);
  succ_.item.resize(succ_.begin[n_]);
  std::vector<u32> fill(succ_.begin.begin(), succ_.begin.end() - 1);
  for (u32 a = 0; a < n_; ++a) {
    std::copy(p.predecessors[a].begin(), p.predecessors[a].end(), pred_.item.begin() + pred_.begin[a]);
    for (const u32 q : p.predecessors[a]) succ_.item[fill[q]++] = a;
  }
}

// Every timing must be a known type with a finite lag; typed_ says whether any is not plain.
void Leveller::check_link_timing(const LevellingProblem& p) {
  for (u32 a = 0; a < p.predecessor_timing.size(); ++a)
    for (std::size_t k = 0; k < p.predecessor_timing[a].size(); ++k) {
      const LinkTiming t = p.predecessor_timing[a][k];
      const auto link = [&] {
        return "the link from activity " + std::to_string(p.predecessors[a][k]) + " to activity " + std::to_string(a);
      };
      if (static_cast<int>(t.type) >= kLinkTypeCount)
        invalid(link() + " has an unknown type (" + std::to_string(static_cast<int>(t.type)) + ")");
      if (!std::isfinite(t.lag)) invalid(link() + " has lag " + num(t.lag) + " (it must be finite)");
      typed_ = typed_ || !t.plain();
    }
}

// Every link i -> j as a minimum distance between starts, which it is once durations are fixed:
// S_j >= S_i + delta_ij, delta_ij = earliest_start_after(timing, 0, d_i, d_j): d_i + lag (FS),
// lag (SS), d_i + lag - d_j (FF), lag - d_j (SF).
// In mirrored time (the reverse passes: S'_x = T - F_x, F'_x = T - S_x for a makespan T) the
// same link reads T - F'_j >= T - F'_i + delta_ij, i.e. F'_i >= F'_j + delta_ij, and with
// F' = S' + d: S'_i >= S'_j + (delta_ij + d_j - d_i). There j comes before i, so that distance
// sits beside succ_.item, filled in build_precedence's order. (Plain FS: d_i forward, d_j in
// mirrored time, as each direction's finish-to-start.)
void Leveller::build_link_deltas(const LevellingProblem& p) {
  pred_delta_.resize(pred_.item.size());
  succ_delta_.resize(succ_.item.size());
  std::vector<u32> fill(succ_.begin.begin(), succ_.begin.end() - 1);
  for (u32 j = 0; j < n_; ++j)
    for (u32 k = 0; k < p.predecessors[j].size(); ++k) {
      const u32 i = p.predecessors[j][k];
      const double delta = earliest_start_after(timing_at(p.predecessor_timing[j], k), 0, dur_[i], dur_[j]);
      pred_delta_[pred_.begin[j] + k] = delta;
      succ_delta_[fill[i]++] = delta + dur_[j] - dur_[i];
    }
}

// The grid profiles (grid_profile.hpp) when every start the scheme can make is an integer (all
// durations and link distances are) and the grid is small: the horizon, each duration plus its
// longest incoming distance beyond it, at most kGridCells, and kGridMeanDuration cells an
// activity on average, as a search costs its duration in cells. Large networks keep the change
// points, whatever their times.
void Leveller::choose_grid() {
  constexpr double kGridCells = 1 << 16, kGridMeanDuration = 64;
  if (!all_integer_ || used_resources_.empty() || mean_duration_ > kGridMeanDuration) return;
  double horizon = 0;
  for (u32 a = 0; a < n_; ++a) {
    double reach = dur_[a];
    if (typed_)
      for (u32 i = pred_.begin[a]; i < pred_.begin[a + 1]; ++i) {
        const double delta = pred_delta_[i];
        if (delta != std::floor(delta)) return;
        reach = std::max(reach, delta + dur_[a]);
      }
    horizon += reach;
  }
  if (typed_)
    for (const double delta : succ_delta_)
      if (delta != std::floor(delta)) return;
  if (horizon > kGridCells) return;
  grid_ = true;
  grids_.resize(profiles_.size());
}

// Demands: merged per resource, only those that load anything (positive amount and duration).
// Returns the work (amount x duration) on each resource.
std::vector<double> Leveller::merge_demands(const LevellingProblem& p) {
  const auto n_res = static_cast<u32>(p.capacity.size());
  capacity_.assign(p.capacity.begin(), p.capacity.end());
  threshold_.resize(n_res);
  for (u32 r = 0; r < n_res; ++r) threshold_[r] = capacity_[r] + tolerance(capacity_[r]);
  std::vector<double> work(n_res, 0.0);
  std::vector<double> merged(n_res, 0.0);
  std::vector<u32> touched;
  dem_begin_.assign(1, 0);
  for (u32 a = 0; a < n_; ++a) {
    touched.clear();
    for (const auto& [r, q] : p.demand[a]) {
      check_demand(a, r, q);
      if (q == 0) continue;
      if (merged[r] == 0) touched.push_back(r);
      merged[r] += q;
    }
    std::sort(touched.begin(), touched.end());
    for (const u32 r : touched) {
      const double q = merged[r];
      merged[r] = 0;
      if (dur_[a] == 0) continue;
      if (q > threshold_[r])
        throw LevellingError("levelling: activity " + std::to_string(a) + " demands " + num(q) + " of resource " +
                                 std::to_string(r) + ", more than its capacity " + num(capacity_[r]) +
                                 ": it can never be scheduled",
                             a, r);
      dem_res_.push_back(r);
      dem_amount_.push_back(q);
      work[r] += q * dur_[a];
    }
    dem_begin_.push_back(static_cast<u32>(dem_res_.size()));
  }
  return work;
}

void Leveller::check_demand(u32 a, u32 r, double q) const {
  const std::size_t n_res = capacity_.size();
  if (r >= n_res)
    invalid("activity " + std::to_string(a) + " demands resource " + std::to_string(r) + ", out of range (" +
            std::to_string(n_res) + " resources)");
  if (!std::isfinite(q) || q < 0)
    invalid("activity " + std::to_string(a) + " demands " + num(q) + " of resource " + std::to_string(r) +
            " (a demand must be finite and >= 0)");
  if (q > 0 && !(capacity_[r] > 0))
    invalid("activity " + std::to_string(a) + " demands " + num(q) + " of resource " + std::to_string(r) +
            ", whose capacity " + num(capacity_[r]) + " is not positive");
}

// Activities by latest finish (ties in index order), 1-based; built on the first sampling pass
// that needs it (a million activities spend the work budget before any does).
const Leveller::Ranking& Leveller::ranking(bool reverse) {
  Ranking& rk = reverse ? rank_reverse_ : rank_forward_;
  if (!rk.rank.empty() || n_ == 0) return rk;
  const std::vector<double>& lft = reverse ? rlft_ : lft_;
  struct Finish {
    double lft;
    u32 activity;
  };
  std::vector<Finish> by(n_);
  for (u32 a = 0; a < n_; ++a) by[a] = {lft[a], a};
  std::sort(by.begin(), by.end(),
            [](const Finish& x, const Finish& y) { return x.lft != y.lft ? x.lft < y.lft : x.activity < y.activity; });
  rk.order.assign(n_ + 1, 0);
  rk.rank.resize(n_);
  rk.value.assign(n_ + 1, 0.0);
  for (u32 r = 1; r <= n_; ++r) {
    rk.order[r] = by[r - 1].activity;
    rk.rank[rk.order[r]] = r;
    rk.value[r] = by[r - 1].lft;
  }
  return rk;
}

void Leveller::allocate_buffers() {
  while (fen_top_ * 2 <= n_) fen_top_ *= 2;
  key1_.resize(n_);
  key2_.resize(n_);
  indegree_.resize(n_);
  for (SerialSchedule* s : {&best_, &cand_, &back_, &spare_, &rev_}) {
    s->start.resize(n_);
    s->finish.resize(n_);
    s->list.reserve(n_);
  }
}

// Kahn's algorithm; a cycle is reported with the activities on it.
void Leveller::topological_order() {
  std::vector<u32> indegree(n_);
  for (u32 a = 0; a < n_; ++a) indegree[a] = static_cast<u32>(pred_.size(a));
  topo_.reserve(n_);
  for (u32 a = 0; a < n_; ++a)
    if (indegree[a] == 0) topo_.push_back(a);
  for (std::size_t k = 0; k < topo_.size(); ++k)
    for (u32 i = succ_.begin[topo_[k]]; i < succ_.begin[topo_[k] + 1]; ++i)
      if (--indegree[succ_.item[i]] == 0) topo_.push_back(succ_.item[i]);
  if (topo_.size() == n_) return;
  // Walk back along predecessors that are still blocked until an activity repeats.
  u32 a = 0;
  while (indegree[a] == 0) ++a;
  std::vector<u32> seen_at(n_, std::numeric_limits<u32>::max());
  std::vector<u32> walk;
  while (seen_at[a] == std::numeric_limits<u32>::max()) {
    seen_at[a] = static_cast<u32>(walk.size());
    walk.push_back(a);
    for (u32 i = pred_.begin[a]; i < pred_.begin[a + 1]; ++i)
      if (indegree[pred_.item[i]] > 0) {
        a = pred_.item[i];
        break;
      }
  }
  std::vector<u32> cycle(walk.begin() + seen_at[a], walk.end());
  std::reverse(cycle.begin(), cycle.end());  // in dependency order, from the smallest index
  std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
  std::string text;
  const std::size_t shown = std::min<std::size_t>(cycle.size(), 12);
  for (std::size_t k = 0; k < shown; ++k) text += std::to_string(cycle[k]) + " -> ";
  text += shown < cycle.size() ? "... -> " + std::to_string(cycle[0]) : std::to_string(cycle[0]);
  invalid("the predecessors form a cycle: " + text);
}

// Earliest times forward; the critical path; latest finishes forward and in mirrored time.
void Leveller::critical_path_times() {
  if (typed_) return critical_path_times_typed();
  std::vector<double> ef(n_, 0.0);
  critical_path_ = 0;
  for (const u32 a : topo_) {
    double es = 0;
    for (u32 i = pred_.begin[a]; i < pred_.begin[a + 1]; ++i) es = std::max(es, ef[pred_.item[i]]);
    ef[a] = es + dur_[a];
    critical_path_ = std::max(critical_path_, ef[a]);
  }
  rlft_.resize(n_);
  for (u32 a = 0; a < n_; ++a) rlft_[a] = critical_path_ - (ef[a] - dur_[a]);
  lft_.assign(n_, critical_path_);
  for (auto it = topo_.rbegin(); it != topo_.rend(); ++it) {
    const u32 a = *it;
    double lf = deadline_.empty() ? critical_path_ : std::min(critical_path_, deadline_[a]);
    for (u32 i = succ_.begin[a]; i < succ_.begin[a + 1]; ++i)
      lf = std::min(lf, lft_[succ_.item[i]] - dur_[succ_.item[i]]);
    lft_[a] = lf;
  }
}

// As critical_path_times, over the links' start-to-start distances: earliest starts
// ES_j = max(0, max_i ES_i + delta_ij); the critical path is the latest earliest finish. Latest
// finishes come from mirrored time, where link i -> j reads S'_i >= S'_j + rdelta_ij (rdelta:
// succ_delta_): LF_i = min(CP, min_j LF_j - rdelta_ij). In mirrored time the latest finish is
// CP - ES, as in the plain case: a chain's length is the same read either way, since the
// rdelta's extra d_j - d_i telescope along it.
void Leveller::critical_path_times_typed() {
  std::vector<double> es(n_, 0.0);
  critical_path_ = 0;
  for (const u32 a : topo_) {
    double start = 0;
    for (u32 i = pred_.begin[a]; i < pred_.begin[a + 1]; ++i)
      start = std::max(start, es[pred_.item[i]] + pred_delta_[i]);
    es[a] = start;
    critical_path_ = std::max(critical_path_, start + dur_[a]);
  }
  rlft_.resize(n_);
  for (u32 a = 0; a < n_; ++a) rlft_[a] = critical_path_ - es[a];
  lft_.assign(n_, critical_path_);
  for (auto it = topo_.rbegin(); it != topo_.rend(); ++it) {
    const u32 a = *it;
    double lf = deadline_.empty() ? critical_path_ : std::min(critical_path_, deadline_[a]);
    for (u32 i = succ_.begin[a]; i < succ_.begin[a + 1]; ++i) lf = std::min(lf, lft_[succ_.item[i]] - succ_delta_[i]);
    lft_[a] = lf;
  }
}

}  // namespace clearpath::levelling_detail
