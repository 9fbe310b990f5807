// `clearpath path` from the command line: the JSON contract, the text sections, exit codes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/test_support.hpp"

using clearpath::test::run;
using clearpath::test::source_path;

TEST_CASE("path --format json has the documented keys", "[cli][path]") {
  auto r = run(
      {"path", source_path("graphs/churn-model.json"), "--format", "json", "--simulate", "200", "--fail-on", "never"});
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.out);
  for (const char* key : {"duration", "critical_path", "items", "legacy_chain", "blockers", "cycles", "simulation",
                          "initiatives", "findings", "pert"})
    CHECK(j.contains(key));
  CHECK(j["duration"] == 187);
  CHECK(j["critical_path"].front() == "poc-model");
  CHECK(j["critical_path"].back() == "production-go-live");
  const auto& item = j["items"][0];
  for (const char* key : {"id", "es", "ef", "ls", "lf", "total_float", "free_float", "critical"})
    CHECK(item.contains(key));
  for (const char* by : {"by_count", "by_duration"})
    for (const char* key : {"steps", "path", "count", "duration"}) CHECK(j["legacy_chain"][by].contains(key));
  for (const char* key : {"id", "reason", "delay_days", "cost_of_delay"}) CHECK(j["blockers"][0].contains(key));
  for (const char* key : {"runs", "p50", "p80", "p95", "p_within_momentum", "criticality"})
    CHECK(j["simulation"].contains(key));
  CHECK(j["simulation"]["runs"] == 200);
  CHECK(j["cycles"].empty());
}

TEST_CASE("the churn example: its planted critical path and blockers", "[cli][path]") {
  auto r = run({"path", source_path("graphs/churn-model.json"), "--format", "json"});
  CHECK(r.status == 1);  // a blocker on the critical path is an error finding
  const auto j = nlohmann::json::parse(r.out);
  const auto model = nlohmann::json::parse(clearpath::test::read_source_file("graphs/churn-model.json"));
  const auto& expected = model["attributes"]["expected_schedule"];
  CHECK(j["critical_path"] == expected["critical_path"]);
  CHECK(j["duration"] == expected["duration_days_remaining"]);
  auto full = nlohmann::json::parse(
      run({"path", source_path("graphs/churn-model.json"), "--format", "json", "--from-scratch"}).out);
  CHECK(full["duration"] == expected["duration_days_full"]);
  // The costliest blocker: the funding gate that cannot be granted (the co-pilot analysis says why),
  // then the MLOps skills gap.
  CHECK(j["blockers"][0]["id"] == "production-funding");
  CHECK(j["blockers"][0]["code"] == "approvers");
  CHECK(j["blockers"][0]["reason"].get<std::string>().rfind("no business-side executive among the available approvers",
                                                            0) == 0);
  CHECK(j["blockers"][1]["id"] == "deploy-model-serving");
  CHECK(j["blockers"][1]["code"] == "skills-gap");
  bool legacy_finding = false;
  for (const auto& f : j["findings"]) legacy_finding = legacy_finding || f["kind"] == "legacy-chain-exceeds-momentum";
  CHECK(legacy_finding);
}

TEST_CASE("path text has its sections", "[cli][path]") {
  auto r = run({"path", source_path("graphs/minimal.json"), "--explain", "train"});
  for (const char* section : {"SUMMARY", "CRITICAL PATH", "LONGEST LEGACY-SYSTEM CHAIN", "BLOCKERS", "RISK",
                              "BUSINESS CASE", "EXPLAIN train"})
    CHECK(r.out.find(section) != std::string::npos);
  CHECK(r.out.find("earliest start 19.0, set by: funding -> extract -> train") != std::string::npos);
}

