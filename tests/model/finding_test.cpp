#include <catch2/catch.hpp>

#include "clearpath/finding.hpp"

using namespace clearpath;

TEST_CASE("severity names parse back", "[finding]") {
  for (Severity s : {Severity::info, Severity::warning, Severity::error}) CHECK(parse_severity(severity_name(s)) == s);
  CHECK_FALSE(parse_severity("fatal").has_value());
  CHECK(Severity::error > Severity::warning);
  CHECK(Severity::warning > Severity::info);
}

TEST_CASE("findings sort by severity, then cost of delay, then kind and subjects", "[finding]") {
  std::vector<Finding> f = {
      {"b", Severity::warning, {"x"}, "", 1, 100}, {"a", Severity::error, {"y"}, "", 1, 10},
      {"a", Severity::error, {"x"}, "", 5, 500},   {"c", Severity::info, {"z"}, "", 0, 0},
      {"a", Severity::error, {"w"}, "", 1, 10},
  };
  sort_findings(f);
  std::vector<std::string> order;
  for (const Finding& x : f) order.push_back(x.kind + ":" + x.subjects[0]);
  CHECK(order == std::vector<std::string>{"a:x", "a:w", "a:y", "b:x", "c:z"});
}
