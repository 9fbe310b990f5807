// `clearpath export` from the command line: the three formats to stdout, -o and from stdin,
// the same bytes either way, and exit 2 with the loader's diagnostics (nothing written) on
// invalid input.
#include <catch2/catch.hpp>

#include <filesystem>

#include "clearpath/export.hpp"
#include "clearpath/load.hpp"
#include "support/test_support.hpp"

using clearpath::test::run;
using clearpath::test::source_path;

TEST_CASE("export writes each format to stdout, to -o and from stdin", "[export][cli]") {
  const std::string dir = clearpath::test::temp_dir();
  const std::string graph = source_path("graphs/churn-model.json");
  const clearpath::Model m = clearpath::test::load_valid(clearpath::test::read_source_file("graphs/churn-model.json"));
  for (clearpath::ExportFormat f : clearpath::kExportFormats) {
    const std::string format = clearpath::export_format_name(f);
    INFO(format);
    const auto out = run({"export", graph, "--format", format});
    CHECK(out.status == 0);
    // Only MS Project XML leaves something out, and says what.
    if (f == clearpath::ExportFormat::mspdi)
      CHECK(out.err.rfind("clearpath: export: MS Project XML cannot hold", 0) == 0);
    else CHECK(out.err.empty());
    CHECK(out.out == clearpath::export_model(m, f));
    const std::string file = dir + "/churn." + format;
    const auto to_file = run({"export", graph, "--format", format, "-o", file});
    CHECK(to_file.status == 0);
    CHECK(to_file.out.empty());
    CHECK(clearpath::read_input(file) == out.out);
    const auto from_stdin =
        run({"export", "-", "--format", format}, clearpath::test::read_source_file("graphs/churn-model.json"));
    CHECK(from_stdin.status == 0);
    CHECK(from_stdin.out == out.out);
  }
  CHECK(run({"export", graph, "--format", "json"}).out.rfind("{\n  \"clearpath\": 1,\n  \"name\": \"Churn model", 0) ==
        0);
  CHECK(run({"export", graph, "--format", "graphml"})
            .out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml", 0) == 0);
  CHECK(run({"export", graph, "--format", "dot"}).out.rfind("digraph clearpath {\n", 0) == 0);
}

TEST_CASE("export json of its own output gives the same bytes", "[export][cli]") {
  const std::string graph = source_path("graphs/churn-model.json");
  const auto once = run({"export", graph, "--format", "json"});
  const auto twice = run({"export", "-", "--format", "json"}, once.out);
  CHECK(twice.status == 0);
  CHECK(twice.err.empty());  // no warnings either
  CHECK(twice.out == once.out);
}

TEST_CASE("export: invalid input or usage exits 2 and writes nothing", "[export][cli]") {
  const std::string dir = clearpath::test::temp_dir();
  const std::string out = dir + "/out.graphml";
  auto r = run({"export", source_path("tests/data/errors/unknown-reference.json"), "--format", "graphml", "-o", out});
  CHECK(r.status == 2);
  CHECK(r.err.find("unknown-reference.json:14:22: error: /steps/1/depends_on/0: unknown reference 'lod-data'") !=
        std::string::npos);
  CHECK(r.out.empty());
  r = run({"export", "-", "--format", "dot", "-o", dir + "/out.dot"}, "{\"clearpath\": 1, \"people\": [{\"id\": 3}]}");
  CHECK(r.status == 2);
  CHECK(r.err.find("<stdin>:1:") != std::string::npos);
  r = run({"export", "-", "--format", "json"}, "not json");
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  // --format is required when -o's extension names no format export writes.
  r = run({"export", source_path("graphs/minimal.json"), "-o", dir + "/out"});
  CHECK(r.status == 2);
  CHECK(r.err ==
        "clearpath: error: --format is required: json (.json), graphml (.graphml), dot (.dot), mspdi (.xml), or an -o "
        "file whose extension names one of them\n");
  r = run({"export", source_path("graphs/minimal.json")});
  CHECK(r.status == 2);
  CHECK(r.err.find("--format is required") != std::string::npos);
  r = run({"export", source_path("graphs/minimal.json"), "-o", dir + "/out.md"});
  CHECK(r.status == 2);
  CHECK(r.err == "clearpath: error: -o '" + dir +
                     "/out.md' names the md format, which this command does not write: json (.json), graphml "
                     "(.graphml), dot (.dot), mspdi (.xml); or give --format\n");
  r = run({"export", source_path("graphs/minimal.json"), "--format", "xml", "-o", out});
  CHECK(r.status == 2);
  r = run({"export", dir + "/missing.json", "--format", "json", "-o", dir + "/out.json"});
  CHECK(r.status == 2);
  CHECK(r.err.find("missing.json") != std::string::npos);
  CHECK(std::filesystem::is_empty(dir));
}

TEST_CASE("export --help shows examples", "[export][cli]") {
  const auto r = run({"export", "--help"});
  CHECK(r.status == 0);
  CHECK(r.out.find("clearpath export graphs/churn-model.json --format graphml -o churn.graphml") != std::string::npos);
  CHECK(r.out.find("apoc.import.graphml") != std::string::npos);
  CHECK(run({"--help"}).out.find("clearpath export plan.json --format graphml") != std::string::npos);
}
