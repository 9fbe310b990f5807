#pragma once
// The load of one resource over time on a grid of unit cells, for small resource levelling
// problems whose times are all integers (levelling.cpp picks it; resource_profile.hpp is the
// general profile). Private to the library.
//
// Cell c holds the load on [c, c + 1). Searching for a fit looks at the cells of one window,
// last first, and jumps past the latest blocked one; adding an interval adds to its cells. Both
// cost the duration in cells, which is small when the grid is chosen (levelling_setup.cpp), and
// read memory in order: on PSPLIB-sized problems this is several times quicker than the change
// points. The answers are those of ResourceProfile for integer times.
#include <algorithm>
#include <cstddef>
#include <vector>

namespace clearpath::levelling_detail {

class GridProfile {
 public:
  void reset() {
    std::fill(load_.begin(), load_.begin() + static_cast<std::ptrdiff_t>(used_), 0.0);
    used_ = 0;
  }

  void prefetch() const { __builtin_prefetch(load_.data()); }

  // Cells looked at, for the work budget.
  std::size_t work() const { return work_; }

  // The earliest t >= t0 at which the load stays <= threshold on [t, t + d); t0 and d integers,
  // d > 0, threshold > 0. Cells from used_ on are empty.
  double earliest_fit(double t0, double d, double threshold) {
    auto t = static_cast<std::size_t>(t0);
    const auto len = static_cast<std::size_t>(d);
    std::size_t looked = kCallWork;
    for (;;) {
      std::size_t k = std::min(t + len, used_);
      const std::size_t from = k;
      while (k > t && load_[k - 1] <= threshold) --k;
      looked += from > k ? from - k : 0;
      if (k <= t) break;
      t = k;  // cell k - 1 is over the threshold
    }
    work_ += looked;
    return static_cast<double>(t);
  }

  // Adds `amount` to the load on [s, f); s and f integers.
  void add(double s, double f, double amount) {
    const auto from = static_cast<std::size_t>(s), to = static_cast<std::size_t>(f);
    if (to <= from) return;
    if (to > load_.size()) load_.resize(std::max(to, 2 * load_.size()), 0.0);
    for (std::size_t c = from; c < to; ++c) load_[c] += amount;
    used_ = std::max(used_, to);
    work_ += kCallWork + (to - from);
  }

 private:
  static constexpr std::size_t kCallWork = 8;  // a search or an addition, in work units
  std::vector<double> load_;
  std::size_t used_ = 0;  // cells from here on are 0
  std::size_t work_ = 0;
};

}  // namespace clearpath::levelling_detail
