// Resource levelling (the resource-constrained project scheduling problem, RCPSP), heuristically:
//
// 1. Serial schedule-generation scheme (SGS): activities in a precedence-feasible priority
//    order, each started at the earliest time >= its predecessors' finishes at which all its
//    demands fit for its whole duration. Priority: latest finish time (LFT, backward CPM pass),
//    ties by latest start, then index.
// 2. Forward-backward improvement, "justification" (Tormos & Lova 2001; Valls, Ballestin &
//    Quintanilla 2005): schedule the activities again in reverse time, in order of decreasing
//    finish (right-justification), then forward again in order of increasing start of that
//    schedule (left-justification). Neither step lengthens the schedule; repeat while it
//    shortens (at most kLevellingMaxRounds rounds).
// 3. `effort` randomised passes, each followed by justification; the best schedule wins. Half
//    are regret-based biased random sampling on LFT (Kolisch & Drexl 1996), half random keys
//    around the best schedule so far (its start times plus noise); half of each run in reverse
//    time (bidirectional sampling). Seeded with the project's own Xoshiro256, never std::
//    distributions, so a seed gives the same schedule everywhere.
// The search stops early at the lower bound (critical path, resource work / capacity), and
// starts nothing new once kLevellingWorkBudget work units are spent (see levelling.hpp).
//
// The resource profiles are per resource, sorted change points (time, load from then on) kept in
// blocks of at most kBlockMax points, each block with bounds on its loads and a lazy addend:
// finding the earliest fit skips whole blocks that are all free or all too loaded, and adding
// an interval touches O(block) points plus O(1) per block it covers. The returned schedule
// always comes from a forward pass, whose starts are exact sums of finishes, so precedences
// hold exactly in floating point; loads are compared with a tolerance of 1e-9 of the capacity.
#include "clearpath/levelling.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <sstream>
#include <utility>

#include "model/random.hpp"

namespace clearpath {

namespace {

using u32 = std::uint32_t;
constexpr double kTol = 1e-9;

double tolerance(double magnitude) { return kTol * std::max(1.0, std::fabs(magnitude)); }

std::string num(double v) {
  std::ostringstream o;
  o.precision(12);
  o << v;
  return o.str();
}

// --- resource profile -------------------------------------------------------------------------

// Load of one resource over time: sorted change points, the load from each point to the next;
// zero before the first point and after the last (the last point is always a finish with load
// exactly 0, as loads are only ever added to points before a finish).
class Profile {
 public:
  Profile() : blocks_(1), first_(1, 0.0) {}

  void reset() {
    while (blocks_.size() > 1) {
      spare_.push_back(std::move(blocks_.back()));
      blocks_.pop_back();
    }
    first_.resize(1);
    clear(blocks_[0]);
  }

  // Points and blocks looked at, for the work budget.
  std::size_t work() const { return work_; }

  // The earliest t >= t0 at which the load stays <= threshold on [t, t + d); d > 0.
  double earliest_fit(double t0, double d, double threshold) {
    work_ += kCallWork;
    double t = t0;
    Pos p = locate(t);
    for (;;) {
      const Pos blocked = first_blocked(p, t + d, threshold);
      if (blocked.b == kEnd) return t;
      const Pos free = first_free_after(blocked, threshold);
      if (free.b == kEnd) return last_time();  // unreachable: the last point has load 0
      t = time(free);
      p = free;
    }
  }

  // Adds `amount` to the load on [s, f).
  void add(double s, double f, double amount) {
    if (!(f > s)) return;
    work_ += 2 * kCallWork;
    ensure_point(f);
    Pos p = ensure_point(s);
    while (p.b < blocks_.size()) {
      Block& blk = blocks_[p.b];
      if (p.i == 0 && blk.pts.back().time < f) {  // the whole block
        blk.lazy += amount;
        blk.max += amount;
        blk.min += amount;
        p = {p.b + 1, 0};
        continue;
      }
      // Loads only grow: max stays an upper bound once raised, min a lower bound untouched.
      push_down(blk);
      std::size_t i = static_cast<std::size_t>(p.i);
      for (; i < blk.pts.size() && blk.pts[i].time < f; ++i) {
        blk.pts[i].load += amount;
        blk.max = std::max(blk.max, blk.pts[i].load);
      }
      work_ += i - static_cast<std::size_t>(p.i);
      if (i < blk.pts.size()) return;
      p = {p.b + 1, 0};
    }
  }

