// check_model on a large model runs the reference check on a second thread: its diagnostics,
// their order after sorting and their counts past the kept limit are those of the checks run
// one after another.
#include <string>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include "clearpath/model_builder.hpp"
#include "model/checks.hpp"

namespace {

using namespace clearpath;

// "prefix" + n, built by appending (GCC 12 warns falsely of -Wrestrict on "literal" + string).
std::string numbered(const char* prefix, int n) {
  std::string s = prefix;
  s += std::to_string(n);
  return s;
}

// 120,000 steps (past the size at which the checks run in parallel). Every 100th names a
// system nobody defines (unknown-reference), every 100th from the 50th on lasts two million
// days (out-of-range), and s0 and s1 depend on each other (a cycle): 1,200 + 1,200 + 1 errors.
ModelBuilder large_model_with_errors() {
  ModelBuilder b;
  constexpr int kSteps = 120'000;
  for (int i = 0; i < kSteps; ++i) {
    Step s;
    s.id = numbered("s", i);
    s.duration = Duration::fixed(i % 100 == 50 ? 2e6 : 1);
    if (i % 100 == 0) s.system = b.intern(numbered("nowhere-", i));
    if (i == 0) s.depends_on.push_back(b.intern("s1"));
    if (i > 0) s.depends_on.push_back(b.intern(numbered("s", i - 1)));
    const bool added = b.add(std::move(s));
    REQUIRE(added);
  }
  return b;
}

std::vector<std::tuple<std::string, std::string, std::string>> listed(const Diagnostics& d) {
  std::vector<std::tuple<std::string, std::string, std::string>> out;
  for (const Diagnostic& x : d.items()) out.emplace_back(x.code, x.pointer, x.message);
  return out;
}

}  // namespace

TEST_CASE("check_model on a large model: the same diagnostics as the checks one by one", "[model][checks]") {
  const ModelBuilder b = large_model_with_errors();
  Diagnostics together;
  std::vector<DependencyCycle> cycles;
  check_model(b, together, &cycles);
  together.sort();

  Diagnostics one_by_one;
  check_references(b, one_by_one);
  check_dependency_cycles(b, one_by_one);
  check_reporting_cycles(b, one_by_one);
  check_feasibility(b, one_by_one);
  one_by_one.sort();

  CHECK(together.error_count() == 2401);
  CHECK(one_by_one.error_count() == 2401);
  CHECK(together.warning_count() == one_by_one.warning_count());
  CHECK(together.items().size() == Diagnostics::kept_limit);
  CHECK(listed(together) == listed(one_by_one));
  REQUIRE(cycles.size() == 1);
  CHECK(cycles[0].ids.size() == 2);
}