TEST_CASE("path --to and --initiative restrict the network and unknown ids exit 2", "[cli][path]") {
  auto to = nlohmann::json::parse(
      run({"path", source_path("graphs/minimal.json"), "--to", "extract", "--format", "json", "--fail-on", "never"})
          .out);
  CHECK(to["critical_path"] == nlohmann::json::array({"funding", "extract"}));
  CHECK(to["duration"] == 19);  // 10 days of lead time, then (5 + 32 + 17) / 6 = 9
  auto bad = run({"path", source_path("graphs/minimal.json"), "--to", "nothing"});
  CHECK(bad.status == 2);
  CHECK(bad.err.find("no step or approval 'nothing'") != std::string::npos);
  CHECK(run({"path", source_path("graphs/minimal.json"), "--initiative", "train"}).status == 2);
  CHECK(run({"path", source_path("graphs/minimal.json"), "--explain", "nobody"}).status == 2);
}

TEST_CASE("path --fail-on decides the exit status", "[cli][path]") {
  const std::string f = source_path("graphs/churn-model.json");
  CHECK(run({"path", f}).status == 1);
  CHECK(run({"path", f, "--fail-on", "never"}).status == 0);
  CHECK(run({"path", f, "--fail-on", "warning"}).status == 1);
  CHECK(run({"path", f, "--fail-on", "sometimes"}).status == 2);
}

TEST_CASE("a dependency cycle: every cycle with ids and names, exit 2", "[cli][path]") {
  const std::string model = R"({"steps": [
    {"id": "a", "name": "Alpha", "duration": 1, "depends_on": ["c"]},
    {"id": "b", "duration": 1, "depends_on": ["a"]},
    {"id": "c", "duration": 1, "depends_on": ["b"]},
    {"id": "x", "duration": 1, "depends_on": ["y"]},
    {"id": "y", "duration": 1, "depends_on": ["x"]}]})";
  auto text = run({"path", "-"}, model);
  CHECK(text.status == 2);
  CHECK(text.out.find("cycle of 3: a (Alpha) -> c -> b -> a") != std::string::npos);
  CHECK(text.out.find("cycle of 2: x -> y -> x") != std::string::npos);
  auto json = run({"path", "-", "--format", "json"}, model);
  CHECK(json.status == 2);
  const auto j = nlohmann::json::parse(json.out);
  CHECK(j["cycles"] == nlohmann::json::parse(R"([["a", "c", "b", "a"], ["x", "y", "x"]])"));
}

TEST_CASE("a self-dependency is a cycle of length 1", "[cli][path]") {
  auto r = run({"path", "-", "--format", "json"}, R"({"steps": [{"id": "a", "duration": 1, "depends_on": ["a"]}]})");
  CHECK(r.status == 2);
  CHECK(nlohmann::json::parse(r.out)["cycles"] == nlohmann::json::parse(R"([["a", "a"]])"));
  CHECK(run({"path", "-"}, R"({"steps": [{"id": "a", "duration": 1, "depends_on": ["a"]}]})")
            .out.find("cycle of 1: a -> a") != std::string::npos);
}

TEST_CASE("a cycle of 10,000 steps is reported without recursion", "[cli][path]") {
  std::string steps;
  const int n = 10000;
  for (int i = 0; i < n; ++i)
    steps += std::string(i ? "," : "") + "{\"id\": \"s" + std::to_string(i) +
             "\", \"duration\": 1, \"depends_on\": [\"s" + std::to_string((i + 1) % n) + "\"]}";
  auto r = run({"path", "-", "--format", "json"}, "{\"steps\": [" + steps + "]}");
  CHECK(r.status == 2);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["cycles"].size() == 1);
  CHECK(j["cycles"][0].size() == n + 1);
  CHECK(j["cycles"][0].front() == j["cycles"][0].back());
}

TEST_CASE("path output is byte-identical between runs and with -o", "[cli][path]") {
  const std::string f = source_path("graphs/churn-model.json");
  auto a = run({"path", f, "--format", "json", "--simulate", "300", "--seed", "4"});
  auto b = run({"path", f, "--format", "json", "--simulate", "300", "--seed", "4"});
  CHECK(a.out == b.out);
  const std::string dir = clearpath::test::temp_dir();
  auto c = run({"path", f, "--format", "json", "--simulate", "300", "--seed", "4", "-o", dir + "/p.json"});
  CHECK(c.out.empty());
  CHECK(clearpath::read_input(dir + "/p.json") == a.out);
}
