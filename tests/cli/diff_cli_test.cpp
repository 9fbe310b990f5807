// `clearpath diff` from the command line: the reports of two changes to the churn example
// (golden files in tests/data/diff, made with the paths relative to the source tree), exit
// statuses for --fail-on, invalid versions, and --git against a repository made here.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/test_support.hpp"

using namespace clearpath;
using Catch::Matchers::Contains;
using clearpath::test::read_source_file;
using clearpath::test::run;
using clearpath::test::source_path;

namespace {

// The output with the source tree's path taken out.
std::string relative(std::string text) {
  const std::string root = std::string(CLEARPATH_SOURCE_DIR) + "/";
  for (std::size_t at; (at = text.find(root)) != std::string::npos;) text.erase(at, root.size());
  return text;
}

// Runs in the source tree, with its paths relative to it, as the golden files were made (the
// report names the files as given); the working directory is restored after.
struct InSourceTree {
  std::filesystem::path was = std::filesystem::current_path();
  InSourceTree() { std::filesystem::current_path(CLEARPATH_SOURCE_DIR); }
  ~InSourceTree() { std::filesystem::current_path(was); }
};

test::CliRun diff(const std::string& after, std::vector<std::string> more = {}) {
  const InSourceTree here;
  std::vector<std::string> args{"diff", "graphs/churn-model.json", "tests/data/diff/" + after};
  args.insert(args.end(), more.begin(), more.end());
  return run(args);
}

}  // namespace

TEST_CASE("diff: the golden reports of a longer critical step and of a removed approver", "[diff][cli]") {
  const test::CliRun longer = diff("churn-longer-extract.json");
  CHECK(longer.status == 0);
  CHECK(relative(longer.out) == read_source_file("tests/data/diff/longer-extract.txt"));
  const test::CliRun json = diff("churn-longer-extract.json", {"--format", "json"});
  CHECK(relative(json.out) == read_source_file("tests/data/diff/longer-extract.diff.json"));
  const test::CliRun ciso = diff("churn-no-ciso.json");
  CHECK(relative(ciso.out) == read_source_file("tests/data/diff/no-ciso.txt"));
  const test::CliRun md = diff("churn-no-ciso.json", {"--format", "md"});
  CHECK(relative(md.out) == read_source_file("tests/data/diff/no-ciso.md"));
  const test::CliRun html = diff("churn-no-ciso.json", {"--format", "html"});
  CHECK_THAT(html.out, Contains("<!DOCTYPE html>") && Contains("critical-path-blocker"));
}

TEST_CASE("diff: --fail-on slip:N and new-error make the exit status", "[diff][cli]") {
  CHECK(diff("churn-longer-extract.json", {"--fail-on", "slip:5"}).status == 1);
  CHECK(diff("churn-longer-extract.json", {"--fail-on", "slip:10"}).status == 0);  // not more than 10
  CHECK(diff("churn-longer-extract.json", {"--fail-on", "new-error"}).status == 0);
  CHECK(diff("churn-no-ciso.json", {"--fail-on", "new-error"}).status == 1);
  CHECK(diff("churn-no-ciso.json", {"--fail-on", "slip:0"}).status == 0);
  const test::CliRun bad = diff("churn-no-ciso.json", {"--fail-on", "slip:soon"});
  CHECK(bad.status == 2);
  CHECK_THAT(bad.err, Contains("--fail-on slip:soon: write slip:N with N working days"));
  CHECK(diff("churn-no-ciso.json", {"--fail-on", "late"}).status == 2);
}

TEST_CASE("diff: an invalid version is reported with its file, and nothing is compared", "[diff][cli]") {
  const test::CliRun r = diff("churn-cycle.json");
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK_THAT(relative(r.err), Contains("tests/data/diff/churn-cycle.json:1172:9: error: /steps/1/depends_on/0: "
                                       "dependency cycle"));
  const test::CliRun both_stdin = run({"diff", "-", "-"});
  CHECK(both_stdin.status == 2);
  CHECK_THAT(both_stdin.err, Contains("only one of OLD and NEW can be standard input"));
  const std::string minimal = source_path("graphs/minimal.json");
  const test::CliRun one = run({"diff", minimal});  // one file without --git
  CHECK(one.status == 2);
  CHECK(one.err ==
        "clearpath: error: diff compares two versions: give OLD and NEW (1 file given), or --git REV and one FILE\n");
  const test::CliRun three = run({"diff", minimal, minimal, minimal});
  CHECK(three.status == 2);
  CHECK(three.err ==
        "clearpath: error: diff compares two versions: give OLD and NEW (3 files given), or --git REV and one FILE\n");
  const test::CliRun git_two = run({"diff", "--git", "HEAD", minimal, minimal});
  CHECK(git_two.status == 2);
  CHECK(git_two.err ==
        "clearpath: error: with --git, give one FILE: its version at HEAD is OLD, the file is NEW (2 files given)\n");
  CHECK(three.out.empty());
}

TEST_CASE("diff --git: the old version from a revision of the same file", "[diff][cli][git]") {
  const std::string dir = test::temp_dir();
  const std::string plan = dir + "/plan.json";
  const auto git = [&](const std::string& args) {
    return std::system(
        ("git -C '" + dir + "' -c user.name=t -c user.email=t@example.com " + args + " >/dev/null 2>&1").c_str());
  };
  REQUIRE(git("init -q") == 0);
  std::filesystem::copy_file(source_path("graphs/churn-model.json"), plan);
  REQUIRE(git("add plan.json") == 0);
  REQUIRE(git("commit -q -m v1") == 0);
  std::filesystem::copy_file(source_path("tests/data/diff/churn-longer-extract.json"), plan,
                             std::filesystem::copy_options::overwrite_existing);
  const test::CliRun r = run({"diff", "--git", "HEAD", plan, "--format", "json", "--fail-on", "slip:5"});
  CHECK(r.status == 1);
  CHECK_THAT(r.out, Contains("\"before\": \"HEAD:" + plan + "\"") && Contains("\"worst_slip\": 10"));
  // A revision without the file, and a folder that is no repository.
  const test::CliRun missing = run({"diff", "--git", "HEAD~5", plan});
  CHECK(missing.status == 2);
  CHECK_THAT(missing.err, Contains("--git HEAD~5: cannot read " + plan + " at that revision"));
  const std::string elsewhere = test::temp_dir() + "/plan.json";
  std::filesystem::copy_file(source_path("graphs/minimal.json"), elsewhere);
  const test::CliRun outside = run({"diff", "--git", "HEAD", elsewhere});
  CHECK(outside.status == 2);
  CHECK_THAT(outside.err, Contains("cannot read " + elsewhere + " at that revision"));
}

TEST_CASE("schema --diff is the schema of diff's JSON", "[diff][cli]") {
  const test::CliRun r = run({"schema", "--diff"});
  REQUIRE(r.status == 0);
  CHECK(r.out == read_source_file("schema/diff.schema.json"));
  CHECK(run({"schema", "--diff", "--report"}).status == 2);
}
