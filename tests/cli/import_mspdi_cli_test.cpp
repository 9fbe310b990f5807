// `clearpath import mspdi` from the command line: options, exit statuses, nothing written on
// refusal.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "clearpath/load.hpp"
#include "support/test_support.hpp"

using namespace clearpath;
using Catch::Matchers::Contains;
using clearpath::test::run;
using clearpath::test::source_path;

TEST_CASE("import mspdi: writes the model, says what it read, and --ids uids keeps UIDs", "[mspdi][cli]") {
  const std::string dir = test::temp_dir();
  const std::string file = source_path("tests/data/mspdi/mspdirelations.xml");
  const test::CliRun named = run({"import", "mspdi", file, "-o", dir + "/named.json", "--model-name", "Relations"});
  CHECK(named.status == 0);
  CHECK(named.err ==
        "clearpath: imported 5 tasks (0 milestones), 4 links, 0 summary tasks, 0 resources, 0 "
        "assignments, 0 non-working days\n");
  const LoadResult m = load_model(read_input(dir + "/named.json"));
  REQUIRE(m.model);
  CHECK(m.model->name == "Relations");
  CHECK(m.model->find("task-1"));  // the file's tasks are named Task 1 ... Task 5
  const test::CliRun by_uid = run({"import", "mspdi", file, "--ids", "uids"});
  CHECK(by_uid.status == 0);
  CHECK_THAT(by_uid.out, Contains("\"id\": \"task-5\""));
  CHECK_THAT(by_uid.out, Contains("\"ms_project_uid\": 5"));
}

TEST_CASE("import mspdi: usage errors and refused files exit 2 and write nothing", "[mspdi][cli]") {
  const std::string dir = test::temp_dir();
  const std::string out = dir + "/x.json";
  const std::string file = source_path("tests/data/mspdi/mspdirelations.xml");
  CHECK(run({"import", "mspdi", file, "--ids", "titles"}).status == 2);
  const test::CliRun name = run({"import", "mspdi", file, "--name", "x"});
  CHECK(name.status == 2);
  CHECK_THAT(name.err, Contains("use --model-name"));
  const test::CliRun ids = run({"import", "psplib", source_path("tests/data/psplib/j301_1.sm"), "--ids", "uids"});
  CHECK(ids.status == 2);
  CHECK_THAT(ids.err, Contains("--ids is an option of `import mspdi`"));
  const test::CliRun hostile =
      run({"import", "mspdi", "-", "-o", out}, "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"b\">]>\n<Project/>");
  CHECK(hostile.status == 2);
  CHECK(hostile.err ==
        "clearpath: error: <stdin>:2:11: a DOCTYPE declaration: MSPDI files have none, and clearpath reads no DTD and "
        "expands no declared entity (remove it)\n");
  CHECK_FALSE(std::filesystem::exists(out));
  const test::CliRun help = run({"import", "--help"});
  CHECK_THAT(help.out, Contains("clearpath import mspdi plan.xml -o plan.json"));
}
