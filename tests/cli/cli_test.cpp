// The command line, run in-process: exit codes, output formats, stdin, colour, -o.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clearpath/load.hpp"
#include "clearpath/save.hpp"
#include "clearpath/schema.hpp"
#include "support/test_support.hpp"

using clearpath::test::run;
using clearpath::test::source_path;

namespace {

// Writes `data` into the named pipe once something has it open for reading. Gives up after 10 s
// (returns false), so that a reader that never comes fails the test instead of hanging it.
bool write_when_read(const std::string& fifo, const std::string& data) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  int fd = -1;
  while ((fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC)) < 0) {
    if (errno != ENXIO || std::chrono::steady_clock::now() > deadline) return false;  // ENXIO: no reader yet
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  for (std::size_t done = 0; done < data.size();) {
    const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    done += static_cast<std::size_t>(n);
  }
  return ::close(fd) == 0;
}

// `clearpath validate PATH` while another thread writes `model` into the named pipe `fifo`
// (PATH is the pipe or a link to it); CHECKs that the writer got it out.
clearpath::test::CliRun validate_fed(const std::string& path, const std::string& fifo, const std::string& model) {
  bool written = false;
  std::thread writer([&] { written = write_when_read(fifo, model); });
  auto r = run({"validate", path});
  writer.join();
  CHECK(written);
  return r;
}

}  // namespace

TEST_CASE("version and help flags", "[cli]") {
  auto v = run({"--version"});
  CHECK(v.status == 0);
  CHECK(v.out.rfind("clearpath 0.", 0) == 0);
  auto h = run({"--help"});
  CHECK(h.status == 0);
  CHECK(h.out.find("Examples:") != std::string::npos);
  for (const char* sub : {"validate", "stats", "schema", "generate"}) {
    INFO(sub);
    auto s = run({sub, "--help"});
    CHECK(s.status == 0);
    CHECK(s.out.find("Example") != std::string::npos);
  }
}

TEST_CASE("usage errors exit 2", "[cli]") {
  CHECK(run({}).status == 2);
  CHECK(run({"frobnicate"}).status == 2);
  CHECK(run({"validate"}).status == 2);
  CHECK(run({"validate", "x.json", "--format", "yaml"}).status == 2);
  CHECK(run({"validate", "/no/such/file.json"}).status == 2);
}

TEST_CASE("validate: valid files exit 0 with a summary", "[cli]") {
  auto r = run({"validate", source_path("graphs/minimal.json"), source_path("graphs/churn-model.json")});
  CHECK(r.status == 0);
  CHECK(r.out.find("minimal.json: valid: 4 people, 2 departments, 2 systems (1 legacy), 1 initiative, "
                   "2 approvals, 3 steps\n") != std::string::npos);
  CHECK(r.out.find("churn-model.json: valid: ") != std::string::npos);
  CHECK(r.err.empty());
}

TEST_CASE("validate: stdin with -", "[cli]") {
  auto ok = run({"validate", "-"}, R"({"people": [{"id": "a"}]})");
  CHECK(ok.status == 0);
  CHECK(ok.out == "<stdin>: valid: 1 person, 0 departments, 0 systems, 0 initiatives, 0 approvals, 0 steps\n");
  auto bad = run({"validate", "-"}, "{\n  \"people\": [{\"id\": \"a\", \"reports_to\": \"b\"}]\n}");
  CHECK(bad.status == 2);
  CHECK(bad.err ==
        "<stdin>:2:40: error: /people/0/reports_to: unknown reference 'b' in reports_to of person 'a'\n"
        "    2 |   \"people\": [{\"id\": \"a\", \"reports_to\": \"b\"}]\n"
        "      |                                        ^\n");
}

TEST_CASE("validate: a named pipe says it waits for a writer, then reads what comes", "[cli]") {
  const std::string fifo = clearpath::test::temp_dir() + "/model.fifo";
  std::filesystem::remove(fifo);
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const std::string model = clearpath::test::read_source_file("graphs/minimal.json");
  const auto r = validate_fed(fifo, fifo, model);
  CHECK(r.status == 0);
  CHECK(r.err.find(fifo + " is a named pipe: waiting for something to write to it") != std::string::npos);
  CHECK(r.out.find("valid: 4 people") != std::string::npos);
  // Through a symbolic link to it: the same words, naming the link as given.
  const std::string link = clearpath::test::temp_dir() + "/model-link.json";
  std::filesystem::remove(link);
  std::filesystem::create_symlink(fifo, link);
  const auto via_link = validate_fed(link, fifo, model);
  CHECK(via_link.status == 0);
  CHECK(via_link.err.find(link + " is a named pipe: waiting for something to write to it") != std::string::npos);
  std::filesystem::remove(link);
  std::filesystem::remove(fifo);
}

