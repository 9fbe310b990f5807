#include <catch2/catch.hpp>

#include <sstream>

#include "clearpath/approval_rules.hpp"
#include "clearpath/conflicts.hpp"
#include "clearpath/save.hpp"
#include "clearpath/stats.hpp"
#include "support/test_support.hpp"
#include "synthetic/synthetic.hpp"

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

// The classic model (no --gates, no --max-approvers) must not change: benchmarks and saved
// files rely on its exact bytes. FNV-1a 64 of the text.
TEST_CASE("the classic model keeps its exact bytes", "[synthetic]") {
  const std::string text = synthetic_model({2000, 400, 7});
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) hash = (hash ^ c) * 0x100000001b3ULL;
  CHECK(text.size() == 373041);
  CHECK(hash == 0xce9578b6527e7797ULL);
  CHECK(synthetic_model({2000, 400, 7, 0, 0}) == text);
}

namespace {

SyntheticOptions org_options(std::size_t steps, std::size_t people, std::uint64_t seed, std::size_t gates,
                             std::size_t max_approvers) {
  SyntheticOptions o;
  o.steps = steps;
  o.people = people;
  o.seed = seed;
  o.gates = gates;
  o.max_approvers = max_approvers;
  return o;
}

}  // namespace

TEST_CASE("organisation-aware gates: exactly N approvals with 1 to max approvers, all valid", "[synthetic][property]") {
  struct Size {
    std::size_t steps, people, gates, max_approvers;
  };
  for (const Size& size : {Size{1, 1, 5, 3}, Size{5, 3, 7, 1}, Size{50, 10, 20, 20}, Size{300, 40, 60, 2},
                           Size{2000, 4000, 500, 20}, Size{1000, 200, 0, 4}}) {
    for (std::uint64_t seed : {1, 2, 3}) {
      INFO("steps " << size.steps << " people " << size.people << " gates " << size.gates << " max "
                    << size.max_approvers << " seed " << seed);
      const LoadResult r =
          load_model(synthetic_model(org_options(size.steps, size.people, seed, size.gates, size.max_approvers)));
      for (const Diagnostic& d : r.diagnostics.items()) UNSCOPED_INFO(d.pointer << ": " << d.message);
      REQUIRE(r.model.has_value());
      CHECK(r.diagnostics.items().empty());
      const Model& m = *r.model;
      CHECK(m.steps().size() == size.steps);
      CHECK(m.people().size() == size.people);
      if (size.gates > 0) CHECK(m.approvals().size() == size.gates);
      CHECK(!m.approvals().empty());
      for (const Approval& a : m.approvals()) {
        CHECK(!a.approvers.empty());
        CHECK(a.approvers.size() <= size.max_approvers);
        CHECK(a.rule.min_approvers >= 1);
        CHECK(a.rule.min_approvers <= 3);
        CHECK(a.rule.slots.size() <= size.max_approvers);
        CHECK(a.initiative != kNoRef);
      }
    }
  }
}

TEST_CASE("organisation-aware gates mix rule features and are mostly satisfiable", "[synthetic]") {
  const Model m = clearpath::test::load_valid(synthetic_model(org_options(5000, 20000, 11, 1000, 20)));
  REQUIRE(m.approvals().size() == 1000);
  std::size_t side = 0, role = 0, department = 0, distinct = 0, independent = 0, unavailable = 0;
  std::size_t long_lists = 0, with_dependencies = 0;
  for (const Approval& a : m.approvals()) {
    for (const Slot& s : a.rule.slots) {
      side += !s.side.empty();
      role += !s.role.empty();
      department += s.department != kNoRef;
    }
    distinct += a.rule.distinct_departments;
    independent += a.rule.independent;
    for (Ref p : a.approvers) unavailable += !m.person(p).available;
    long_lists += a.approvers.size() >= 10;
    with_dependencies += !a.depends_on.empty();
  }
  CHECK(side > 0);
  CHECK(role > 0);
  CHECK(department > 0);
  CHECK(distinct > 0);
  CHECK(independent > 0);
  CHECK(unavailable > 0);
  CHECK(long_lists > 0);
  CHECK(with_dependencies > 900);

  // A realistic minority of the gates cannot be met by their available approvers.
  const auto index = index_organisation(m);
  std::size_t unsatisfiable = 0;
  for (std::size_t g = 0; g < m.approvals().size(); ++g)
    unsatisfiable += !check_gate(m, m.ref_of(EntityKind::approval, g), {}, index.get()).satisfiable;
  CHECK(unsatisfiable >= 50);   // 5%
  CHECK(unsatisfiable <= 150);  // 15%
}

TEST_CASE("organisation-aware gates: same seed gives the same bytes, another seed other bytes", "[synthetic]") {
  const SyntheticOptions options = org_options(3000, 6000, 5, 400, 20);
  const std::string a = synthetic_model(options);
  CHECK(a == synthetic_model(options));
  std::ostringstream streamed;
  write_synthetic_model(options, streamed);
  CHECK(streamed.str() == a);
  CHECK(a != synthetic_model(org_options(3000, 6000, 6, 400, 20)));
  CHECK(a != synthetic_model({3000, 6000, 5}));
}

TEST_CASE("generate takes --gates and --max-approvers and checks their range", "[synthetic][cli]") {
  using clearpath::test::run;
  const auto a = run({"generate", "--steps", "100", "--people", "300", "--gates", "40", "--max-approvers", "20"});
  REQUIRE(a.status == 0);
  CHECK(a.out == synthetic_model(org_options(100, 300, 1, 40, 20)));
  CHECK(clearpath::test::load_valid(a.out).approvals().size() == 40);
  CHECK(run({"generate", "--steps", "100", "--max-approvers", "0"}).status == 2);
  CHECK(run({"generate", "--steps", "100", "--max-approvers", "1001"}).status == 2);
  CHECK(run({"generate", "--steps", "100", "--gates", "-1"}).status == 2);
  CHECK(run({"generate", "--steps", "100", "--gates", "10000001"}).status == 2);
}

TEST_CASE("synthetic models can always be levelled: no demand beyond a resource's capacity", "[synthetic]") {
  // Seed 42 at 10,000 steps once demanded 1 FTE of a department with one half-time member.
  for (const auto& [steps, seed] :
       std::vector<std::pair<std::size_t, std::uint64_t>>{{10000, 42}, {3000, 7}, {500, 1}}) {
    INFO(steps << " steps, seed " << seed);
    clearpath::SyntheticOptions o;
    o.steps = steps;
    o.people = steps / 5;
    o.seed = seed;
    const clearpath::Model m = clearpath::test::load_valid(clearpath::synthetic_model(o));
    clearpath::ConflictOptions c;
    c.levelling.effort = 0;
    CHECK_NOTHROW(clearpath::analyze_conflicts(m, c));
  }
}

TEST_CASE("the generated Model is what its text loads back into", "[synthetic][builder]") {
  for (const SyntheticOptions& o : {SyntheticOptions{3000, 600, 3}, org_options(2000, 3000, 4, 300, 12)}) {
    const Model built = generate_synthetic_model(o);
    const Model loaded = clearpath::test::load_valid(synthetic_model(o));
    CHECK(built.steps().size() == o.steps);
    CHECK(built.people().size() == o.people);
    CHECK(built.steps()[17].source_index == 17);
    CHECK(save_model(built) == save_model(loaded));
  }
}
