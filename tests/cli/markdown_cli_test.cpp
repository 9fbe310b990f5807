// --format md (or markdown) for path, copilots, conflicts, level and stats: the same documents
// as their text reports, written as Markdown (which escapes "<stdin>").
#include <catch2/catch.hpp>

#include <fstream>

#include "support/test_support.hpp"

using clearpath::test::run;

namespace {

std::string minimal_model() { return clearpath::test::read_source_file("graphs/minimal.json"); }

}  // namespace

TEST_CASE("level --format md writes the levelled schedule as a Markdown table", "[cli][markdown]") {
  const auto r = run({"level", "-", "--format", "md"}, minimal_model());
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out ==
        "# clearpath level: &lt;stdin&gt; - Minimal: a churn score from the billing mainframe into production\n\n"
        "levelled duration 29.0 working days against 29.0 by CPM\n\n"
        "## Schedule (by levelled start)\n\n"
        "| id | start | finish | CPM start | moved |\n"
        "| --- | ---: | ---: | ---: | ---: |\n"
        "| funding | 0.0 | 10.0 | 0.0 |  |\n"
        "| extract | 10.0 | 19.0 | 10.0 |  |\n"
        "| train | 19.0 | 24.0 | 19.0 |  |\n"
        "| go-live | 24.0 | 26.0 | 24.0 |  |\n"
        "| deploy | 26.0 | 29.0 | 26.0 |  |\n");
  // "markdown" is the long name of "md".
  CHECK(run({"level", "-", "--format", "markdown"}, minimal_model()).out == r.out);
}

TEST_CASE("stats --format md: the counts as Markdown tables", "[cli][markdown]") {
  const auto r = run({"stats", "-", "--format", "md"}, minimal_model());
  CHECK(r.status == 0);
  CHECK(r.out.rfind("# &lt;stdin&gt; (Minimal: a churn score from the billing mainframe into production)\n\n"
                    "| entities | count |\n| --- | ---: |\n| people | 4 |\n",
                    0) == 0);
  CHECK(r.out.find("| member\\_of | 4 |\n") != std::string::npos);
  CHECK(r.out.find("| total | 31 |\n") != std::string::npos);
}

TEST_CASE("path, copilots and conflicts --format md start with their Markdown title", "[cli][markdown]") {
  for (const char* command : {"path", "copilots", "conflicts"}) {
    INFO(command);
    const auto md = run({command, "-", "--format", "md", "--fail-on", "never"}, minimal_model());
    CHECK(md.status == 0);
    CHECK(md.out.rfind(std::string("# clearpath ") + command + ": &lt;stdin&gt; - Minimal: a churn score", 0) == 0);
    CHECK(md.out.find("\n## Summary\n\n- **") != std::string::npos);
    // The same document as the text report, not the text itself.
    const auto text = run({command, "-", "--fail-on", "never"}, minimal_model());
    CHECK(text.out != md.out);
    CHECK(text.out.find("## ") == std::string::npos);
  }
}

TEST_CASE("md to -o FILE, and the formats listed in --help", "[cli][markdown]") {
  const std::string out = clearpath::test::temp_dir() + "/path.md";
  const auto r = run({"path", "-", "--format", "md", "-o", out}, minimal_model());
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  std::ifstream in(out);
  std::string first;
  std::getline(in, first);
  CHECK(first == "# clearpath path: &lt;stdin&gt; - Minimal: a churn score from the billing mainframe into production");
  for (const char* command : {"path", "copilots", "conflicts", "level", "stats"}) {
    INFO(command);
    CHECK(run({command, "--help"}).out.find("--format TEXT:{text,json,md}") != std::string::npos);
  }
  const auto bad = run({"stats", "-", "--format", "yaml"}, minimal_model());
  CHECK(bad.status == 2);
  CHECK(bad.err.rfind("clearpath: error: --format: yaml not in {text,json,md}", 0) == 0);
}
