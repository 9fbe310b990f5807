// Progress on stderr from the command line: which phases each command reports, live on a
// terminal, plain for logs, none with --quiet or off a terminal; the output never changes.
#include <regex>

#include <catch2/catch.hpp>

#include "clearpath/load.hpp"
#include "support/test_support.hpp"

using clearpath::test::run;
using clearpath::test::source_path;

namespace {

constexpr std::size_t kBig = 32u << 20;

// The lines of plain progress with the figures that vary (times, sizes, rates) taken out.
std::string masked(const std::string& err) {
  static const std::regex figures(R"((clearpath: [^:\n]*): [^\n]*)");
  return std::regex_replace(err, figures, "$1:");
}

}  // namespace

TEST_CASE("progress: plain lines name each phase of path, in order", "[cli][progress]") {
  const std::string f = source_path("graphs/churn-model.json");
  auto r = run({"path", f, "--progress=plain", "--fail-on", "never"});
  CHECK(r.status == 0);
  CHECK(masked(r.err) == "clearpath: reading " + f + ":\nclearpath: parsing " + f + ":\nclearpath: checking " + f +
                             ":\nclearpath: critical path:\nclearpath: writing standard output:\n");
  CHECK(r.err.find('\r') == std::string::npos);
  // The report is the same with or without progress.
  CHECK(r.out == run({"path", f, "--fail-on", "never"}).out);
  // A simulation counts its runs.
  auto sim = run({"path", f, "--progress", "plain", "--simulate", "300", "--fail-on", "never"});
  CHECK(sim.err.find("clearpath: critical path: 300 runs in ") != std::string::npos);
}

TEST_CASE("progress: analyze reports each analysis and each diagram", "[cli][progress]") {
  const std::string f = source_path("graphs/churn-model.json");
  const std::string dir = clearpath::test::temp_dir();
  auto r = run({"analyze", f, "--progress=plain", "-o", dir + "/out", "--fail-on", "never"});
  CHECK(r.status == 0);
  CHECK(masked(r.err) == "clearpath: reading " + f + ":\nclearpath: parsing " + f + ":\nclearpath: checking " + f +
                             ":\nclearpath: critical path:\nclearpath: co-pilots:\nclearpath: conflicts:\n"
                             "clearpath: drawing the org diagram:\nclearpath: drawing the approvals diagram:\n"
                             "clearpath: drawing the deps diagram:\nclearpath: drawing the conflicts diagram:\n"
                             "clearpath: drawing the timeline diagram:\n"
                             "clearpath: writing " +
                             dir + "/out:\n");
}

TEST_CASE("progress: render, conflicts, level and copilots name their phases", "[cli][progress]") {
  const std::string f = source_path("graphs/churn-model.json");
  const std::string dir = clearpath::test::temp_dir();
  auto render = run({"render", f, "--view", "deps", "--progress=plain", "-o", dir + "/d.svg"});
  CHECK(masked(render.err)
            .find("clearpath: building the deps diagram:\nclearpath: laying out the deps diagram:\n"
                  "clearpath: writing " +
                  dir + "/d.svg:\n") != std::string::npos);
  CHECK(run({"conflicts", f, "--progress=plain", "--fail-on", "never"}).err.find("clearpath: conflicts: ") !=
        std::string::npos);
  CHECK(run({"level", f, "--progress=plain"}).err.find("clearpath: levelling: ") != std::string::npos);
  CHECK(run({"copilots", f, "--progress=plain", "--fail-on", "never"}).err.find("clearpath: co-pilots: ") !=
        std::string::npos);
}

TEST_CASE("progress: live on a terminal for a large input, with a line per phase", "[cli][progress]") {
  const std::string model = clearpath::test::read_source_file("graphs/minimal.json");
  // progress_bytes 100: this input counts as large, so lines are drawn from the start.
  auto tty = run({"validate", "-"}, model, true, true, 100);
  CHECK(tty.status == 0);
  CHECK(tty.err.rfind("clearpath: reading <stdin>: ", 0) == 0);
  CHECK(tty.err.find("\r\x1b[Kclearpath: parsing <stdin>: ") != std::string::npos);
  CHECK(tty.err.find("\r\x1b[Kclearpath: checking <stdin>: ") != std::string::npos);
  CHECK(tty.err.ends_with(" s\n"));
  // Not off a terminal, not with --quiet or --progress=none, and not for quick work.
  CHECK(run({"validate", "-"}, model, false, true, 100).err.empty());
  CHECK(run({"validate", "-", "--quiet"}, model, true, true, 100).err.empty());
  CHECK(run({"validate", "-", "-q"}, model, true, true, 100).err.empty());
  CHECK(run({"validate", "-", "--progress=none"}, model, true, true, 100).err.empty());
  CHECK(run({"validate", "-"}, model, true, true).err.empty());
  // --quiet wins over --progress=plain.
  CHECK(run({"validate", "-", "--progress=plain", "-q"}, model).err.empty());
  // live asks for live lines off a terminal too.
  CHECK(run({"validate", "-", "--progress=live"}, model, false, true, 100).err.find("\r\x1b[K") != std::string::npos);
}

TEST_CASE("progress: a simulation is drawn live once past the threshold", "[cli][progress]") {
  const std::string f = source_path("graphs/minimal.json");
  auto tty = run({"path", f, "--simulate", "500", "--fail-on", "never"}, "", true, true, kBig, 0);
  CHECK(tty.err.find("\r\x1b[Kclearpath: critical path: ") != std::string::npos);
  CHECK(tty.err.find("clearpath: critical path: 500 runs in ") != std::string::npos);
  // The report goes to the terminal: no "writing" line between it and the progress.
  CHECK(tty.err.find("writing") == std::string::npos);
}

TEST_CASE("progress: bad input still gets its diagnostics and a bad mode is a usage error", "[cli][progress]") {
  auto bad = run({"validate", "-", "--progress=plain"}, "{\"clearpath\": 1, \"steps\": [");
  CHECK(bad.status == 2);
  CHECK(bad.err.find("clearpath: parsing <stdin>: ") != std::string::npos);
  CHECK(bad.err.find("error") != std::string::npos);
  auto mode = run({"validate", "-", "--progress=loud"}, "{}");
  CHECK(mode.status == 2);
  CHECK(mode.err.find("--progress") != std::string::npos);
}
