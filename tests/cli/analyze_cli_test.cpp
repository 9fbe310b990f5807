#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "support/test_support.hpp"

namespace fs = std::filesystem;
using clearpath::test::run;
using clearpath::test::source_path;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path fresh_dir(const std::string& name) {
  fs::path d = fs::temp_directory_path() / std::string("clearpath-analyze-").append(name);
  fs::remove_all(d);
  return d;
}

}  // namespace

TEST_CASE("analyze: exit codes follow --fail-on", "[cli][analyze]") {
  const std::string churn = source_path("graphs/churn-model.json");
  CHECK(run({"analyze", churn}).status == 1);  // errors: a gate that cannot be granted
  CHECK(run({"analyze", churn, "--fail-on", "never"}).status == 0);
  CHECK(run({"analyze", churn, "--fail-on", "warning"}).status == 1);
  // minimal has warnings only at most: error passes; warning fails exactly when it has one.
  const auto minimal = run({"analyze", source_path("graphs/minimal.json"), "--format", "json", "--fail-on", "never"});
  REQUIRE(minimal.status == 0);
  const auto j = nlohmann::json::parse(minimal.out);
  const bool has_error = j["summary"]["counts"]["error"].get<int>() > 0;
  const bool has_warning = has_error || j["summary"]["counts"]["warning"].get<int>() > 0;
  CHECK(run({"analyze", source_path("graphs/minimal.json")}).status == (has_error ? 1 : 0));
  CHECK(run({"analyze", source_path("graphs/minimal.json"), "--fail-on", "warning"}).status == (has_warning ? 1 : 0));
}

TEST_CASE("analyze: bad input and usage exit 2 and write nothing", "[cli][analyze]") {
  const fs::path d = fresh_dir("bad");
  auto r = run({"analyze", "-", "-o", d.string()}, "{\"format_version\": 1, \"people\": [");
  CHECK(r.status == 2);
  CHECK(!fs::exists(d));
  r = run({"analyze", source_path("graphs/churn-model.json"), "--initiative", "no-such", "-o", d.string()});
  CHECK(r.status == 2);
  CHECK(r.err.find("no-such") != std::string::npos);
  CHECK(!fs::exists(d));
  CHECK(run({"analyze", source_path("graphs/churn-model.json"), "--format", "pdf"}).status == 2);
  CHECK(run({"analyze", source_path("tests/data/does-not-exist.json")}).status == 2);
  // -o names an existing file that is not a report file: not a folder.
  std::ofstream(fs::temp_directory_path() / "clearpath-analyze-plain-file") << "x";
  r = run({"analyze", source_path("graphs/churn-model.json"), "-o",
           (fs::temp_directory_path() / "clearpath-analyze-plain-file").string()});
  CHECK(r.status == 2);
  CHECK(r.err.find("not a folder") != std::string::npos);
  // -o with a diagram's extension is a mistake, not a folder to create.
  const fs::path svg = fs::path(clearpath::test::temp_dir()) / "out.svg";
  r = run({"analyze", source_path("graphs/churn-model.json"), "-o", svg.string()});
  CHECK(r.status == 2);
  CHECK(r.err == "clearpath: error: -o '" + svg.string() +
                     "': analyze writes a report (.txt, .json, .md, .html) or a folder of the report and its "
                     "diagrams; `clearpath render` draws one diagram\n");
  CHECK(!fs::exists(svg));
}

TEST_CASE("analyze -o DIR: the report and a diagram of every view, linked and embedded", "[cli][analyze]") {
  const std::string churn = source_path("graphs/churn-model.json");
  for (const char* format : {"md", "html", "json", "text"}) {
    INFO(format);
    const fs::path d = fresh_dir(format);
    const auto r = run({"analyze", churn, "--format", format, "-o", d.string(), "--fail-on", "never"});
    REQUIRE(r.status == 0);
    CHECK(r.out.empty());
    for (const char* view : {"org", "approvals", "deps", "conflicts", "timeline"}) {
      const std::string svg = slurp(d / (std::string(view) + ".svg"));
      CHECK(svg.find("<svg") != std::string::npos);
    }
    const std::string ext = std::string(format) == "text" ? "txt" : format;
    const std::string report = slurp(d / ("report." + ext));
    if (std::string(format) == "md") {
      for (const char* view : {"org", "approvals", "deps", "conflicts", "timeline"})
        CHECK(report.find(std::string("](") + view + ".svg)") != std::string::npos);
    } else if (std::string(format) == "html") {
      for (const char* view : {"org", "approvals", "deps", "conflicts", "timeline"})
        CHECK(report.find(std::string("<figure id=\"diagram-") + view + "\"") != std::string::npos);
      CHECK(report.find("<svg") != std::string::npos);
    } else if (std::string(format) == "json") {
      const auto j = nlohmann::json::parse(report);
      REQUIRE(j["diagrams"].size() == 5);
      CHECK(j["diagrams"][2]["file"] == "deps.svg");
    } else {
      CHECK(report.find("deps.svg") != std::string::npos);
    }
    fs::remove_all(d);
  }
}