 private:
  static constexpr std::size_t kBlockMax = 128;
  static constexpr std::size_t kEnd = std::numeric_limits<std::size_t>::max();
  static constexpr std::size_t kCallWork = 8;  // a search for a time, in work units

  struct Point {
    double time, load;
  };
  // pts[i].load + lazy is the load on [pts[i].time, the next point's time). max is an upper
  // bound and min a lower bound of those loads (exact after a split).
  struct Block {
    std::vector<Point> pts;
    double lazy = 0, max = 0, min = 0;
  };
  // A point: block b, index i; i == -1 (with b == 0) is "before the first point", load 0.
  struct Pos {
    std::size_t b;
    std::ptrdiff_t i;
  };

  static void clear(Block& blk) {
    blk.pts.clear();
    blk.lazy = blk.max = blk.min = 0;
  }
  static void push_down(Block& blk) {
    if (blk.lazy == 0) return;
    for (Point& pt : blk.pts) pt.load += blk.lazy;
    blk.lazy = 0;
  }
  static void recompute(Block& blk) {
    blk.max = -std::numeric_limits<double>::infinity();
    blk.min = std::numeric_limits<double>::infinity();
    for (const Point& pt : blk.pts) {
      blk.max = std::max(blk.max, pt.load + blk.lazy);
      blk.min = std::min(blk.min, pt.load + blk.lazy);
    }
  }

  double time(Pos p) const { return blocks_[p.b].pts[static_cast<std::size_t>(p.i)].time; }
  double last_time() const { return blocks_.back().pts.empty() ? 0.0 : blocks_.back().pts.back().time; }

  // The last point at or before t.
  Pos locate(double t) const {
    if (blocks_[0].pts.empty() || t < blocks_[0].pts.front().time) return {0, -1};
    std::size_t b = 0;
    if (blocks_.size() > 1) b = static_cast<std::size_t>(std::upper_bound(first_.begin(), first_.end(), t) - first_.begin()) - 1;
    const auto& pts = blocks_[b].pts;
    const auto at = std::upper_bound(pts.begin(), pts.end(), t, [](double v, const Point& pt) { return v < pt.time; });
    return {b, at - pts.begin() - 1};
  }

  // The first point from p on (p itself whatever its time, later ones before `limit`) whose load
  // exceeds the threshold; {kEnd, 0} when there is none.
  Pos first_blocked(Pos p, double limit, double threshold) {
    bool first = true;  // p holds t: in the window whatever its time
    if (p.i < 0) {      // before the first point the load is 0: only later points count
      p = {0, 0};
      first = false;
    }
    for (std::size_t b = p.b; b < blocks_.size(); ++b) {
      const Block& blk = blocks_[b];
      ++work_;
      std::size_t i = b == p.b ? static_cast<std::size_t>(p.i) : 0;
      if (i >= blk.pts.size()) return {kEnd, 0};
      if (!first && blk.pts[i].time >= limit) return {kEnd, 0};
      if (blk.max <= threshold) {
        first = false;
        continue;
      }
      const double over = threshold - blk.lazy;
      const std::size_t from = i;
      bool blocked = false, past = false;
      for (; i < blk.pts.size(); ++i) {
        if (!first && blk.pts[i].time >= limit) {
          past = true;
          break;
        }
        first = false;
        if (blk.pts[i].load > over) {
          blocked = true;
          break;
        }
      }
      work_ += i - from;
      if (blocked) return {b, static_cast<std::ptrdiff_t>(i)};
      if (past) return {kEnd, 0};
    }
    return {kEnd, 0};
  }

