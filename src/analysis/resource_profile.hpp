#pragma once
// The load of one resource over time, for the serial schedule-generation scheme of resource
// levelling (levelling.cpp). Private to the library.
//
// Sorted change points (time, load from then on) kept in blocks of at most kBlockMax points, each
// block with bounds on its loads and a lazy addend: finding the earliest fit skips whole blocks
// that are all free or all too loaded, and adding an interval touches O(block) points plus O(1)
// per block it covers.
#include <cstddef>
#include <limits>
#include <vector>

namespace clearpath::levelling_detail {

// Zero before the first point and after the last (the last point is always a finish with load
// exactly 0, as loads are only ever added to points before a finish).
class ResourceProfile {
 public:
  ResourceProfile() : blocks_(1), first_(1, 0.0) {}

  void reset();

  // Asks for the first block's points to be brought into the cache.
  void prefetch() const {
    __builtin_prefetch(blocks_.data());
    if (!blocks_.front().pts.empty()) __builtin_prefetch(blocks_.front().pts.data());
  }

  // Points and blocks looked at, for the work budget.
  std::size_t work() const { return work_; }

  // The earliest t >= t0 at which the load stays <= threshold on [t, t + d); d > 0.
  double earliest_fit(double t0, double d, double threshold);

  // Adds `amount` to the load on [s, f).
  void add(double s, double f, double amount);

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

  static void clear(Block& blk);
  static void push_down(Block& blk);
  static void recompute(Block& blk);

  double time(Pos p) const { return blocks_[p.b].pts[static_cast<std::size_t>(p.i)].time; }
  double last_time() const { return blocks_.back().pts.empty() ? 0.0 : blocks_.back().pts.back().time; }

  // The last point at or before t.
  Pos locate(double t) const;
  // The first point from p on (p itself whatever its time, later ones before `limit`) whose load
  // exceeds the threshold; {kEnd, 0} when there is none.
  Pos first_blocked(Pos p, double limit, double threshold);
  // The first point after p whose load is within the threshold.
  Pos first_free_after(Pos p, double threshold);
  // The point at t, inserted (with the load of the segment it splits) if need be.
  Pos ensure_point(double t);
  // Moves the second half of block b into a new block after it; returns the size of the first.
  std::size_t split(std::size_t b);

  std::vector<Block> blocks_;  // never empty; all non-empty unless the profile is
  std::vector<double> first_;  // first_[b]: the time of block b's first point (for the search)
  std::vector<Block> spare_;
  std::size_t work_ = 0;
};

}  // namespace clearpath::levelling_detail
