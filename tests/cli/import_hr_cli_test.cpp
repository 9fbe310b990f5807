// `clearpath import hr` from the command line: options, exit statuses, nothing written on error,
// --into, and a result that validates and renders.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "clearpath/load.hpp"
#include "support/test_support.hpp"

using clearpath::test::run;
using clearpath::test::source_path;

TEST_CASE("import hr writes a model that validates and renders", "[hr][cli]") {
  const std::string dir = clearpath::test::temp_dir();
  const std::string out = dir + "/org.json";
  auto r = run({"import", "hr", source_path("tests/data/hr/small.csv"), "--side-of", "IT=it", "--side-of",
                "Marketing=business", "--roles-from-title", "^chief=executive", "-o", out});
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  CHECK(r.err == "clearpath import hr: " + source_path("tests/data/hr/small.csv") +
                     ": 4 employees; people: 4 added, 0 updated; departments: 3 added, 0 matched; 3 reporting lines\n");
  const clearpath::Model m = clearpath::test::load_valid(clearpath::read_input(out));
  CHECK(m.name == "HR import small");
  CHECK(m.people().size() == 4);
  r = run({"validate", out});
  CHECK(r.status == 0);
  r = run({"render", out, "--view", "org", "-o", dir + "/org.svg"});
  CHECK(r.status == 0);
  CHECK(std::filesystem::file_size(dir + "/org.svg") > 0);
  // Standard input to standard output, explicit delimiter and model name.
  r = run({"import", "hr", "-", "--delimiter", "semicolon", "--model-name", "Piped"},
          clearpath::test::read_source_file("tests/data/hr/semicolon.csv"));
  CHECK(r.status == 0);
  CHECK(clearpath::test::load_valid(r.out).name == "Piped");
  r = run({"import", "hr", source_path("tests/data/hr/windows-1252.csv"), "--encoding", "latin1"});
  CHECK(r.status == 0);
  CHECK(r.out.find("Clément Dubois") != std::string::npos);
}

TEST_CASE("import hr: bad input exits 2, lists every problem and writes nothing", "[hr][cli]") {
  const std::string dir = clearpath::test::temp_dir();
  const std::string out = dir + "/org.json";
  const std::string bad = source_path("tests/data/hr/bad-rows.csv");
  auto r = run({"import", "hr", bad, "-o", out});
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("clearpath: error: " + bad + ":4: unknown manager 'Alice' of employee 'a2'") != std::string::npos);
  CHECK(r.err.find(bad + ":8: manager cycle (3 people): a4 -> a5 -> a6 -> a4") != std::string::npos);
  CHECK(r.err.find(bad + ":16: unknown manager 'nobody'") != std::string::npos);
  CHECK(r.err.find("clearpath: 10 problems importing " + bad + "; nothing written\n") != std::string::npos);
  // A missing explicit column, bad options, a missing file.
  r = run({"import", "hr", source_path("tests/data/hr/small.csv"), "--manager", "Boss", "-o", out});
  CHECK(r.status == 2);
  CHECK(r.err.find(":1: no column 'Boss' (--manager) in the header; the header has: 'Employee ID', 'Name'") !=
        std::string::npos);
  r = run({"import", "hr", source_path("tests/data/hr/small.csv"), "--side-of", "IT", "-o", out});
  CHECK(r.status == 2);
  CHECK(r.err.find("write DEPARTMENT=SIDE") != std::string::npos);
  r = run({"import", "hr", source_path("tests/data/hr/small.csv"), "--delimiter", "|", "-o", out});
  CHECK(r.status == 2);
  r = run({"import", "hr", source_path("tests/data/hr/small.csv"), "--encoding", "ebcdic", "-o", out});
  CHECK(r.status == 2);
  r = run({"import", "hr", source_path("tests/data/hr/windows-1252.csv"), "-o", out});
  CHECK(r.status == 2);
  CHECK(r.err.find(":2: not UTF-8: byte 0xe9 at column 5") != std::string::npos);
  r = run({"import", "hr", dir + "/missing.csv", "-o", out});
  CHECK(r.status == 2);
  r = run({"import", "psplib", source_path("tests/data/hr/small.csv"), "--into", out});
  CHECK(r.status == 2);
  CHECK(r.err.find("are options of `import hr`") != std::string::npos);
  r = run({"import", "hr", source_path("tests/data/hr/small.csv"), "--into",
           source_path("tests/data/errors/unknown-reference.json"), "-o", out});
  CHECK(r.status == 2);
  CHECK(std::filesystem::is_empty(dir));
}

TEST_CASE("import hr --into merges into a model and keeps it whole", "[hr][cli]") {
  const std::string dir = clearpath::test::temp_dir();
  const std::string out = dir + "/merged.json";
  auto r = run({"import", "hr", source_path("tests/data/hr/merge.csv"), "--into",
                source_path("tests/data/hr/base-model.json"), "--roles-from-title", "chief|ceo=executive", "-o", out});
  CHECK(r.status == 0);
  CHECK(r.err.find("3 employees; people: 2 added, 1 updated; departments: 1 added, 1 matched; 2 reporting lines") !=
        std::string::npos);
  const clearpath::Model m = clearpath::test::load_valid(clearpath::read_input(out));
  CHECK(m.people().size() == 4);
  CHECK(m.steps().size() == 1);
  CHECK(m.systems().size() == 1);
  r = run({"import", "hr", source_path("tests/data/hr/merge-collision.csv"), "--into",
           source_path("tests/data/hr/base-model.json"), "-o", dir + "/other.json"});
  CHECK(r.status == 2);
  CHECK(r.err.find(":3: employee id 'billing' is already the id of a system in the model") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir + "/other.json"));
}

