// `clearpath conflicts` and `clearpath level` from the command line: the JSON contract, the
// text sections, exit codes and bad input.
#include <algorithm>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/test_support.hpp"

using clearpath::test::run;
using clearpath::test::source_path;

TEST_CASE("conflicts --format json has the documented keys", "[cli][conflicts]") {
  auto r = run({"conflicts", source_path("graphs/churn-model.json"), "--format", "json"});
  CHECK(r.status == 1);  // a critical priority conflict is an error
  const auto j = nlohmann::json::parse(r.out);
  for (const char* key :
       {"ranking_conflicts", "inversions", "disagreement", "overallocations", "levelled", "skill_gaps", "findings"})
    CHECK(j.contains(key));
  const auto& c = j["ranking_conflicts"][0];
  CHECK(c["department"] == "billing-systems");
  CHECK(c["initiative"] == "churn-model");
  CHECK(c["rank"] == 3);
  CHECK(c["items"] == nlohmann::json::array({"billing-extract-spec", "billing-extract-build", "billing-extract-test"}));
  CHECK(c["critical"] == true);
  CHECK(j["disagreement"]["departments"].size() == j["disagreement"]["matrix"].size());
  // "pairs" lists the matrix's numbers above the diagonal, by department ids.
  const auto& dis = j["disagreement"];
  std::size_t numbers_off_diagonal = 0;
  for (std::size_t p = 0; p < dis["matrix"].size(); ++p)
    for (std::size_t q = 0; q < dis["matrix"].size(); ++q)
      numbers_off_diagonal += p != q && dis["matrix"][p][q].is_number();
  REQUIRE_FALSE(dis["pairs"].empty());
  CHECK(numbers_off_diagonal == 2 * dis["pairs"].size());
  for (const auto& pair : dis["pairs"]) {
    const auto at = [&](const nlohmann::json& id) {
      const auto& d = dis["departments"];
      return static_cast<std::size_t>(std::find(d.begin(), d.end(), id) - d.begin());
    };
    const std::size_t p = at(pair["departments"][0]), q = at(pair["departments"][1]);
    CHECK(p < q);
    CHECK(dis["matrix"][p][q] == pair["distance"]);
    CHECK(dis["matrix"][q][p] == pair["distance"]);
  }
  const auto& o = j["overallocations"][0];
  for (const char* key : {"resource", "from", "to", "load", "capacity", "items"}) CHECK(o.contains(key));
  CHECK(o["resource"] == "tomasz-nowak");
  for (const char* key : {"duration", "cpm_duration", "delay_days", "moved", "drivers"})
    CHECK(j["levelled"].contains(key));
  CHECK(j["levelled"]["delay_days"] == 17);
  CHECK(j["levelled"]["drivers"] == nlohmann::json::array({"tomasz-nowak"}));
  CHECK(j["skill_gaps"][0] == nlohmann::json{{"step", "deploy-model-serving"},
                                             {"skill", "mlops"},
                                             {"owner", "dmitri-volkov"},
                                             {"department", "it-operations"},
                                             {"critical", true}});
  auto quick = nlohmann::json::parse(
      run({"conflicts", source_path("graphs/churn-model.json"), "--format", "json", "--no-level"}).out);
  CHECK(quick["levelled"].is_null());
}

TEST_CASE("conflicts text has its sections, level prints the schedule", "[cli][conflicts]") {
  auto r = run({"conflicts", source_path("graphs/churn-model.json"), "--fail-on", "never"});
  CHECK(r.status == 0);
  for (const char* section : {"SUMMARY", "RANKING CONFLICTS", "PRIORITY INVERSIONS", "RANKING DISAGREEMENT",
                              "OVER-ALLOCATION", "LEVELLED SCHEDULE", "SKILLS", "FINDINGS"})
    CHECK(r.out.find(section) != std::string::npos);
  CHECK(r.out.find("people conflicts push production back by 17.0 days") != std::string::npos);
  auto level = run({"level", source_path("graphs/churn-model.json")});
  CHECK(level.status == 0);
  CHECK(level.out.find("levelled duration 204.0 working days against 187.0 by CPM") != std::string::npos);
  auto json = nlohmann::json::parse(run({"level", source_path("graphs/churn-model.json"), "--format", "json"}).out);
  CHECK(json["duration"] == 204);
  CHECK(json["schedule"].size() == 34);
  for (const auto& a : json["schedule"]) CHECK(a["start"].get<double>() >= a["cpm_start"].get<double>() - 1e-9);
  // Same seed, same bytes.
  CHECK(run({"level", source_path("graphs/churn-model.json"), "--seed", "5"}).out ==
        run({"level", source_path("graphs/churn-model.json"), "--seed", "5"}).out);
}

TEST_CASE("conflicts: a step that can never be scheduled, unknown ids and bad input exit 2", "[cli][conflicts]") {
  const std::string model =
      R"({"people": [{"id": "p", "capacity": 0.5}], "steps": [{"id": "s", "duration": 2, "demands": {"p": 1}}]})";
  auto r = run({"conflicts", "-"}, model);
  CHECK(r.status == 2);
  // The loader's check (issue 14): located, and the same without levelling.
  const std::string error =
      "<stdin>:1:98: error: /steps/0/demands/p: step 's' demands 1 of 'p', whose capacity is 0.5: it can never be "
      "scheduled\n"
      "    1 | ...\": \"s\", \"duration\": 2, \"demands\": {\"p\": 1}}]}\n"  // 102 characters: cut
      "      | " +
      std::string(3 + 40, ' ') + "^\n";
  CHECK(r.err == error);
  CHECK(r.out.empty());
  CHECK(run({"level", "-"}, model).status == 2);
  auto quick = run({"conflicts", "-", "--no-level", "--format", "json"}, model);
  CHECK(quick.status == 2);
  CHECK(quick.err == error);
  CHECK(run({"conflicts", source_path("graphs/churn-model.json"), "--initiative", "nope"}).status == 2);
  CHECK(run({"conflicts", "-"}, "{").status == 2);
  CHECK(run({"conflicts", source_path("graphs/churn-model.json"), "--top", "0"}).status == 2);
}

TEST_CASE("conflicts --format json: past 200 departments the disagreement matrix is null, its pairs stay",
          "[cli][conflicts]") {
  // 201 departments, each ranking x before y: every two agree (distance 0), 201 x 200 / 2 pairs.
  std::string departments;
  for (int i = 0; i < 201; ++i)
    departments +=
        std::string(i ? "," : "") + R"({"id": "d)" + std::to_string(1000 + i) + R"(", "priorities": ["x", "y"]})";
  const std::string model = R"({"departments": [)" + departments + R"(], "initiatives": [{"id": "x"}, {"id": "y"}]})";
  auto r = run({"conflicts", "-", "--format", "json", "--no-level"}, model);
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["disagreement"]["departments"].size() == 201);
  CHECK(j["disagreement"]["matrix"].is_null());
  REQUIRE(j["disagreement"]["pairs"].size() == 20100);
  CHECK(j["disagreement"]["pairs"][0] == nlohmann::json{{"departments", {"d1000", "d1001"}}, {"distance", 0}});
  CHECK(j["disagreement"]["pairs"][20099] == nlohmann::json{{"departments", {"d1199", "d1200"}}, {"distance", 0}});
}
