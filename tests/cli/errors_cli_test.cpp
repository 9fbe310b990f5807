// One error hierarchy: every clearpath exception is an Error with an optional location; the
// command line maps an Error to exit 2 and anything else (a bug) to exit 3.
#include <fcntl.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <csignal>
#include <sstream>
#include <stdexcept>

#include "clearpath/conflicts.hpp"
#include "clearpath/copilots.hpp"
#include "clearpath/error.hpp"
#include "clearpath/hr_import.hpp"
#include "clearpath/levelling.hpp"
#include "clearpath/load.hpp"
#include "clearpath/render.hpp"
#include "clearpath/schedule.hpp"
#include "cli/cli.hpp"
#include "cli/error_exit.hpp"
#include "io/fd_streambuf.hpp"
#include "support/test_support.hpp"

using clearpath::Error;
using clearpath::run_reporting_errors;

TEST_CASE("the seven exception types share the Error base", "[cli][errors]") {
  STATIC_REQUIRE(std::is_base_of_v<Error, clearpath::ScheduleError>);
  STATIC_REQUIRE(std::is_base_of_v<Error, clearpath::RenderError>);
  STATIC_REQUIRE(std::is_base_of_v<Error, clearpath::ConflictError>);
  STATIC_REQUIRE(std::is_base_of_v<Error, clearpath::LevellingError>);
  STATIC_REQUIRE(std::is_base_of_v<Error, clearpath::CopilotError>);
  STATIC_REQUIRE(std::is_base_of_v<Error, clearpath::InputError>);
  STATIC_REQUIRE(std::is_base_of_v<clearpath::InputError, clearpath::HrImportError>);
  STATIC_REQUIRE(std::is_base_of_v<std::runtime_error, Error>);
  // The existing constructors still work.
  CHECK(std::string(clearpath::ScheduleError("no such initiative").what()) == "no such initiative");
  const clearpath::LevellingError l("too much", 3, 4);
  CHECK(l.activity == 3);
  CHECK(l.resource == 4);
  CHECK(l.location().empty());
  const clearpath::HrImportError hr({"a.csv:2: one", "a.csv:3: two"});
  CHECK(std::string(hr.what()) == "a.csv:2: one\na.csv:3: two");
}

TEST_CASE("an Error's location prefixes its message, leaving out what is unknown", "[cli][errors]") {
  CHECK(Error("bad").located_what() == "bad");
  CHECK(Error("bad", {"plan.json", 0, 0, "", ""}).located_what() == "plan.json: bad");
  CHECK(Error("bad", {"plan.json", 4, 0, "", ""}).located_what() == "plan.json:4: bad");
  CHECK(Error("bad", {"plan.json", 4, 7, "/steps/0", "s"}).located_what() == "plan.json:4:7: /steps/0: bad");
  CHECK(Error("bad", {"", 4, 7, "/steps/0", ""}).located_what() == "/steps/0: bad");
  clearpath::ConflictError e("step 's' demands 2");
  CHECK(e.location().empty());
  e.set_file("<stdin>");
  CHECK(e.located_what() == "<stdin>: step 's' demands 2");
  CHECK_FALSE(e.location().empty());
}

TEST_CASE("invalid input exits 2, a bug exits 3 asking for a report", "[cli][errors]") {
  std::ostringstream err;
  CHECK(run_reporting_errors(err, [] { return 1; }) == 1);
  CHECK(err.str().empty());
  CHECK(run_reporting_errors(err, []() -> int { throw clearpath::RenderError("--root: there is no person 'x'"); }) ==
        2);
  CHECK(err.str() == "clearpath: error: --root: there is no person 'x'\n");
  err.str("");
  CHECK(run_reporting_errors(err, []() -> int { throw Error("no duration", {"p.json", 3, 9, "", "s"}); }) == 2);
  CHECK(err.str() == "clearpath: error: p.json:3:9: no duration\n");
  err.str("");
  CHECK(run_reporting_errors(err, []() -> int { throw std::logic_error("the levelled schedule is infeasible"); }) == 3);
  CHECK(err.str() ==
        "clearpath: internal error: the levelled schedule is infeasible\n"
        "clearpath: please report this as a bug, with the command and its input\n");
  err.str("");
  CHECK(run_reporting_errors(err, []() -> int { throw 42; }) == 3);
  CHECK(err.str() ==
        "clearpath: internal error: an exception of unknown type\n"
        "clearpath: please report this as a bug, with the command and its input\n");
  err.str("");
  CHECK(run_reporting_errors(err, []() -> int { throw std::bad_alloc(); }) == 2);  // too large, not a bug
  CHECK(err.str() == "clearpath: error: out of memory\n");
}

