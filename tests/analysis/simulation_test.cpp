// Monte Carlo and the PERT-beta sampler.
#include <catch2/catch.hpp>

#include <cmath>

#include "analysis/pert_beta.hpp"
#include "clearpath/path_analysis.hpp"
#include "support/test_support.hpp"

using namespace clearpath;

TEST_CASE("PERT-beta quantiles match the exact Beta distribution", "[simulation]") {
  // Mode 0.5: Beta(3, 3), symmetric: median 0.5; its CDF at 0.2 is 0.05792 (I_0.2(3,3)).
  CHECK(pert_beta_quantile(0.5, 0.5) == Approx(0.5).margin(1e-4));
  CHECK(pert_beta_quantile(0.5, 0.05792) == Approx(0.2).margin(1e-3));
  CHECK(pert_beta_quantile(0.5, 0.0) == 0.0);
  CHECK(pert_beta_quantile(0.5, 1.0) == 1.0);
  // Mode 0: Beta(1, 5): CDF 1 - (1 - x)^5, so the u-quantile is 1 - (1 - u)^(1/5).
  for (double u : {0.1, 0.5, 0.9}) CHECK(pert_beta_quantile(0.0, u) == Approx(1 - std::pow(1 - u, 0.2)).margin(2e-4));
  // Mode 0.3 (between table rows): the mean of Beta(2.2, 3.8) is 2.2 / 6 = (0 + 4 * 0.3 + 1) / 6.
  double mean = 0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) mean += pert_beta_quantile(0.3, (i + 0.5) / n);
  CHECK(mean / n == Approx(2.2 / 6).margin(1e-3));
}

namespace {
const char* kModel = R"({
  "initiatives": [{"id": "i", "momentum_days": 20, "value_per_month": 26000}],
  "steps": [
    {"id": "a", "initiative": "i", "duration": {"optimistic": 2, "likely": 5, "pessimistic": 14}},
    {"id": "b", "initiative": "i", "duration": {"optimistic": 3, "likely": 6, "pessimistic": 9}, "depends_on": ["a"]},
    {"id": "c", "initiative": "i", "duration": {"optimistic": 4, "likely": 8, "pessimistic": 12}, "depends_on": ["a"]},
    {"id": "d", "initiative": "i", "duration": 1, "depends_on": ["b", "c"]}]})";
}

TEST_CASE("simulation: same seed, same figures, whatever the number of threads", "[simulation]") {
  const Model m = clearpath::test::load_valid(kModel);
  PathOptions o;
  o.simulate = 5000;
  o.seed = 11;
  o.threads = 1;
  const Simulation one = *analyze_path(m, o).simulation;
  o.threads = 2;
  const Simulation two = *analyze_path(m, o).simulation;
  o.threads = 5;
  const Simulation five = *analyze_path(m, o).simulation;
  CHECK(one.p50 == two.p50);
  CHECK(one.p80 == five.p80);
  CHECK(one.p95 == two.p95);
  CHECK(one.criticality == two.criticality);
  CHECK(one.criticality == five.criticality);
  CHECK(one.p_within_momentum == five.p_within_momentum);
  o.seed = 12;
  CHECK(analyze_path(m, o).simulation->p80 != one.p80);
}

TEST_CASE("simulation: figures within the bounds the estimates allow", "[simulation]") {
  const Model m = clearpath::test::load_valid(kModel);
  PathOptions o;
  o.simulate = 4000;
  for (Distribution d : {Distribution::pert_beta, Distribution::triangular}) {
    o.distribution = d;
    const PathAnalysis a = analyze_path(m, o);
    const Simulation& s = *a.simulation;
    // Shortest possible: 2 + max(3, 4) + 1 = 7; longest: 14 + max(9, 12) + 1 = 27.
    CHECK(s.p50 >= 7);
    CHECK(s.p95 <= 27);
    CHECK(s.p50 <= s.p80);
    CHECK(s.p80 <= s.p95);
    // a and d are on every longest path; b or c on each run's, sharing the runs.
    const auto crit = [&](const char* id) {
      for (std::uint32_t i = 0; i < a.network.size(); ++i)
        if (m.id(a.network.activity[i]) == id) return s.criticality[i];
      return -1.0;
    };
    CHECK(crit("a") == 1.0);
    CHECK(crit("d") == 1.0);
    CHECK(crit("b") + crit("c") == Approx(1.0).margin(0.01));  // ties are rare with continuous draws
    CHECK(crit("c") > crit("b"));                              // c is longer on average
    // PERT-beta mean of the path a-c-d is 6 + 8 + 1 = 15; the median of the max is near it.
    if (d == Distribution::pert_beta) CHECK(s.p50 == Approx(15.3).margin(1.0));
    REQUIRE(s.p_within_momentum.has_value());
    CHECK(*s.p_within_momentum > 0.8);  // 20 days is above P80
  }
}