  // The first point after p whose load is within the threshold.
  Pos first_free_after(Pos p, double threshold) {
    std::size_t i = static_cast<std::size_t>(p.i) + 1;
    for (std::size_t b = p.b; b < blocks_.size(); ++b, i = 0) {
      const Block& blk = blocks_[b];
      ++work_;
      if (i == 0 && blk.min > threshold) continue;
      const double over = threshold - blk.lazy;
      const std::size_t from = i;
      for (; i < blk.pts.size(); ++i)
        if (blk.pts[i].load <= over) break;
      work_ += i - from;
      if (i < blk.pts.size()) return {b, static_cast<std::ptrdiff_t>(i)};
    }
    return {kEnd, 0};
  }

  // The point at t, inserted (with the load of the segment it splits) if need be.
  Pos ensure_point(double t) {
    const Pos p = locate(t);
    if (p.i >= 0 && time(p) == t) return p;
    const std::size_t b = p.b;
    Block& blk = blocks_[b];
    push_down(blk);
    const double v = p.i < 0 ? 0.0 : blk.pts[static_cast<std::size_t>(p.i)].load;
    blk.pts.insert(blk.pts.begin() + (p.i + 1), Point{t, v});
    if (p.i < 0) first_[0] = t;
    if (blk.pts.size() == 1) {
      blk.max = blk.min = v;
    } else {
      blk.max = std::max(blk.max, v);
      blk.min = std::min(blk.min, v);
    }
    const auto at = static_cast<std::size_t>(p.i + 1);
    if (blk.pts.size() <= kBlockMax) return {b, static_cast<std::ptrdiff_t>(at)};
    const std::size_t half = split(b);
    return at < half ? Pos{b, static_cast<std::ptrdiff_t>(at)} : Pos{b + 1, static_cast<std::ptrdiff_t>(at - half)};
  }

  // Moves the second half of block b into a new block after it; returns the size of the first.
  std::size_t split(std::size_t b) {
    Block fresh;
    if (!spare_.empty()) {
      fresh = std::move(spare_.back());
      spare_.pop_back();
      clear(fresh);
    }
    Block& blk = blocks_[b];
    const std::size_t half = blk.pts.size() / 2;
    fresh.pts.assign(blk.pts.begin() + static_cast<std::ptrdiff_t>(half), blk.pts.end());
    blk.pts.resize(half);
    recompute(blk);
    recompute(fresh);
    first_.insert(first_.begin() + static_cast<std::ptrdiff_t>(b) + 1, fresh.pts.front().time);
    blocks_.insert(blocks_.begin() + static_cast<std::ptrdiff_t>(b) + 1, std::move(fresh));
    return half;
  }

  std::vector<Block> blocks_;  // never empty; all non-empty unless the profile is
  std::vector<double> first_;  // first_[b]: the time of block b's first point (for the search)
  std::vector<Block> spare_;
  std::size_t work_ = 0;
};

// --- the problem in compact form --------------------------------------------------------------

struct Csr {
  std::vector<u32> begin, item;
  std::size_t size(u32 a) const { return begin[a + 1] - begin[a]; }
};

struct Schedule {
  std::vector<double> start, finish;
  std::vector<u32> list;  // the order in which the serial SGS placed the activities
  double makespan = 0;
};

class Leveller {
 public:
  Leveller(const LevellingProblem& problem, const LevellingOptions& options)
      : n_(static_cast<u32>(problem.duration.size())), options_(options), rng_(options.seed) {
    validate_and_build(problem);
  }