TEST_CASE("errors thrown by the analyses reach the user once, as before", "[cli][errors]") {
  using clearpath::test::run;
  const std::string minimal = clearpath::test::source_path("graphs/minimal.json");
  for (const char* command : {"path", "copilots", "conflicts", "level", "analyze"}) {
    INFO(command);
    const auto r = run({command, minimal, "--initiative", "nope"});
    CHECK(r.status == 2);
    CHECK(r.err == "clearpath: error: --initiative: there is no initiative 'nope'\n");
  }
  const std::string overdemand = R"({"clearpath": 1, "departments": [{"id": "ops", "capacity": 1}],
    "steps": [{"id": "s", "duration": 2, "demands": {"ops": 2}}]})";
  for (const char* command : {"conflicts", "level", "analyze"}) {
    INFO(command);
    const auto r = run({command, "-"}, overdemand);
    CHECK(r.status == 2);
    // The loader finds it now, before any analysis runs: located, with the source line.
    CHECK(r.err ==
          "<stdin>:2:61: error: /steps/0/demands/ops: step 's' demands 2 of 'ops', whose capacity is 1: it can never "
          "be scheduled\n"
          "    2 |     \"steps\": [{\"id\": \"s\", \"duration\": 2, \"demands\": {\"ops\": 2}}]}\n"
          "      |                                                             ^\n");
  }
  const auto missing = run({"import", "psplib", "/no/such.sm"});
  CHECK(missing.status == 2);
  CHECK(missing.err == "clearpath: error: cannot open /no/such.sm: No such file or directory\n");
}

namespace {

// Runs the command line in-process with standard output written to `fd` through an FdStreambuf,
// as main() does.
clearpath::test::CliRun run_to_fd(int fd, const std::vector<std::string>& args) {
  clearpath::FdStreambuf buffer(fd);
  std::ostream out(&buffer);
  std::istringstream in;
  std::ostringstream err;
  std::vector<std::string> argv{"clearpath"};
  argv.insert(argv.end(), args.begin(), args.end());
  clearpath::test::CliRun r;
  r.status = clearpath::run_cli(argv, {in, out, err, clearpath::Terminal{}});
  r.err = err.str();
  return r;
}

}  // namespace

TEST_CASE("standard output that cannot be written: exit 2 and the reason", "[cli][errors][stdout]") {
  const std::string minimal = clearpath::test::source_path("graphs/minimal.json");
  const int full = ::open("/dev/full", O_WRONLY);
  REQUIRE(full >= 0);
  for (const std::vector<std::string>& args : {std::vector<std::string>{"path", minimal},
                                               {"export", minimal, "--format", "graphml"},
                                               {"validate", minimal, "--format", "json"},
                                               {"render", minimal, "--view", "org"},
                                               {"schema"}}) {
    INFO(args.front());
    const auto r = run_to_fd(full, args);
    CHECK(r.status == 2);
    CHECK(r.err == "clearpath: error: cannot write standard output: No space left on device\n");
  }
  ::close(full);
  // A descriptor open only for reading, as main() leaves a closed standard output.
  const int read_only = ::open("/dev/null", O_RDONLY);
  REQUIRE(read_only >= 0);
  const auto closed = run_to_fd(read_only, {"path", minimal});
  ::close(read_only);
  CHECK(closed.status == 2);
  CHECK(closed.err == "clearpath: error: cannot write standard output: Bad file descriptor\n");
  // Findings (exit 1) do not hide a lost output either.
  std::ostringstream bad;
  bad.setstate(std::ios::badbit);
  std::ostringstream err;
  CHECK(clearpath::finish_standard_output(bad, err, clearpath::kExitFindings) == 2);
  CHECK(err.str() == "clearpath: error: cannot write standard output: write failed\n");
}

TEST_CASE("a pipe closed by its reader (EPIPE): no message, 128 + SIGPIPE", "[cli][errors][stdout]") {
  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  ::close(ends[0]);
  struct sigaction ignore {
  }, old{};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore, &old);
  const auto r = run_to_fd(ends[1], {"path", clearpath::test::source_path("graphs/minimal.json")});
  ::sigaction(SIGPIPE, &old, nullptr);
  ::close(ends[1]);
  CHECK(r.status == 141);
  CHECK(r.err.empty());
}
