// `clearpath copilots` from the command line: the JSON contract, the text sections, --without,
// exit codes and bad input.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "support/test_support.hpp"

using clearpath::test::run;
using clearpath::test::source_path;

TEST_CASE("copilots --format json has the documented keys", "[cli][copilots]") {
  auto r = run({"copilots", source_path("graphs/churn-model.json"), "--format", "json"});
  CHECK(r.status == 1);  // a missing co-pilot is an error finding
  const auto j = nlohmann::json::parse(r.out);
  for (const char* key : {"gates", "initiatives", "signoff_load", "findings"}) CHECK(j.contains(key));
  for (const auto& g : j["gates"])
    for (const char* key : {"id", "initiative", "satisfiable", "assignment", "unfilled", "suggestions",
                            "single_points_of_failure", "bus_factor"})
      CHECK(g.contains(key));
  for (const auto& i : j["initiatives"])
    for (const char* key : {"id", "copilot_missing_side", "single_points_of_failure", "approval_path"})
      CHECK(i.contains(key));
  for (const auto& l : j["signoff_load"])
    for (const char* key : {"person", "gates"}) CHECK(l.contains(key));
  const auto funding =
      std::find_if(j["gates"].begin(), j["gates"].end(), [](const auto& g) { return g["id"] == "production-funding"; });
  REQUIRE(funding != j["gates"].end());
  CHECK((*funding)["satisfiable"] == false);
  CHECK((*funding)["assignment"] == nlohmann::json{{"it-side executive", "cio"}});
  CHECK((*funding)["unfilled"][0]["slot"] == "business-side executive");
  CHECK((*funding)["suggestions"][0]["slot"] == "business-side executive");
  CHECK((*funding)["suggestions"][0]["candidates"] == nlohmann::json::array({"cmo", "cfo", "coo"}));
  const auto security =
      std::find_if(j["gates"].begin(), j["gates"].end(), [](const auto& g) { return g["id"] == "security-review"; });
  CHECK((*security)["single_points_of_failure"] == nlohmann::json::array({"ciso"}));
  CHECK((*security)["bus_factor"] == 1);
  CHECK(j["initiatives"][0]["id"] == "churn-model");
  CHECK(j["initiatives"][0]["copilot_missing_side"] == "it");
  CHECK(j["initiatives"][1]["copilot_missing_side"].is_null());
  CHECK(j["initiatives"][0]["approval_path"][4] == nlohmann::json{{"gate", "change-advisory-board"},
                                                                  {"status", "pending"},
                                                                  {"lead_time", 5},
                                                                  {"cumulative_lead_time", 40},
                                                                  {"earliest_finish", 165}});
}

TEST_CASE("copilots text has its sections and --fail-on decides the exit status", "[cli][copilots]") {
  auto r = run({"copilots", source_path("graphs/churn-model.json")});
  CHECK(r.status == 1);
  for (const char* section : {"SUMMARY", "GATES", "INITIATIVES", "SIGN-OFF LOAD", "FINDINGS"})
    CHECK(r.out.find(section) != std::string::npos);
  CHECK(r.out.find("      cmo               Chief Marketing Officer, Marketing, business side, the sponsor\n") !=
        std::string::npos);
  CHECK(r.out.find("WITHOUT") == std::string::npos);
  CHECK(run({"copilots", source_path("graphs/churn-model.json"), "--fail-on", "never"}).status == 0);
  // No errors among the erp-upgrade initiative's (empty) gates and its two-sided sponsors.
  CHECK(run({"copilots", source_path("graphs/churn-model.json"), "--initiative", "erp-upgrade"}).status == 0);
  // The minimal example's gates have single points of failure: warnings.
  CHECK(run({"copilots", source_path("graphs/minimal.json"), "--initiative", "churn-score", "--fail-on", "warning"})
            .status == 1);
}

TEST_CASE("copilots --without shows what breaks", "[cli][copilots]") {
  auto r = run({"copilots", source_path("graphs/churn-model.json"), "--without", "ciso,daniel-fischer", "--format",
                "json", "--fail-on", "never"});
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["without"] == nlohmann::json::array({"ciso", "daniel-fischer"}));
  CHECK(j["without_impact"]["broken_gates"] == nlohmann::json::array({"security-review"}));
  auto text = run({"copilots", source_path("graphs/churn-model.json"), "--without", "ciso"});
  CHECK(text.out.find("WITHOUT ciso (compared with everyone present)") != std::string::npos);
  CHECK(text.out.find("gates that can no longer be granted: security-review") != std::string::npos);
}

TEST_CASE("copilots: bad input and unknown ids exit 2 with a message", "[cli][copilots]") {
  auto unknown = run({"copilots", source_path("graphs/churn-model.json"), "--without", "nobody"});
  CHECK(unknown.status == 2);
  CHECK(unknown.err == "clearpath: error: --without: there is no person 'nobody'\n");
  CHECK(unknown.out.empty());
  auto initiative = run({"copilots", source_path("graphs/churn-model.json"), "--initiative", "cmo"});
  CHECK(initiative.status == 2);
  CHECK(initiative.err == "clearpath: error: --initiative: there is no initiative 'cmo'\n");
  auto broken = run({"copilots", "-"}, R"({"people": [{"id": "a", "reports_to": "b"}]})");
  CHECK(broken.status == 2);
  CHECK(broken.err.find("<stdin>:1:") != std::string::npos);
  CHECK(broken.out.empty());
  CHECK(run({"copilots", source_path("graphs/churn-model.json"), "--format", "xml"}).status == 2);
  CHECK(run({"copilots", source_path("graphs/churn-model.json"), "--signoff-threshold", "-1"}).status == 2);
}

TEST_CASE("copilots output is byte-identical between runs and with -o", "[cli][copilots]") {
  const std::string file = source_path("graphs/churn-model.json");
  auto a = run({"copilots", file, "--all", "--format", "json"});
  auto b = run({"copilots", file, "--all", "--format", "json"});
  CHECK(a.out == b.out);
  const std::string out = clearpath::test::temp_dir() + "/copilots.json";
  CHECK(run({"copilots", file, "--all", "--format", "json", "-o", out}).status == 1);
  std::ifstream in(out);
  std::stringstream written;
  written << in.rdbuf();
  CHECK(written.str() == a.out);
}
