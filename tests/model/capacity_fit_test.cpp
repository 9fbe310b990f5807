// The demand-fits-capacity rule and number format shared by the loader's feasibility check and
// the analyses' resource load (src/model/capacity_fit.hpp).
#include <catch2/catch.hpp>

#include "model/capacity_fit.hpp"

using namespace clearpath;

TEST_CASE("a demand fits a capacity up to the load tolerance, and nothing fits no capacity") {
  CHECK(fits_capacity(1, 1));
  CHECK(fits_capacity(0.5, 2));
  CHECK(fits_capacity(1 + 0.5e-9, 1));
  CHECK_FALSE(fits_capacity(1 + 2e-9, 1));
  CHECK_FALSE(fits_capacity(3, 2));
  CHECK_FALSE(fits_capacity(0, 0));
  CHECK_FALSE(fits_capacity(1, 0));
  CHECK_FALSE(fits_capacity(0, -1));
}

TEST_CASE("amounts and capacities are written as %g") {
  CHECK(load_number(2) == "2");
  CHECK(load_number(0.5) == "0.5");
  CHECK(load_number(1.25) == "1.25");
  CHECK(load_number(1e6) == "1e+06");
  CHECK(load_number(0) == "0");
}