  LevelledSchedule run() {
    LevelledSchedule out;
    out.lower_bound = lower_bound_;
    if (n_ == 0) return out;

    // Deterministic: the LFT rule, then justification.
    Schedule& best = best_;
    for (u32 a = 0; a < n_; ++a) {
      key1_[a] = lft_[a];
      key2_[a] = lft_[a] - dur_[a];
    }
    list_by_keys(false, best.list);
    sgs(false, best);
    if (options_.justify) improve(best);

    // Randomised passes, within the work budget. Half sample around the best schedule so far
    // (random keys: its starts plus uniform noise of up to kLocalSpread mean durations), half
    // sample afresh (regret-based on LFT); half run in reverse time (the activities latest
    // first, then turned into a forward schedule). A candidate as short as the best replaces it,
    // so the search drifts along plateaus.
    for (std::size_t pass = 0; pass < options_.effort; ++pass) {
      if (reached_bound(best.makespan) || over_budget()) break;
      const bool local = rng_.uniform() < 0.5;
      const bool reverse = rng_.uniform() < 0.5;
      Schedule& first = reverse ? rev_ : cand_;
      if (local) {
        const double sigma = kLocalSpread * mean_duration_;
        for (u32 a = 0; a < n_; ++a) {
          key1_[a] = (reverse ? best.makespan - best.finish[a] : best.start[a]) + sigma * rng_.uniform();
          key2_[a] = reverse ? rlft_[a] : lft_[a];
        }
        list_by_keys(reverse, first.list);
      } else {
        list_by_rbrs(reverse, first.list);
      }
      sgs(reverse, first);
      if (reverse) {  // into forward time: by increasing start, i.e. decreasing reverse finish
        for (std::size_t k = 0; k < n_; ++k) {
          const u32 a = rev_.list[k];
          key1_[a] = -rev_.finish[a];
          key2_[a] = -static_cast<double>(k);
        }
        list_by_keys(false, cand_.list);
        sgs(false, cand_);
      }
      if (options_.justify) improve(cand_);
      if (cand_.makespan <= best.makespan) std::swap(best, cand_);
    }

    out.start = best.start;
    out.makespan = best.makespan;
    out.schedules = schedules_;
    return out;
  }

 private:
  static constexpr double kLocalSpread = 2;    // noise of the local sampling, in mean durations
  static constexpr double kRegretOffset = 0.2;  // epsilon of the regret sampling, in mean durations

  bool over_budget() const { return work_ >= kLevellingWorkBudget; }
  bool reached_bound(double makespan) const { return makespan <= lower_bound_ + tolerance(lower_bound_); }

  // --- validation and set-up ---

  [[noreturn]] static void invalid(const std::string& what) { throw std::invalid_argument("levelling: " + what); }

