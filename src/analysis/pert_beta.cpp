#include "analysis/pert_beta.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace clearpath {
namespace {

constexpr int kModes = 64;      // table rows: r = i / kModes
constexpr int kLevels = 1024;   // table columns: u = j / kLevels
constexpr int kGrid = 1 << 14;  // cells of the numerical CDF

struct Table {
  std::vector<std::array<double, kLevels + 1>> q = std::vector<std::array<double, kLevels + 1>>(kModes + 1);

  Table() {
    std::vector<double> cdf(kGrid + 1);
    for (int i = 0; i <= kModes; ++i) {
      const double r = static_cast<double>(i) / kModes, a = 1 + 4 * r, b = 1 + 4 * (1 - r);
      // Cumulative density by the trapezoid rule; the density is finite at both ends (a, b >= 1).
      auto pdf = [&](double x) { return std::pow(x, a - 1) * std::pow(1 - x, b - 1); };
      cdf[0] = 0;
      double previous = pdf(0);
      for (int k = 1; k <= kGrid; ++k) {
        const double now = pdf(static_cast<double>(k) / kGrid);
        cdf[k] = cdf[k - 1] + (previous + now) / 2;
        previous = now;
      }
      for (double& c : cdf) c /= cdf[kGrid];
      // Invert: for each probability level, the x where the CDF reaches it.
      int k = 0;
      for (int j = 0; j <= kLevels; ++j) {
        const double u = static_cast<double>(j) / kLevels;
        while (k < kGrid && cdf[k + 1] < u) ++k;
        const double span = cdf[k + 1] - cdf[k];
        const double t = span > 0 ? std::clamp((u - cdf[k]) / span, 0.0, 1.0) : 0.0;
        q[i][j] = std::min(1.0, (k + t) / kGrid);
      }
      q[i][0] = 0;
      q[i][kLevels] = 1;
    }
  }
};

const Table& table() {
  static const Table t;  // built once, thread-safe
  return t;
}

double row(const std::array<double, kLevels + 1>& q, double u) {
  const double pos = std::clamp(u, 0.0, 1.0) * kLevels;
  const int j = std::min(static_cast<int>(pos), kLevels - 1);
  const double f = pos - j;
  return q[j] * (1 - f) + q[j + 1] * f;
}

}  // namespace

double pert_beta_quantile(double r, double u) {
  const Table& t = table();
  const double pos = std::clamp(r, 0.0, 1.0) * kModes;
  const int i = std::min(static_cast<int>(pos), kModes - 1);
  const double f = pos - i;
  return row(t.q[i], u) * (1 - f) + row(t.q[i + 1], u) * f;
}

}  // namespace clearpath
