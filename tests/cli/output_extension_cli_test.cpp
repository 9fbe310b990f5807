// -o FILE and --format: an extension that contradicts --format is an error, render refuses an
// extension it cannot write, and nothing is written either way.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/test_support.hpp"

using clearpath::test::run;
using clearpath::test::source_path;

namespace fs = std::filesystem;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("render -o with an extension render cannot write names the formats", "[cli][output]") {
  const std::string dir = clearpath::test::temp_dir();
  const std::string graph = source_path("graphs/minimal.json");
  auto r = run({"render", graph, "--view", "org", "-o", dir + "/x.jpg"});
  CHECK(r.status == 2);
  CHECK(r.err == "clearpath: error: -o '" + dir +
                     "/x.jpg': render writes svg, png, pdf or dot (.svg, .png, .pdf, .dot or .gv), or give --format\n");
  CHECK(r.out.empty());
  CHECK_FALSE(fs::exists(dir + "/x.jpg"));
  CHECK(run({"render", graph, "--view", "org", "-o", dir + "/x.json"}).status == 2);
  // No extension: SVG, as without -o; an explicit --format writes whatever the name.
  r = run({"render", graph, "--view", "org", "-o", dir + "/diagram"});
  CHECK(r.status == 0);
  CHECK(read_file(dir + "/diagram").rfind("<?xml", 0) == 0);
  r = run({"render", graph, "--view", "org", "--format", "dot", "-o", dir + "/x.jpg"});
  CHECK(r.status == 0);
  CHECK(read_file(dir + "/x.jpg").rfind("digraph", 0) == 0);
}

TEST_CASE("an -o extension that contradicts --format exits 2 naming both", "[cli][output]") {
  const std::string dir = clearpath::test::temp_dir();
  const std::string graph = source_path("graphs/minimal.json");
  struct Case {
    std::vector<std::string> args;
    std::string file, message;
  };
  const std::vector<Case> cases = {
      {{"path", graph, "--format", "json"}, "out.md", "names the md format, but --format is json"},
      {{"render", graph, "--view", "org", "--format", "svg"}, "x.png", "names the png format, but --format is svg"},
      {{"export", graph, "--format", "json"}, "x.graphml", "names the graphml format, but --format is json"},
      {{"analyze", graph, "--format", "html"}, "r.md", "names the md format, but --format is html"},
      {{"stats", graph, "--format", "md"}, "s.JSON", "names the json format, but --format is md"},
      {{"level", graph, "--format", "text"}, "l.htm", "names the html format, but --format is text"},
      {{"copilots", graph, "--format", "markdown"}, "c.json", "names the json format, but --format is md"},
      {{"conflicts", graph, "--format", "json"}, "c.svg", "names the svg format, but --format is json"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = c.args;
    args.insert(args.end(), {"-o", dir + "/" + c.file});
    INFO(args[0] << " " << c.file);
    const auto r = run(args);
    CHECK(r.status == 2);
    CHECK(r.err == "clearpath: error: -o '" + dir + "/" + c.file + "' " + c.message + "\n");
    CHECK_FALSE(fs::exists(dir + "/" + c.file));
  }
}

TEST_CASE("an -o extension that names no format, or .txt, goes with any --format", "[cli][output]") {
  const std::string dir = clearpath::test::temp_dir();
  const std::string graph = source_path("graphs/minimal.json");
  CHECK(run({"path", graph, "--format", "json", "-o", dir + "/report.txt"}).status == 0);
  CHECK(read_file(dir + "/report.txt").rfind("{", 0) == 0);
  CHECK(run({"stats", graph, "--format", "md", "-o", dir + "/out"}).status == 0);
  CHECK(read_file(dir + "/out").rfind("# ", 0) == 0);
  CHECK(run({"export", graph, "--format", "dot", "-o", dir + "/x.gv"}).status == 0);
  // Without --format, commands that do not infer from -o write text whatever the extension.
  CHECK(run({"stats", graph, "-o", dir + "/s.json"}).status == 0);
  CHECK(read_file(dir + "/s.json").rfind(source_path("graphs/minimal.json"), 0) == 0);
}