  void validate_and_build(const LevellingProblem& p) {
    if (p.predecessors.size() != n_)
      invalid("predecessors has " + std::to_string(p.predecessors.size()) + " entries for " + std::to_string(n_) +
              " activities");
    if (p.demand.size() != n_)
      invalid("demand has " + std::to_string(p.demand.size()) + " entries for " + std::to_string(n_) + " activities");
    if (p.capacity.size() > std::numeric_limits<u32>::max()) invalid("too many resources");
    const auto n_res = static_cast<u32>(p.capacity.size());
    for (u32 r = 0; r < n_res; ++r)
      if (std::isnan(p.capacity[r])) invalid("resource " + std::to_string(r) + " has no valid capacity (NaN)");

    dur_.resize(n_);
    for (u32 a = 0; a < n_; ++a) {
      const double d = p.duration[a];
      if (!std::isfinite(d) || d < 0)
        invalid("activity " + std::to_string(a) + " has duration " + num(d) + " (it must be finite and >= 0)");
      dur_[a] = d;
      all_integer_ = all_integer_ && d == std::floor(d);
    }

    // Predecessors, as CSR both ways.
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
    {
      std::vector<u32> fill(succ_.begin.begin(), succ_.begin.end() - 1);
      for (u32 a = 0; a < n_; ++a) {
        std::copy(p.predecessors[a].begin(), p.predecessors[a].end(), pred_.item.begin() + pred_.begin[a]);
        for (const u32 q : p.predecessors[a]) succ_.item[fill[q]++] = a;
      }
    }

    // Demands: merged per resource, only those that load anything (positive amount and duration).
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
        if (r >= n_res)
          invalid("activity " + std::to_string(a) + " demands resource " + std::to_string(r) + ", out of range (" +
                  std::to_string(n_res) + " resources)");
        if (!std::isfinite(q) || q < 0)
          invalid("activity " + std::to_string(a) + " demands " + num(q) + " of resource " + std::to_string(r) +
                  " (a demand must be finite and >= 0)");
        if (q == 0) continue;
        if (!(capacity_[r] > 0))
          invalid("activity " + std::to_string(a) + " demands " + num(q) + " of resource " + std::to_string(r) +
                  ", whose capacity " + num(capacity_[r]) + " is not positive");
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
    profiles_.resize(n_res);
    std::vector<bool> used(n_res, false);
    for (const u32 r : dem_res_) used[r] = true;
    for (u32 r = 0; r < n_res; ++r)
      if (used[r]) used_resources_.push_back(r);

    {
      double sum = 0;
      std::size_t count = 0;
      for (const double d : dur_)
        if (d > 0) sum += d, ++count;
      if (count) mean_duration_ = sum / static_cast<double>(count);
    }
    regret_offset_ = kRegretOffset * mean_duration_;
    topological_order();
    critical_path_times();
    lower_bound_ = critical_path_;
    for (u32 r = 0; r < n_res; ++r)
      if (std::isfinite(capacity_[r]) && work[r] > 0) {
        double bound = work[r] / capacity_[r];
        if (all_integer_) bound = std::ceil(bound - tolerance(bound));
        lower_bound_ = std::max(lower_bound_, bound);
      }

    for (const bool reverse : {false, true}) {
      const std::vector<double>& lft = reverse ? rlft_ : lft_;
      Ranking& rk = reverse ? rank_reverse_ : rank_forward_;
      rk.order.resize(n_);
      for (u32 a = 0; a < n_; ++a) rk.order[a] = a;
      std::stable_sort(rk.order.begin(), rk.order.end(), [&](u32 x, u32 y) { return lft[x] < lft[y]; });
      rk.order.insert(rk.order.begin(), 0);  // 1-based
      rk.rank.resize(n_);
      rk.value.assign(n_ + 1, 0.0);
      for (u32 r = 1; r <= n_; ++r) {
        rk.rank[rk.order[r]] = r;
        rk.value[r] = lft[rk.order[r]];
      }
    }
    fen_count_.assign(n_ + 1, 0.0);
    fen_sum_.assign(n_ + 1, 0.0);
    present_.assign(n_ + 1, 0);
    while (fen_top_ * 2 <= n_) fen_top_ *= 2;
    key1_.resize(n_);
    key2_.resize(n_);
    indegree_.resize(n_);
    for (Schedule* s : {&best_, &cand_, &back_, &spare_, &rev_}) {
      s->start.resize(n_);
      s->finish.resize(n_);
      s->list.reserve(n_);
    }
  }

  // Kahn's algorithm; a cycle is reported with the activities on it.
  void topological_order() {
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

  void critical_path_times() {
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
      double lf = critical_path_;
      for (u32 i = succ_.begin[a]; i < succ_.begin[a + 1]; ++i) lf = std::min(lf, lft_[succ_.item[i]] - dur_[succ_.item[i]]);
      lft_[a] = lf;
    }
  }

  // --- activity lists ---

  const Csr& before(bool reverse) const { return reverse ? succ_ : pred_; }
  const Csr& after(bool reverse) const { return reverse ? pred_ : succ_; }

  // Precedence-feasible order (in the given direction): always the eligible activity with the
  // smallest (key1_, key2_, index).
  void list_by_keys(bool reverse, std::vector<u32>& list) {
    const Csr& bef = before(reverse);
    const Csr& aft = after(reverse);
    const auto later = [&](u32 x, u32 y) {  // heap order: true when x comes after y
      if (key1_[x] != key1_[y]) return key1_[x] > key1_[y];
      if (key2_[x] != key2_[y]) return key2_[x] > key2_[y];
      return x > y;
    };
    heap_.clear();
    for (u32 a = 0; a < n_; ++a) {
      indegree_[a] = static_cast<u32>(bef.size(a));
      if (indegree_[a] == 0) heap_.push_back(a);
    }
    std::make_heap(heap_.begin(), heap_.end(), later);
    list.clear();
    while (!heap_.empty()) {
      std::pop_heap(heap_.begin(), heap_.end(), later);
      const u32 a = heap_.back();
      heap_.pop_back();
      list.push_back(a);
      for (u32 i = aft.begin[a]; i < aft.begin[a + 1]; ++i)
        if (--indegree_[aft.item[i]] == 0) {
          heap_.push_back(aft.item[i]);
          std::push_heap(heap_.begin(), heap_.end(), later);
        }
    }
    work_ += n_;
  }

