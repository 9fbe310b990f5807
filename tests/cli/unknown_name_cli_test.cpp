// A mistyped subcommand or option: exit 2 naming it and the closest existing name.
#include <catch2/catch.hpp>

#include "support/test_support.hpp"

using clearpath::test::run;
using clearpath::test::source_path;

TEST_CASE("a mistyped subcommand gets a suggestion", "[cli][unknown]") {
  auto r = run({"anlyze", "x.json"});
  CHECK(r.status == 2);
  CHECK(r.err == "clearpath: error: unknown command 'anlyze'; did you mean 'analyze'?\n");
  CHECK(r.out.empty());
  r = run({"valdate"});
  CHECK(r.err == "clearpath: error: unknown command 'valdate'; did you mean 'validate'?\n");
  r = run({"frobnicate"});
  CHECK(r.status == 2);
  CHECK(r.err == "clearpath: error: unknown command 'frobnicate'; 'clearpath --help' lists the commands\n");
}

TEST_CASE("a mistyped option gets a suggestion from the subcommand's options", "[cli][unknown]") {
  const std::string graph = source_path("graphs/minimal.json");
  auto r = run({"path", graph, "--fromat", "json"});
  CHECK(r.status == 2);
  CHECK(r.err == "clearpath: error: unknown option '--fromat'; did you mean '--format'?\n");
  CHECK(r.out.empty());
  r = run({"path", "--fromat=json", graph});
  CHECK(r.err == "clearpath: error: unknown option '--fromat'; did you mean '--format'?\n");
  // --simulate is path's, not copilots': copilots suggests its own --suggestions or nothing.
  r = run({"copilots", graph, "--all-gates"});
  CHECK(r.err == "clearpath: error: unknown option '--all-gates'; 'clearpath copilots --help' lists the options\n");
  r = run({"render", graph, "--veiw", "org"});
  CHECK(r.err == "clearpath: error: unknown option '--veiw'; did you mean '--view'?\n");
  r = run({"--fromat"});
  CHECK(r.status == 2);
  CHECK(r.err == "clearpath: error: unknown option '--fromat'; 'clearpath --help' lists the options\n");
}

TEST_CASE("names that exist keep CLI11's own messages, worded as clearpath's errors", "[cli][unknown]") {
  const std::string graph = source_path("graphs/minimal.json");
  auto r = run({"path", graph, "--near", "-1"});  // a negative number is a value, not an option
  CHECK(r.status == 2);
  CHECK(r.err.rfind("clearpath: error: --near: Value -1 not in range", 0) == 0);
  r = run({"stats", graph, "--format", "yaml"});
  CHECK(r.err == "clearpath: error: --format: yaml not in {text,json,md}\nRun with --help for more information.\n");
  r = run({"validate"});
  CHECK(r.err.rfind("clearpath: error: files is required", 0) == 0);
  // A value outside a fixed choice, close to one of them: which was meant.
  r = run({"render", graph, "--view", "Org"});
  CHECK(r.status == 2);
  CHECK(r.err.rfind("clearpath: error: --view: Org not in {org,approvals,deps,conflicts,timeline}; did you mean "
                    "'org'?\n",
                    0) == 0);
  r = run({"analyze", graph, "--format", "htm"});
  CHECK(r.err.find("; did you mean 'html'?") != std::string::npos);
  CHECK(run({"render", graph, "--view", "gantt"}).err.find("did you mean") == std::string::npos);  // nothing close
  r = run({"stats", "-", "-o", "-"}, "{\"format_version\": 1}");  // "-" is standard input
  CHECK(r.err.find("unknown option") == std::string::npos);
}

TEST_CASE("analyse is analyze", "[cli][unknown]") {
  const std::string graph = source_path("graphs/churn-model.json");
  const auto a = run({"analyze", graph, "--format", "json"});
  const auto b = run({"analyse", graph, "--format", "json"});
  CHECK(b.status == a.status);
  CHECK(b.out == a.out);
  CHECK_FALSE(b.out.empty());
  CHECK(run({"--help"}).out.find("  analyze, analyse ") != std::string::npos);
}