TEST_CASE("validate: one invalid file among valid ones exits 2", "[cli]") {
  const std::string dir = clearpath::test::temp_dir();
  const std::string bad = dir + "/bad.json";
  clearpath::write_file_atomically(bad, R"({"steps": [{"id": "s"}]})");
  auto r = run({"validate", source_path("graphs/minimal.json"), bad});
  CHECK(r.status == 2);
  CHECK(r.out.find("bad.json: invalid: 1 error(s), 0 warning(s)") != std::string::npos);
  CHECK(r.err.find("bad.json:1:12: error: /steps/0: step 's' has no duration (required)") != std::string::npos);
}

TEST_CASE("validate --format json", "[cli]") {
  auto r = run({"validate", "--format", "json", "-"}, R"({"steps": [{"id": "s", "duration": -1}]})");
  CHECK(r.status == 2);
  CHECK(r.err.empty());
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["valid"] == false);
  const auto& f = j["files"][0];
  CHECK(f["file"] == "<stdin>");
  CHECK(f["errors"] == 1);
  const auto& d = f["diagnostics"][0];
  CHECK(d["code"] == "negative-number");
  CHECK(d["pointer"] == "/steps/0/duration");
  CHECK(d["entity"] == "s");
  CHECK(d["line"] == 1);
  CHECK(d["column"] == 36);  // {"steps": [{"id": "s", "duration": -1 ... the "-"
  auto ok = run({"validate", "--format", "json", source_path("graphs/minimal.json")});
  CHECK(ok.status == 0);
  const auto k = nlohmann::json::parse(ok.out);
  CHECK(k["files"][0]["counts"]["steps"] == 3);
  CHECK(k["files"][0]["counts"]["total"] == 14);
}

TEST_CASE("colour only on a TTY and never with NO_COLOR", "[cli]") {
  const std::string bad = R"({"steps": [{"id": "s"}]})";
  CHECK(run({"validate", "-"}, bad, true, false).err.find("\033[") != std::string::npos);
  CHECK(run({"validate", "-"}, bad, true, true).err.find("\033[") == std::string::npos);
  CHECK(run({"validate", "-"}, bad, false, false).err.find("\033[") == std::string::npos);
}

TEST_CASE("stats: text, json and -o", "[cli]") {
  auto t = run({"stats", source_path("graphs/minimal.json")});
  CHECK(t.status == 0);
  CHECK(t.out.find("  steps                         3\n") != std::string::npos);
  CHECK(t.out.find("  depends_on                    4\n") != std::string::npos);
  auto j = run({"stats", "--format", "json", source_path("graphs/minimal.json")});
  const auto k = nlohmann::json::parse(j.out);
  CHECK(k["entities"]["people"] == 4);
  CHECK(k["relations"]["total"] == 31);
  const std::string dir = clearpath::test::temp_dir();
  auto o = run({"stats", source_path("graphs/minimal.json"), "-o", dir + "/stats.txt"});
  CHECK(o.status == 0);
  CHECK(o.out.empty());
  CHECK(clearpath::read_input(dir + "/stats.txt") == t.out);
}

TEST_CASE("invalid input writes nothing", "[cli]") {
  const std::string dir = clearpath::test::temp_dir();
  auto r = run({"stats", "-", "-o", dir + "/stats.txt"}, "{\"people\": [");
  CHECK(r.status == 2);
  CHECK_FALSE(std::filesystem::exists(dir + "/stats.txt"));
  CHECK(std::filesystem::is_empty(dir));
}

TEST_CASE("schema prints the embedded schema file", "[cli]") {
  auto r = run({"schema"});
  CHECK(r.status == 0);
  CHECK(r.out == clearpath::test::read_source_file("schema/clearpath.schema.json"));
  CHECK(nlohmann::json::parse(r.out)["$schema"] == "https://json-schema.org/draft/2020-12/schema");
}

TEST_CASE("generate is deterministic and its output validates", "[cli]") {
  auto a = run({"generate", "--steps", "200", "--seed", "3"});
  auto b = run({"generate", "--steps", "200", "--seed", "3"});
  CHECK(a.status == 0);
  CHECK(a.out == b.out);
  CHECK(run({"validate", "-"}, a.out).status == 0);
  CHECK(run({"generate", "--steps", "0"}).status == 2);
}

TEST_CASE("a file name that is not UTF-8 is reported, not a crash, in JSON too", "[cli]") {
  auto r = run({"validate", "--format", "json", "/no/such/\xff\xfe.json"});
  CHECK(r.status == 2);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["valid"] == false);
  CHECK(j["files"][0]["diagnostics"][0]["code"] == "unreadable");
}

TEST_CASE("standard input larger than the limit is refused", "[cli]") {
  std::istringstream in(std::string(5000, ' '));
  CHECK_THROWS_AS(clearpath::read_stream(in, "standard input", 4096), clearpath::InputError);
  std::istringstream small("{}");
  CHECK(clearpath::read_stream(small, "standard input", 4096) == "{}");
}
