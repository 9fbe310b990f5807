#include <catch2/catch.hpp>

#include <sstream>

#include "clearpath/stats.hpp"
#include "clearpath/synthetic.hpp"
#include "support/test_support.hpp"

using namespace clearpath;

TEST_CASE("same seed gives the same bytes, another seed other bytes", "[synthetic]") {
  const std::string a = synthetic_model({2000, 400, 7});
  CHECK(a == synthetic_model({2000, 400, 7}));
  std::ostringstream streamed;
  write_synthetic_model({2000, 400, 7}, streamed);
  CHECK(streamed.str() == a);
  CHECK(a != synthetic_model({2000, 400, 8}));
}

TEST_CASE("property: synthetic models of many sizes and seeds are valid", "[synthetic][property]") {
  for (std::size_t steps : {1, 5, 50, 999, 5000}) {
    for (std::uint64_t seed : {1, 2, 3}) {
      const std::size_t people = std::max<std::size_t>(1, steps / 5);
      INFO("steps " << steps << " seed " << seed);
      LoadResult r = load_model(synthetic_model({steps, people, seed}));
      for (const Diagnostic& d : r.diagnostics.items()) UNSCOPED_INFO(d.pointer << ": " << d.message);
      REQUIRE(r.model.has_value());
      CHECK(r.diagnostics.items().empty());
      CHECK(r.model->steps().size() == steps);
      CHECK(r.model->people().size() == people);
    }
  }
}

TEST_CASE("synthetic models look like organisations", "[synthetic]") {
  const Model m = clearpath::test::load_valid(synthetic_model({10000, 2000, 42}));
  const ModelStats s = compute_stats(m);
  // A reports_to tree: everyone but the root has a manager.
  CHECK(s.relations[static_cast<int>(Relation::reports_to)] == 1999);
  // Every step has 0-4 dependencies, most at least one.
  std::size_t with_deps = 0;
  for (const Step& st : m.steps()) {
    CHECK(st.depends_on.size() <= 4);
    with_deps += !st.depends_on.empty();
  }
  CHECK(with_deps > 9000);
  CHECK(s.legacy_systems > 0);
  CHECK(s.three_point_steps > 2000);
  CHECK(m.approvals().size() > 0);
  std::size_t sides_it = 0, sides_business = 0;
  for (const Department& d : m.departments()) {
    sides_it += d.side == "it";
    sides_business += d.side == "business";
  }
  CHECK(sides_it > 0);
  CHECK(sides_business > 0);
}