TEST_CASE("analyze -o FILE: the format from the extension, the report alone", "[cli][analyze]") {
  const fs::path d = fresh_dir("file");
  fs::create_directories(d);
  const auto r =
      run({"analyze", source_path("graphs/churn-model.json"), "-o", (d / "churn.html").string(), "--fail-on", "never"});
  REQUIRE(r.status == 0);
  const std::string html = slurp(d / "churn.html");
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("<figure id=\"diagram-org\"") != std::string::npos);  // embedded all the same
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(d)) ++files;
  CHECK(files == 1);
  fs::remove_all(d);
}

TEST_CASE("analyze: the same input gives the same bytes", "[cli][analyze]") {
  const std::string churn = source_path("graphs/churn-model.json");
  for (const char* format : {"text", "md", "json", "html"}) {
    INFO(format);
    const auto a = run({"analyze", churn, "--format", format, "--simulate", "500"});
    const auto b = run({"analyze", churn, "--format", format, "--simulate", "500"});
    CHECK(a.out == b.out);
    CHECK(!a.out.empty());
  }
}

TEST_CASE("analyze: colour only on a terminal and never with NO_COLOR", "[cli][analyze]") {
  const std::string churn = source_path("graphs/churn-model.json");
  CHECK(run({"analyze", churn}).out.find('\033') == std::string::npos);
  CHECK(run({"analyze", churn}, "", true).out.find("\033[") != std::string::npos);
  CHECK(run({"analyze", churn}, "", true, true).out.find('\033') == std::string::npos);
}

TEST_CASE("analyze: hostile names stay text in every format", "[cli][analyze]") {
  const std::string model = R"({"format_version": 1, "name": "<script>alert(1)</script>",
    "departments": [{"id": "it", "side": "it", "name": "<img src=x onerror=alert(2)>"}],
    "people": [{"id": "p", "name": "<script>alert(1)</script>", "department": "it", "roles": ["executive"]}],
    "initiatives": [{"id": "i", "name": "*bold* | [x](y) \u001b[2J", "sponsors": ["p"]}],
    "steps": [{"id": "s", "initiative": "i", "owner": "p", "duration": 2}]})";
  const auto html = run({"analyze", "-", "--format", "html", "--fail-on", "never"}, model);
  REQUIRE(html.status == 0);
  // The only scripts: the search index (data) and clearpath's own, each once; no name's.
  std::size_t scripts = 0;
  for (std::size_t at = html.out.find("<script"); at != std::string::npos; at = html.out.find("<script", at + 1))
    ++scripts;
  CHECK(scripts == 2);
  CHECK(html.out.find("<script>alert") == std::string::npos);
  CHECK(html.out.find("<img") == std::string::npos);
  CHECK(html.out.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  const auto text = run({"analyze", "-", "--fail-on", "never"}, model);
  CHECK(text.out.find('\033') == std::string::npos);
  const auto md = run({"analyze", "-", "--format", "md", "--fail-on", "never"}, model);
  CHECK(md.out.find("<script") == std::string::npos);
  const auto json = run({"analyze", "-", "--format", "json", "--fail-on", "never"}, model);
  CHECK(nlohmann::json::parse(json.out)["name"] == "<script>alert(1)</script>");
}

TEST_CASE("schema --report is the report's schema", "[cli][analyze]") {
  const auto r = run({"schema", "--report"});
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["title"] == "clearpath analyze report");
  CHECK(r.out == clearpath::test::read_source_file("schema/report.schema.json"));
}

TEST_CASE("analyze: a model of people only (an HR import) gives a report without empty tables", "[cli][analyze]") {
  const auto r = run({"analyze", source_path("samples/hr-export.json")});
  REQUIRE(r.status == 0);
  CHECK(r.out.find("initiatives           none in the model") != std::string::npos);
  CHECK(r.out.find("The model has no steps or approvals to schedule.") != std::string::npos);
  CHECK(r.out.find("  #  id  kind") == std::string::npos);  // no table header over nothing
  CHECK(r.out.find("No findings.") != std::string::npos);
  const auto md = run({"analyze", source_path("samples/hr-export.json"), "--format", "md"});
  CHECK(md.out.find("| gate |") == std::string::npos);
  CHECK(md.out.find("*none*") != std::string::npos);
  const auto html = run({"analyze", source_path("samples/hr-export.json"), "--format", "html"});
  CHECK(html.status == 0);
  CHECK(html.out.find("<th>gate</th>") == std::string::npos);
  CHECK(html.out.find("<figure id=\"diagram-org\"") != std::string::npos);
}
