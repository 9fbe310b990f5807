// `clearpath render` from the command line: formats from -o, atomic output, exit statuses.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include "clearpath/load.hpp"
#include "support/test_support.hpp"

using clearpath::test::run;
using clearpath::test::source_path;

TEST_CASE("render writes each format, chosen by --format or the -o extension", "[cli][render]") {
  const std::string dir = clearpath::test::temp_dir();
  const std::string graph = source_path("graphs/churn-model.json");
  for (const char* ext : {"svg", "png", "pdf", "dot"}) {
    INFO(ext);
    const std::string out = dir + "/org." + ext;
    const auto r = run({"render", graph, "--view", "org", "-o", out});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    const std::string bytes = clearpath::read_input(out);
    const std::string magic = std::string(ext) == "svg"   ? "<?xml"
                              : std::string(ext) == "png" ? "\x89PNG"
                              : std::string(ext) == "pdf" ? "%PDF-"
                                                          : "digraph clearpath {";
    CHECK(bytes.rfind(magic, 0) == 0);
  }
  const auto dot = run({"render", graph, "--view", "deps", "--format", "dot"});
  CHECK(dot.status == 0);
  CHECK(dot.out.rfind("digraph clearpath {", 0) == 0);
  const auto svg = run({"render", graph, "--view", "conflicts"});  // default: SVG on stdout
  CHECK(svg.out.rfind("<?xml", 0) == 0);
  const auto stdin_run = run({"render", "-", "--view", "approvals", "--format", "dot"},
                             clearpath::test::read_source_file("graphs/minimal.json"));
  CHECK(stdin_run.status == 0);
  CHECK(stdin_run.out.find("funding") != std::string::npos);
}

TEST_CASE("render: bad input and options exit 2 and write nothing", "[cli][render]") {
  const std::string dir = clearpath::test::temp_dir();
  const std::string graph = source_path("graphs/churn-model.json");
  const std::string out = dir + "/out.svg";
  auto r = run({"render", graph, "--view", "org", "--root", "nobody", "-o", out});
  CHECK(r.status == 2);
  CHECK(r.err.find("--root: there is no person 'nobody'") != std::string::npos);
  r = run({"render", graph, "--view", "deps", "--focus", "nothing", "-o", out});
  CHECK(r.status == 2);
  r = run({"render", graph, "--view", "deps", "--initiative", "nope", "-o", out});
  CHECK(r.status == 2);
  CHECK(r.err.find("nope") != std::string::npos);
  const std::string overdemand = R"({"clearpath": 1, "departments": [{"id": "ops", "capacity": 1}],
    "steps": [{"id": "s", "duration": 2, "demands": {"ops": 1}}, {"id": "t", "duration": 2, "demands": {"ops": 1}}]})";
  r = run({"render", "-", "--view", "conflicts", "--format", "dot"}, overdemand);  // drawn, not levelled
  CHECK(r.status == 0);
  CHECK(r.out.find("peak 2 of 1 FTE") != std::string::npos);
  r = run({"render", graph, "--view", "sideways", "-o", out});
  CHECK(r.status == 2);
  r = run({"render", graph, "-o", out});  // --view is required
  CHECK(r.status == 2);
  r = run({"render", "-", "--view", "org", "-o", out}, "{\"clearpath\": 1, \"people\": [{\"id\": 3}]}");
  CHECK(r.status == 2);
  CHECK(std::filesystem::is_empty(dir));
  r = run({"render", graph, "--view", "org", "--format", "png"}, "", true);  // binary onto a terminal
  CHECK(r.status == 2);
  CHECK(r.err.find("write it to a file with -o") != std::string::npos);
  CHECK(r.out.empty());
}

TEST_CASE("render --help shows examples", "[cli][render]") {
  const auto r = run({"render", "--help"});
  CHECK(r.status == 0);
  CHECK(r.out.find("clearpath render graphs/churn-model.json --view deps -o deps.svg") != std::string::npos);
  CHECK(r.out.find("--max-nodes") != std::string::npos);
}

TEST_CASE("render --page-per department: one file per department with people, named by its id", "[cli][render]") {
  const std::string graph = source_path("graphs/churn-model.json");
  const std::string dir = clearpath::test::temp_dir() + "/pages";
  const auto r = run({"render", graph, "--view", "org", "--page-per", "department", "-o", dir});
  REQUIRE(r.status == 0);
  std::set<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) files.insert(e.path().filename().string());
  // The churn example's 13 departments all have people.
  CHECK(files.size() == 13);
  CHECK(files.count("billing-systems.svg") == 1);
  std::ifstream in(dir + "/billing-systems.svg");
  const std::string svg((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(svg.find("Organisation: Billing Systems (mainframe)") != std::string::npos);
  CHECK(svg.find("<title>harold&#45;jennings</title>") != std::string::npos);  // its people
  CHECK(svg.find("<title>marcus&#45;bell</title>") == std::string::npos);      // another's
  CHECK(svg.find("<title>cio</title>") == std::string::npos);                  // its head's manager is elsewhere
  // Not a folder, another view, with --root, or a page kind that does not exist: exit 2, nothing written.
  const auto file = run({"render", graph, "--view", "org", "--page-per", "department", "-o", dir + "/x.svg"});
  CHECK(file.status == 2);
  CHECK(file.err == "clearpath: error: --page-per department writes one file per department into a folder: -o '" + dir +
                        "/x.svg' names a file (give a folder, without an extension)\n");
  const auto none = run({"render", graph, "--view", "org", "--page-per", "department"});
  CHECK(none.status == 2);
  CHECK(none.err ==
        "clearpath: error: --page-per department writes one file per department into a folder: give one with -o\n");
  CHECK(run({"render", graph, "--view", "deps", "--page-per", "department", "-o", dir + "2"}).status == 2);
  CHECK(run({"render", graph, "--view", "org", "--root", "cio", "--page-per", "department", "-o", dir + "2"}).status ==
        2);
  CHECK(run({"render", graph, "--view", "org", "--page-per", "team", "-o", dir + "2"}).status == 2);
  CHECK_FALSE(std::filesystem::exists(dir + "2"));
}