TEST_CASE("import hr: the bundled export and --help", "[hr][cli]") {
  const std::string dir = clearpath::test::temp_dir();
  // The recipe of the --help footer and docs/import-hr.md.
  auto r =
      run({"import", "hr", source_path("graphs/hr-export.csv"), "--side-of", "Information Technology=it", "--side-of",
           "IT Operations=it", "--side-of", "Data & Analytics=it", "--default-side", "business", "--roles-from-title",
           "^chief|^vp\\b=executive", "--roles-from-title", "director|^head of=director", "-o", dir + "/org.json"});
  CHECK(r.status == 0);
  CHECK(r.err.find("25 employees; people: 25 added") != std::string::npos);
  const clearpath::Model m = clearpath::test::load_valid(clearpath::read_input(dir + "/org.json"));
  std::vector<std::string> sides;
  for (const clearpath::Department& d : m.departments()) sides.push_back(d.id + "=" + d.side);
  CHECK(sides == std::vector<std::string>{"dept-executive-office=business", "dept-information-technology=it",
                                          "dept-finance=business", "dept-marketing=business",
                                          "dept-risk-compliance=business", "dept-data-analytics=it",
                                          "dept-it-operations=it", "dept-sales=business"});
  std::size_t executives = 0, directors = 0;
  for (const clearpath::Person& p : m.people()) {
    for (const std::string& role : p.roles) {
      executives += role == "executive";
      directors += role == "director";
    }
  }
  CHECK(executives == 6);  // five chiefs and the VP, Sales
  CHECK(directors == 4);   // three directors and the head of IT Operations
  r = run({"render", dir + "/org.json", "--view", "org", "-o", dir + "/org.png"});
  CHECK(r.status == 0);
  r = run({"import", "--help"});
  CHECK(r.status == 0);
  CHECK(r.out.find("clearpath import hr graphs/hr-export.csv") != std::string::npos);
  CHECK(r.out.find("--roles-from-title") != std::string::npos);
}

TEST_CASE("import hr --into: the model's own warnings do not stop the import, its errors do", "[hr][cli]") {
  const std::string dir = clearpath::test::temp_dir();
  // A base model with a warning of its own: ben listed twice as an approver.
  std::string base = clearpath::test::read_source_file("tests/data/hr/base-model.json");
  const std::string once = "\"approvers\": [\"ben\"]";
  REQUIRE(base.find(once) != std::string::npos);
  base.replace(base.find(once), once.size(), "\"approvers\": [\"ben\", \"ben\"]");
  { std::ofstream(dir + "/base-warning.json") << base; }
  auto r = run({"import", "hr", source_path("tests/data/hr/merge.csv"), "--into", dir + "/base-warning.json", "-o",
                dir + "/merged.json"});
  CHECK(r.status == 0);
  CHECK(r.err.find("warning") != std::string::npos);
  CHECK(std::filesystem::exists(dir + "/merged.json"));
  // Moving the only IT department to the business side leaves the funding gate's IT slot
  // without a department on its side: an input problem, not a bug, and nothing is written.
  r = run({"import", "hr", source_path("tests/data/hr/merge.csv"), "--into",
           source_path("tests/data/hr/base-model.json"), "--side-of", "Information Technology=business", "-o",
           dir + "/side.json"});
  CHECK(r.status == 2);
  CHECK(r.err.find("unknown side 'it' in slot 1 of approval 'funding'") != std::string::npos);
  CHECK(r.err.find("the imported model is not valid (see above); nothing written") != std::string::npos);
  CHECK(r.err.find("a bug") == std::string::npos);
  CHECK(!std::filesystem::exists(dir + "/side.json"));
}

TEST_CASE("import hr: --roles-from-title in RE2 syntax, a backreference is an exit-2 error", "[hr][cli]") {
  const std::string csv = "Employee ID,Name,Title\ne1,Ann," + std::string(30, 'a') + "!\n";
  auto r = run({"import", "hr", "-", "--roles-from-title", "^(a+)+$=executive"}, csv);  // linear time
  CHECK(r.status == 0);
  CHECK(r.out.find("executive") == std::string::npos);
  r = run({"import", "hr", "-", "--roles-from-title", "(a)\\1=executive"}, csv);
  CHECK(r.status == 2);
  CHECK(r.err.find("clearpath: error: --roles-from-title '(a)\\1=executive': invalid regular expression '(a)\\1' "
                   "(RE2 syntax: no backreferences or lookaround): invalid escape sequence: \\1\n") == 0);
  CHECK(r.out.empty());
}

TEST_CASE("import hr: a title too long to match against --roles-from-title is a problem of its row", "[hr][cli]") {
  const std::string csv = "Employee ID,Name,Title\ne1,Ann," + std::string(200000, 'a') + "\ne2,Bo,Chief Officer\n";
  auto r = run({"import", "hr", "-", "--roles-from-title", "(a|b)*=executive"}, csv);
  CHECK(r.status == 2);
  CHECK(r.err.find("<stdin>:2: the title of employee 'e1' is 200000 bytes long") != std::string::npos);
  CHECK(r.out.empty());
  // Without --roles-from-title the title is just text.
  r = run({"import", "hr", "-"}, csv);
  CHECK(r.status == 0);
}
