// The progress display: its lines (exact text), and when live and plain modes draw them, on a
// clock the test moves by hand.
#include <sstream>

#include <catch2/catch.hpp>

#include "cli/progress_display.hpp"

using namespace clearpath;

namespace {

struct FakeClock {
  double now = 100;
  ProgressDisplay::Clock clock() {
    return [this] { return now; };
  }
};

PhaseState phase(const char* name, ProgressUnit unit, std::uint64_t done, std::uint64_t total) {
  return PhaseState{name, unit, 10.0, done, total};
}

}  // namespace

TEST_CASE("progress: the running line says how much, how fast and how long is left", "[cli][progress]") {
  // 120 MB of 200 MB in 0.4 s: 300 MB/s; 80 MB more at that rate is 0.27 s.
  CHECK(running_line(phase("parsing big.json", ProgressUnit::bytes, 120000000, 200000000), 10.4) ==
        "clearpath: parsing big.json: 60%, 120.0 MB of 200.0 MB, 300 MB/s, 0.40 s, about 0.27 s left");
  // Total not known: no percentage and no estimate.
  CHECK(running_line(phase("reading -", ProgressUnit::bytes, 5000000, 0), 12) ==
        "clearpath: reading -: 5.0 MB, 2.5 MB/s, 2.00 s");
  // Runs: 2500 of 10000 in 15 s leaves 45 s.
  CHECK(running_line(phase("critical path", ProgressUnit::runs, 2500, 10000), 25) ==
        "clearpath: critical path: 25%, 2500 of 10000 runs, 15.0 s, about 45.0 s left");
  // No unit, or nothing counted yet: the time so far only.
  CHECK(running_line(phase("checking big.json", ProgressUnit::none, 0, 0), 10.59) ==
        "clearpath: checking big.json: 0.59 s");
  CHECK(running_line(phase("critical path", ProgressUnit::runs, 0, 0), 11) == "clearpath: critical path: 1.00 s");
}

TEST_CASE("progress: the finished line says how much in how long", "[cli][progress]") {
  CHECK(finished_line(phase("parsing big.json", ProgressUnit::bytes, 202700000, 202700000), 10.7, true) ==
        "clearpath: parsing big.json: 202.7 MB in 0.70 s, 290 MB/s");
  // Small amounts in small units; no rate for a phase too short to measure.
  CHECK(finished_line(phase("reading a.json", ProgressUnit::bytes, 12345, 12345), 10.001, true) ==
        "clearpath: reading a.json: 12.3 kB in 0.00 s");
  CHECK(finished_line(phase("reading a.json", ProgressUnit::bytes, 512, 512), 10.5, true) ==
        "clearpath: reading a.json: 512 bytes in 0.50 s");
  CHECK(finished_line(phase("critical path", ProgressUnit::runs, 10000, 10000), 13.1, true) ==
        "clearpath: critical path: 10000 runs in 3.10 s");
  CHECK(finished_line(phase("conflicts", ProgressUnit::none, 0, 0), 135, true) == "clearpath: conflicts: 2 min 05 s");
  CHECK(finished_line(phase("checking big.json", ProgressUnit::none, 0, 0), 10.25, false) ==
        "clearpath: checking big.json: stopped after 0.25 s");
}

TEST_CASE("progress: seconds are shown to a sensible precision", "[cli][progress]") {
  CHECK(seconds_text(0) == "0.00 s");
  CHECK(seconds_text(9.994) == "9.99 s");
  CHECK(seconds_text(10) == "10.0 s");
  CHECK(seconds_text(59.94) == "59.9 s");
  CHECK(seconds_text(60) == "1 min 00 s");
  CHECK(seconds_text(3725.4) == "62 min 05 s");
}

TEST_CASE("progress: live lines wait for the threshold, then show the phases so far", "[cli][progress]") {
  FakeClock t;
  std::ostringstream err;
  ProgressDisplay d(err, ProgressMode::live, 1.0, t.clock());
  d.begin("reading a.json", ProgressUnit::bytes);
  t.now += 0.2;
  d.advance(100, 100);
  d.end(true);
  d.begin("checking a.json", ProgressUnit::none);
  t.now += 0.3;
  d.end(true);
  CHECK(err.str().empty());  // 0.5 s so far: nothing yet
  d.begin("conflicts", ProgressUnit::none);
  t.now += 0.6;  // past the second: the finished phases, then this one live
  d.advance(0, 0);
  CHECK(err.str() ==
        "clearpath: reading a.json: 100 bytes in 0.20 s\n"
        "clearpath: checking a.json: 0.30 s\n"
        "\r\x1b[Kclearpath: conflicts: 0.60 s");
  t.now += 0.05;  // redrawn at most every 0.1 s
  d.advance(0, 0);
  t.now += 0.1;
  d.advance(0, 0);
  d.end(true);
  const std::string first = "\r\x1b[Kclearpath: conflicts: 0.60 s";
  CHECK(err.str().substr(err.str().find(first) + first.size()) ==
        "\r\x1b[Kclearpath: conflicts: 0.75 s\r\x1b[Kclearpath: conflicts: 0.75 s\n");
  // Once shown, every phase is drawn as it begins.
  err.str("");
  d.begin("writing out.json", ProgressUnit::none);
  CHECK(err.str() == "\r\x1b[Kclearpath: writing out.json: 0.00 s");
}