  // Regret-based biased random sampling on the latest finish (Kolisch & Drexl 1996), alpha = 1:
  // an eligible activity j is picked with probability proportional to
  // max_{i eligible} LFT_i - LFT_j + epsilon (epsilon = regret_offset_). The eligible set lives in
  // two Fenwick trees over the activities ranked by LFT (count and LFT sum), so one pick costs
  // O(log n) however large the eligible set: the weight of a prefix of ranks is
  // count * (max + epsilon) - sum.
  void list_by_rbrs(bool reverse, std::vector<u32>& list) {
    const Csr& bef = before(reverse);
    const Csr& aft = after(reverse);
    const Ranking& rk = reverse ? rank_reverse_ : rank_forward_;
    std::fill(fen_count_.begin(), fen_count_.end(), 0.0);
    std::fill(fen_sum_.begin(), fen_sum_.end(), 0.0);
    std::fill(present_.begin(), present_.end(), 0);
    std::size_t count = 0;
    const auto insert = [&](u32 a) {
      const std::size_t r = rk.rank[a];
      present_[r] = 1;
      ++count;
      for (std::size_t i = r; i <= n_; i += i & (~i + 1)) {
        fen_count_[i] += 1;
        fen_sum_[i] += rk.value[r];
      }
    };
    const auto erase = [&](std::size_t r) {
      present_[r] = 0;
      --count;
      for (std::size_t i = r; i <= n_; i += i & (~i + 1)) {
        fen_count_[i] -= 1;
        fen_sum_[i] -= rk.value[r];
      }
    };
    // The rank of the k-th present activity (1-based k).
    const auto kth = [&](double k) {
      std::size_t pos = 0;
      for (std::size_t step = fen_top_; step > 0; step >>= 1)
        if (pos + step <= n_ && fen_count_[pos + step] < k) {
          pos += step;
          k -= fen_count_[pos];
        }
      return pos + 1;
    };
    for (u32 a = 0; a < n_; ++a) {
      indegree_[a] = static_cast<u32>(bef.size(a));
      if (indegree_[a] == 0) insert(a);
    }
    list.clear();
    while (count > 0) {
      const double top = rk.value[kth(static_cast<double>(count))] + regret_offset_;
      double total = 0;  // the weight of all: count * top - sum, from the tree's root path
      {
        double c = 0, sum = 0;
        for (std::size_t i = n_; i > 0; i -= i & (~i + 1)) {
          c += fen_count_[i];
          sum += fen_sum_[i];
        }
        total = c * top - sum;
      }
      double x = rng_.uniform() * total;
      std::size_t pos = 0;
      for (std::size_t step = fen_top_; step > 0; step >>= 1) {
        if (pos + step > n_) continue;
        const double w = fen_count_[pos + step] * top - fen_sum_[pos + step];
        if (w <= x) {
          pos += step;
          x -= w;
        }
      }
      std::size_t r = pos + 1;
      if (r > n_ || !present_[r]) {  // rounding: take the next present rank, else the last
        double before_r = 0;
        for (std::size_t i = std::min(r, static_cast<std::size_t>(n_)); i > 0; i -= i & (~i + 1)) before_r += fen_count_[i];
        r = kth(std::min(before_r + 1, static_cast<double>(count)));
      }
      erase(r);
      const u32 a = rk.order[r];
      list.push_back(a);
      for (u32 i = aft.begin[a]; i < aft.begin[a + 1]; ++i)
        if (--indegree_[aft.item[i]] == 0) insert(aft.item[i]);
    }
    work_ += n_;
  }

  // --- serial schedule-generation scheme ---

