// The blocked resource profile of resource levelling (see resource_profile.hpp).
#include "analysis/resource_profile.hpp"

#include <algorithm>
#include <utility>

namespace clearpath::levelling_detail {

void ResourceProfile::reset() {
  while (blocks_.size() > 1) {
    spare_.push_back(std::move(blocks_.back()));
    blocks_.pop_back();
  }
  first_.resize(1);
  clear(blocks_[0]);
}

// The earliest t >= t0 at which the load stays <= threshold on [t, t + d); d > 0.
double ResourceProfile::earliest_fit(double t0, double d, double threshold) {
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
void ResourceProfile::add(double s, double f, double amount) {
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

void ResourceProfile::clear(Block& blk) {
  blk.pts.clear();
  blk.lazy = blk.max = blk.min = 0;
}

void ResourceProfile::push_down(Block& blk) {
  if (blk.lazy == 0) return;
  for (Point& pt : blk.pts) pt.load += blk.lazy;
  blk.lazy = 0;
}

void ResourceProfile::recompute(Block& blk) {
  blk.max = -std::numeric_limits<double>::infinity();
  blk.min = std::numeric_limits<double>::infinity();
  for (const Point& pt : blk.pts) {
    blk.max = std::max(blk.max, pt.load + blk.lazy);
    blk.min = std::min(blk.min, pt.load + blk.lazy);
  }
}

// The last point at or before t.
ResourceProfile::Pos ResourceProfile::locate(double t) const {
  if (blocks_[0].pts.empty() || t < blocks_[0].pts.front().time) return {0, -1};
  std::size_t b = 0;
  if (blocks_.size() > 1)
    b = static_cast<std::size_t>(std::upper_bound(first_.begin(), first_.end(), t) - first_.begin()) - 1;
  const auto& pts = blocks_[b].pts;
  const auto at = std::upper_bound(pts.begin(), pts.end(), t, [](double v, const Point& pt) { return v < pt.time; });
  return {b, at - pts.begin() - 1};
}

// The first point from p on (p itself whatever its time, later ones before `limit`) whose load
// exceeds the threshold; {kEnd, 0} when there is none.
ResourceProfile::Pos ResourceProfile::first_blocked(Pos p, double limit, double threshold) {
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
ResourceProfile::Pos ResourceProfile::first_free_after(Pos p, double threshold) {
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
ResourceProfile::Pos ResourceProfile::ensure_point(double t) {
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
std::size_t ResourceProfile::split(std::size_t b) {
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

}  // namespace clearpath::levelling_detail
