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
  CHECK(read_file(dir + "/report.txt").rfind('{', 0) == 0);
  CHECK(run({"stats", graph, "--format", "md", "-o", dir + "/out"}).status == 0);
  CHECK(read_file(dir + "/out").rfind("# ", 0) == 0);
  CHECK(run({"export", graph, "--format", "dot", "-o", dir + "/x.gv"}).status == 0);
  // Without --format and without an extension: text.
  CHECK(run({"stats", graph, "-o", dir + "/s"}).status == 0);
  CHECK(read_file(dir + "/s").rfind(source_path("graphs/minimal.json"), 0) == 0);
}

TEST_CASE("without --format, the format is the one -o's extension names", "[cli][output]") {
  const std::string dir = clearpath::test::temp_dir();
  const std::string graph = source_path("graphs/minimal.json");
  struct Case {
    std::vector<std::string> args;
    std::string file, starts;
  };
  const std::vector<Case> cases = {
      {{"stats", graph}, "s.json", "{"},
      {{"path", graph}, "p.MD", "# "},
      {{"copilots", graph}, "c.txt", "clearpath copilots"},
      {{"conflicts", graph}, "c.json", "{"},
      {{"level", graph}, "l.md", "# "},
      {{"diff", graph, graph}, "d.json", "{"},
      {{"diff", graph, graph}, "d.md", "# "},
      {{"diff", graph, graph}, "d.htm", "<!DOCTYPE html>"},
      {{"export", graph}, "e.graphml", "<?xml"},
      {{"export", graph}, "e.gv", "digraph"},
      {{"export", graph}, "e.xml", "<?xml"},
      {{"export", graph}, "e.json", "{"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = c.args;
    args.insert(args.end(), {"-o", dir + "/" + c.file});
    INFO(args[0] << " -o " << c.file);
    const auto r = run(args);
    CHECK(r.status != 2);  // copilots finds a missing co-pilot in the example: 1
    CHECK(read_file(dir + "/" + c.file).rfind(c.starts, 0) == 0);
  }
  // The same as --format: what conflicts and export write equals what they write with it.
  CHECK(read_file(dir + "/c.json") == run({"conflicts", graph, "--format", "json"}).out);
  CHECK(read_file(dir + "/e.xml") == run({"export", graph, "--format", "mspdi"}).out);
}

TEST_CASE("an -o extension naming a format the command does not write exits 2 before anything is written",
          "[cli][output]") {
  const std::string dir = clearpath::test::temp_dir();
  const std::string graph = source_path("graphs/minimal.json");
  auto r = run({"path", graph, "-o", dir + "/p.html"});
  CHECK(r.status == 2);
  CHECK(r.err == "clearpath: error: -o '" + dir +
                     "/p.html' names the html format, which this command does not write: text (.txt), json (.json), "
                     "md (.md); or give --format\n");
  CHECK(run({"diff", graph, graph, "-o", dir + "/d.svg"}).status == 2);
  CHECK(run({"stats", graph, "-o", dir + "/s.graphml"}).status == 2);
  CHECK(fs::is_empty(dir));
  // --format decides whatever the name says, where the two do not contradict.
  r = run({"path", graph, "--format", "json", "-o", dir + "/p.dat"});
  CHECK(r.status == 0);
}

TEST_CASE("an -o naming an input file exits 2 and leaves the input as it was", "[cli][output]") {
  const std::string dir = clearpath::test::temp_dir();
  const std::string plan = dir + "/plan.json";
  fs::copy_file(source_path("graphs/minimal.json"), plan);
  const std::string before = read_file(plan);
  const std::string refusal = "clearpath: error: -o '" + plan +
                              "' is the input file: writing it would replace what was read; give -o another file\n";
  for (const std::vector<std::string>& args : {std::vector<std::string>{"path", plan},
                                               {"export", plan, "--format", "json"},
                                               {"analyze", plan},
                                               {"stats", plan},
                                               {"copilots", plan}}) {
    std::vector<std::string> a = args;
    a.insert(a.end(), {"-o", plan});
    INFO(a[0]);
    const auto r = run(a);
    CHECK(r.status == 2);
    CHECK(r.err == refusal);
    CHECK(read_file(plan) == before);
  }
  // The same file by another name (a symbolic link, ./) is the same input.
  fs::create_symlink(plan, dir + "/link.json");
  auto r = run({"diff", dir + "/link.json", source_path("graphs/minimal.json"), "-o", plan});
  CHECK(r.status == 2);
  CHECK(r.err == "clearpath: error: -o '" + plan + "' is the input file '" + dir +
                     "/link.json' by another name: writing it would replace what was read; give -o another file\n");
  CHECK(read_file(plan) == before);
  // An MS Project file imported over itself.
  const std::string xml = dir + "/plan.xml";
  fs::copy_file(source_path("tests/data/mspdi/mspdirelations.xml"), xml);
  const std::string xml_before = read_file(xml);
  r = run({"import", "mspdi", xml, "-o", xml});
  CHECK(r.status == 2);
  CHECK(read_file(xml) == xml_before);
  // import hr --into M -o M updates M, as asked.
  r = run({"import", "hr", source_path("graphs/hr-export.csv"), "--into", plan, "-o", plan});
  CHECK(r.status == 0);
  CHECK(read_file(plan) != before);
}