  // Places s.list in order (reverse: in mirrored time, successors first); fills start, finish
  // and makespan (in that direction's time).
  void sgs(bool reverse, Schedule& s) {
    const Csr& bef = before(reverse);
    for (const u32 r : used_resources_) profiles_[r].reset();
    std::size_t visited_before = 0;
    for (const u32 r : used_resources_) visited_before += profiles_[r].work();
    double makespan = 0;
    for (const u32 a : s.list) {
      double t = 0;
      for (u32 i = bef.begin[a]; i < bef.begin[a + 1]; ++i) t = std::max(t, s.finish[bef.item[i]]);
      const double d = dur_[a];
      const u32 db = dem_begin_[a], de = dem_begin_[a + 1];
      if (d > 0 && de > db) {
        // Every resource in turn moves t to its earliest fit from t, until all agree.
        const u32 m = de - db;
        for (u32 agreed = 0, k = 0; agreed < m; k = (k + 1 == m) ? 0 : k + 1) {
          const u32 r = dem_res_[db + k];
          const double fit = profiles_[r].earliest_fit(t, d, threshold_[r] - dem_amount_[db + k]);
          if (fit > t) {
            t = fit;
            agreed = 1;
          } else {
            ++agreed;
          }
        }
        const double f = t + d;
        for (u32 k = db; k < de; ++k) profiles_[dem_res_[k]].add(t, f, dem_amount_[k]);
      }
      s.start[a] = t;
      s.finish[a] = t + d;
      makespan = std::max(makespan, s.finish[a]);
    }
    s.makespan = makespan;
    std::size_t visited = 0;
    for (const u32 r : used_resources_) visited += profiles_[r].work();
    work_ += n_ + (visited - visited_before);
    ++schedules_;
  }

  // Forward-backward improvement of the forward schedule s, in place.
  void improve(Schedule& s) {
    for (std::size_t round = 0; round < kLevellingMaxRounds && !over_budget(); ++round) {
      // Right-justify: reverse time, activities by decreasing finish (ties: later in s.list first).
      for (std::size_t k = 0; k < n_; ++k) {
        const u32 a = s.list[k];
        key1_[a] = -s.finish[a];
        key2_[a] = -static_cast<double>(k);
      }
      list_by_keys(true, back_.list);
      sgs(true, back_);
      // Left-justify: forward again, by increasing start in the right-justified schedule.
      for (std::size_t k = 0; k < n_; ++k) {
        const u32 a = back_.list[k];
        key1_[a] = -back_.finish[a];
        key2_[a] = -static_cast<double>(k);
      }
      list_by_keys(false, spare_.list);
      sgs(false, spare_);
      if (!(spare_.makespan < s.makespan - tolerance(s.makespan))) {
        if (spare_.makespan <= s.makespan) std::swap(s, spare_);  // as short, and left-justified
        return;
      }
      std::swap(s, spare_);
      if (reached_bound(s.makespan)) return;
    }
  }

  const u32 n_;
  const LevellingOptions options_;
  Xoshiro256 rng_;

  std::vector<double> dur_, capacity_, threshold_;
  std::vector<double> lft_, rlft_;  // latest finish, forward and in reverse time (CP - earliest start)
  Csr pred_, succ_;
  std::vector<u32> dem_begin_, dem_res_;
  std::vector<double> dem_amount_;
  std::vector<u32> topo_;
  bool all_integer_ = true;
  double critical_path_ = 0, lower_bound_ = 0;
  double regret_offset_ = 1, mean_duration_ = 1;

