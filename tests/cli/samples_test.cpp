// samples/ holds outputs generated from graphs/ (scripts/samples.sh): they must be exactly what
// the current build prints, so the samples never drift and the output stays deterministic.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/test_support.hpp"

namespace {

// Runs from the source tree, so the file names in the output match the samples'.
clearpath::test::CliRun run_in_source_tree(const std::vector<std::string>& args) {
  const std::filesystem::path before = std::filesystem::current_path();
  std::filesystem::current_path(CLEARPATH_SOURCE_DIR);
  clearpath::test::CliRun r = clearpath::test::run(args);
  std::filesystem::current_path(before);
  return r;
}

}  // namespace

TEST_CASE("samples are what the current build prints", "[cli][samples]") {
  for (const char* name : {"minimal", "churn-model", "fraud-rollout"}) {
    INFO(name);
    const std::string graph = std::string("graphs/") + name + ".json";
    CHECK(run_in_source_tree({"stats", graph}).out ==
          clearpath::test::read_source_file(std::string("samples/") + name + ".stats.txt"));
    CHECK(run_in_source_tree({"path", graph, "--simulate", "10000", "--seed", "1", "--fail-on", "never"}).out ==
          clearpath::test::read_source_file(std::string("samples/") + name + ".path.txt"));
    CHECK(run_in_source_tree(
              {"path", graph, "--simulate", "10000", "--seed", "1", "--fail-on", "never", "--format", "json"})
              .out == clearpath::test::read_source_file(std::string("samples/") + name + ".path.json"));
    CHECK(run_in_source_tree({"copilots", graph, "--all", "--fail-on", "never"}).out ==
          clearpath::test::read_source_file(std::string("samples/") + name + ".copilots.txt"));
    CHECK(run_in_source_tree({"copilots", graph, "--all", "--fail-on", "never", "--format", "json"}).out ==
          clearpath::test::read_source_file(std::string("samples/") + name + ".copilots.json"));
    CHECK(run_in_source_tree({"conflicts", graph, "--fail-on", "never"}).out ==
          clearpath::test::read_source_file(std::string("samples/") + name + ".conflicts.txt"));
    CHECK(run_in_source_tree({"conflicts", graph, "--fail-on", "never", "--format", "json"}).out ==
          clearpath::test::read_source_file(std::string("samples/") + name + ".conflicts.json"));
    for (const char* format : {"text", "md", "json"}) {
      INFO(format);
      const std::string ext = std::string(format) == "text" ? "txt" : format;
      CHECK(run_in_source_tree(
                {"analyze", graph, "--simulate", "10000", "--seed", "1", "--fail-on", "never", "--format", format})
                .out == clearpath::test::read_source_file(std::string("samples/") + name + ".analyze." + ext));
    }
  }
}

TEST_CASE("the HR import sample is what the current build imports", "[cli][samples][hr]") {
  const auto r = run_in_source_tree({"import", "hr", "graphs/hr-export.csv", "--side-of", "Information Technology=it",
                                     "--side-of", "IT Operations=it", "--side-of", "Data & Analytics=it",
                                     "--default-side", "business", "--roles-from-title", "^chief|^vp\\b=executive",
                                     "--roles-from-title", "director|^head of=director"});
  REQUIRE(r.status == 0);
  CHECK(r.out == clearpath::test::read_source_file("samples/hr-export.json"));
}

TEST_CASE("diagram samples are what the current build draws", "[cli][samples][render]") {
  for (const char* name : {"minimal", "churn-model", "fraud-rollout"})
    for (const char* view : {"org", "approvals", "deps", "conflicts", "timeline"}) {
      INFO(name << " " << view);
      const auto r =
          run_in_source_tree({"render", std::string("graphs/") + name + ".json", "--view", view, "--format", "dot"});
      CHECK(r.status == 0);
      CHECK(r.out == clearpath::test::read_source_file(std::string("samples/") + name + "." + view + ".dot"));
    }
}