TEST_CASE("progress: a large input shows at once, a quick command shows nothing", "[cli][progress]") {
  FakeClock t;
  std::ostringstream err;
  ProgressDisplay d(err, ProgressMode::live, 1.0, t.clock());
  d.begin("reading big.json", ProgressUnit::bytes);
  d.advance(3000000, 3000000);
  t.now += 0.1;
  d.end(true);
  d.show_now();
  CHECK(err.str() == "clearpath: reading big.json: 3.0 MB in 0.10 s, 30.0 MB/s\n");
  d.begin("parsing big.json", ProgressUnit::bytes);
  CHECK(err.str().ends_with("\r\x1b[Kclearpath: parsing big.json: 0.00 s"));

  std::ostringstream quick;
  {
    ProgressDisplay q(quick, ProgressMode::live, 1.0, t.clock());
    q.begin("checking a.json", ProgressUnit::none);
    t.now += 0.5;
    q.end(true);
  }
  CHECK(quick.str().empty());
}

TEST_CASE("progress: plain lines, one per phase and every ten seconds inside one", "[cli][progress]") {
  FakeClock t;
  std::ostringstream err;
  ProgressDisplay d(err, ProgressMode::plain, 1.0, t.clock());
  d.begin("checking a.json", ProgressUnit::none);
  t.now += 0.01;
  d.end(true);
  CHECK(err.str() == "clearpath: checking a.json: 0.01 s\n");  // shown however short
  err.str("");
  d.begin("critical path", ProgressUnit::runs);
  t.now += 4;
  d.advance(100, 1000);  // not yet ten seconds
  t.now += 6;
  d.advance(250, 1000);
  t.now += 5;
  d.advance(400, 1000);
  d.end(false);
  CHECK(err.str() ==
        "clearpath: critical path: 25%, 250 of 1000 runs, 10.0 s, about 30.0 s left\n"
        "clearpath: critical path: stopped after 15.0 s\n");
  CHECK(err.str().find('\r') == std::string::npos);
  CHECK(err.str().find('\x1b') == std::string::npos);
}

TEST_CASE("progress: phases named after their subject, none without a display", "[cli][progress]") {
  FakeClock t;
  std::ostringstream err;
  ProgressDisplay d(err, ProgressMode::plain, 1.0, t.clock());
  SubjectPhases named(&d, "a.json");
  {
    ProgressPhase p(named.get(), "parsing", ProgressUnit::bytes);
    p.advance(2000, 2000);
  }
  CHECK(err.str() == "clearpath: parsing a.json: 2.0 kB in 0.00 s\n");
  SubjectPhases none(nullptr, "a.json");
  CHECK(none.get() == nullptr);
  ProgressPhase nothing(none.get(), "parsing");  // no observer: no calls
  nothing.advance(1, 2);
}

TEST_CASE("progress: a phase ended by an exception says it stopped", "[cli][progress]") {
  FakeClock t;
  std::ostringstream err;
  ProgressDisplay d(err, ProgressMode::plain, 1.0, t.clock());
  try {
    ProgressPhase p(&d, "checking a.json");
    t.now += 0.5;
    throw std::runtime_error("bad");
  } catch (const std::runtime_error&) {}
  CHECK(err.str() == "clearpath: checking a.json: stopped after 0.50 s\n");
}

TEST_CASE("progress: no estimate from too little of the work", "[cli][progress]") {
  // Under a hundredth done, or under a third of a second: no guess of the time left.
  CHECK(running_line(phase("parsing big.json", ProgressUnit::bytes, 1000000, 200000000), 12) ==
        "clearpath: parsing big.json: 0%, 1.0 MB of 200.0 MB, 0.5 MB/s, 2.00 s");
  CHECK(running_line(phase("critical path", ProgressUnit::runs, 500, 1000), 10.2) ==
        "clearpath: critical path: 50%, 500 of 1000 runs, 0.20 s");
  CHECK(running_line(phase("critical path", ProgressUnit::runs, 10, 1000), 12) ==
        "clearpath: critical path: 1%, 10 of 1000 runs, 2.00 s, about 3 min 18 s left");
}