  std::vector<Profile> profiles_;
  std::vector<u32> used_resources_;  // those some activity loads
  std::vector<double> key1_, key2_;
  std::vector<u32> indegree_, heap_;
  // Activities ranked by latest finish (forward, or in reverse time), 1-based, for the sampling.
  struct Ranking {
    std::vector<u32> rank, order;  // rank[activity], order[rank]
    std::vector<double> value;     // value[rank]: the latest finish
  };
  Ranking rank_forward_, rank_reverse_;
  std::vector<double> fen_count_, fen_sum_;
  std::vector<char> present_;
  std::size_t fen_top_ = 1;  // the largest power of two <= n
  Schedule best_, cand_, back_, spare_, rev_;
  std::size_t work_ = 0, schedules_ = 0;  // work: activities placed + profile points looked at
};

}  // namespace

LevelledSchedule level_resources(const LevellingProblem& problem, const LevellingOptions& options) {
  if (problem.duration.size() >= std::numeric_limits<u32>::max())
    throw std::invalid_argument("levelling: too many activities");
  return Leveller(problem, options).run();
}

std::optional<std::string> check_levelled(const LevellingProblem& problem, const LevelledSchedule& schedule) {
  const std::size_t n = problem.duration.size();
  if (schedule.start.size() != n)
    return "the schedule has " + std::to_string(schedule.start.size()) + " start times for " + std::to_string(n) +
           " activities";
  if (problem.predecessors.size() != n || problem.demand.size() != n)
    return "the problem's predecessors/demand lists do not match its " + std::to_string(n) + " activities";
  double last = 0;
  for (std::size_t a = 0; a < n; ++a) {
    const double s = schedule.start[a], d = problem.duration[a];
    if (!std::isfinite(s)) return "activity " + std::to_string(a) + " has no finite start (" + num(s) + ")";
    if (s < -tolerance(0)) return "activity " + std::to_string(a) + " starts at " + num(s) + ", before time 0";
    if (!std::isfinite(d) || d < 0) return "activity " + std::to_string(a) + " has duration " + num(d);
    last = std::max(last, s + d);
  }
  if (std::fabs(schedule.makespan - last) > tolerance(last))
    return "the makespan is " + num(schedule.makespan) + " but the last activity finishes at " + num(last);

  for (std::size_t a = 0; a < n; ++a)
    for (const std::uint32_t q : problem.predecessors[a]) {
      if (q >= n) return "predecessor " + std::to_string(q) + " of activity " + std::to_string(a) + " is out of range";
      const double f = schedule.start[q] + problem.duration[q];
      if (schedule.start[a] < f - tolerance(f))
        return "activity " + std::to_string(a) + " starts at " + num(schedule.start[a]) + ", before its predecessor " +
               std::to_string(q) + " finishes at " + num(f);
    }

  // Resources: per resource, starts add and finishes remove; at (nearly) equal times the
  // finishes come first, as an activity occupies [start, finish).
  struct Event {
    std::uint32_t resource;
    double time;
    int kind;  // 0 finish, 1 start
    double amount;
    std::uint32_t activity;
  };
  std::vector<Event> events;
  for (std::size_t a = 0; a < n; ++a) {
    const double d = problem.duration[a];
    for (const auto& [r, q] : problem.demand[a]) {
      if (r >= problem.capacity.size())
        return "activity " + std::to_string(a) + " demands resource " + std::to_string(r) + ", which does not exist";
      if (!(q > 0) || !(d > 0)) continue;
      const double s = schedule.start[a], f = s + d;
      const auto act = static_cast<std::uint32_t>(a);
      events.push_back({r, s, 1, q, act});
      events.push_back({r, f - tolerance(f), 0, q, act});
    }
  }
  std::sort(events.begin(), events.end(), [](const Event& x, const Event& y) {
    if (x.resource != y.resource) return x.resource < y.resource;
    if (x.time != y.time) return x.time < y.time;
    if (x.kind != y.kind) return x.kind < y.kind;
    return x.activity < y.activity;
  });
  double load = 0;
  for (std::size_t k = 0; k < events.size(); ++k) {
    const Event& e = events[k];
    if (k == 0 || events[k - 1].resource != e.resource) load = 0;
    if (e.kind == 0) {
      load -= e.amount;
      continue;
    }
    load += e.amount;
    const double cap = problem.capacity[e.resource];
    if (load > cap + tolerance(cap))
      return "resource " + std::to_string(e.resource) + " is loaded " + num(load) + ", over its capacity " + num(cap) +
             ", at time " + num(e.time) + " when activity " + std::to_string(e.activity) + " starts";
  }
  return std::nullopt;
}

}  // namespace clearpath
