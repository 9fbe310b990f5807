// Resource levelling: the serial schedule-generation scheme and forward-backward improvement
// (justification).
#include "analysis/levelling_parts.hpp"

#include <algorithm>
#include <cstddef>
#include <utility>

namespace clearpath::levelling_detail {

namespace {
constexpr std::size_t kAhead = 16;  // how far ahead in the list sgs prefetches
}  // namespace

// Places s.list in order (reverse: in mirrored time, successors first); fills start, finish
// and makespan (in that direction's time). The link types are looked at once a pass: a plain
// network runs the finish-to-start loop with no distances to read.
void Leveller::sgs(bool reverse, SerialSchedule& s) {
  if (grid_) {
    if (typed_) sgs_pass<true>(reverse, s, grids_);
    else sgs_pass<false>(reverse, s, grids_);
  } else {
    if (typed_) sgs_pass<true>(reverse, s, profiles_);
    else sgs_pass<false>(reverse, s, profiles_);
  }
}

// Each activity starts at the earliest time >= 0 that its links allow (finish-to-start: the
// latest finish of those placed before it; Typed: the latest start + distance, see
// before_delta) at which all its demands fit for its whole duration.
template <bool Typed, class Profile>
void Leveller::sgs_pass(bool reverse, SerialSchedule& s, std::vector<Profile>& profiles) {
  const Csr& bef = before(reverse);
  [[maybe_unused]] const std::vector<double>& delta = before_delta(reverse);
  // What a link reads of the activity before it: its start (Typed) or its finish.
  const std::vector<double>& placed = Typed ? s.start : s.finish;
  for (const u32 r : used_resources_) profiles[r].reset();
  std::size_t visited_before = 0;
  for (const u32 r : used_resources_) visited_before += profiles[r].work();
  double makespan = 0;
  const std::size_t n = s.list.size();
  for (std::size_t pos = 0; pos < n; ++pos) {
    // The list visits the activities in no order of their indices: fetch the rows of the
    // activities a few places ahead, so that their cache misses overlap this one's work.
    if (pos + kAhead < n) {
      const u32 next = s.list[pos + kAhead];
      __builtin_prefetch(&bef.begin[next]);
      __builtin_prefetch(&dem_begin_[next]);
      __builtin_prefetch(&dur_[next]);
    }
    if (pos + kAhead / 2 < n) {
      const u32 next = s.list[pos + kAhead / 2];
      // Pointers, not elements: the row may be empty, at the end of its array.
      __builtin_prefetch(bef.item.data() + bef.begin[next]);
      if constexpr (Typed) __builtin_prefetch(delta.data() + bef.begin[next]);
      __builtin_prefetch(dem_res_.data() + dem_begin_[next]);
      __builtin_prefetch(dem_amount_.data() + dem_begin_[next]);
    }
    if (pos + kAhead / 4 < n) {
      const u32 next = s.list[pos + kAhead / 4];
      for (u32 i = bef.begin[next]; i < bef.begin[next + 1]; ++i) __builtin_prefetch(&placed[bef.item[i]]);
      for (u32 i = dem_begin_[next]; i < dem_begin_[next + 1]; ++i) __builtin_prefetch(&profiles[dem_res_[i]]);
    }
    if (pos + kAhead / 8 < n) {
      const u32 next = s.list[pos + kAhead / 8];
      for (u32 i = dem_begin_[next]; i < dem_begin_[next + 1]; ++i) profiles[dem_res_[i]].prefetch();
    }
    const u32 a = s.list[pos];
    double t = 0;
    if constexpr (Typed)
      for (u32 i = bef.begin[a]; i < bef.begin[a + 1]; ++i) t = std::max(t, placed[bef.item[i]] + delta[i]);
    else
      for (u32 i = bef.begin[a]; i < bef.begin[a + 1]; ++i) t = std::max(t, placed[bef.item[i]]);
    const double d = dur_[a];
    const u32 db = dem_begin_[a], de = dem_begin_[a + 1];
    if (d > 0 && de > db) {
      // Every resource in turn moves t to its earliest fit from t, until all agree.
      const u32 m = de - db;
      for (u32 agreed = 0, k = 0; agreed < m; k = (k + 1 == m) ? 0 : k + 1) {
        const u32 r = dem_res_[db + k];
        const double fit = profiles[r].earliest_fit(t, d, threshold_[r] - dem_amount_[db + k]);
        if (fit > t) {
          t = fit;
          agreed = 1;
        } else {
          ++agreed;
        }
      }
      const double f = t + d;
      for (u32 k = db; k < de; ++k) profiles[dem_res_[k]].add(t, f, dem_amount_[k]);
    }
    s.start[a] = t;
    s.finish[a] = t + d;
    makespan = std::max(makespan, s.finish[a]);
  }
  s.makespan = makespan;
  std::size_t visited = 0;
  for (const u32 r : used_resources_) visited += profiles[r].work();
  work_ += n_ + (visited - visited_before);
  ++schedules_;
}

// Forward-backward improvement of the forward schedule s, in place.
void Leveller::improve(SerialSchedule& s, std::size_t rounds) {
  for (std::size_t round = 0; round < rounds && !over_budget(); ++round) {
    // Right-justify: reverse time, activities by decreasing finish (ties: later in s.list first).
    list_by_finish(s, true, back_.list);
    sgs(true, back_);
    // Left-justify: forward again, by increasing start in the right-justified schedule.
    list_by_finish(back_, false, spare_.list);
    sgs(false, spare_);
    if (!(spare_.makespan < s.makespan - tolerance(s.makespan))) {
      if (spare_.makespan <= s.makespan) std::swap(s, spare_);  // as short, and left-justified
      return;
    }
    std::swap(s, spare_);
    if (reached_bound(s.makespan)) return;
  }
}

}  // namespace clearpath::levelling_detail
