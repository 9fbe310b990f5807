// Mapping a model file instead of reading it: zeros after the text for the SIMD reads past its
// end whatever the size, nothing for what is not a regular file, and a clear exit when the
// file shrinks under the mapping.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <fstream>
#include <string>
#include <thread>

#include "clearpath/load.hpp"
#include "io/json/load_in_place.hpp"
#include "io/mapped_input.hpp"
#include "support/test_support.hpp"
#include "synthetic/synthetic.hpp"

using namespace clearpath;

namespace {

std::string write_file(const std::string& name, const std::string& content) {
  std::string path = clearpath::test::temp_dir() + "/" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

// A valid model padded with spaces to exactly `size` bytes.
std::string model_of_size(std::size_t size) {
  std::string text = R"({"people": [{"id": "ana"}]})";
  text.append(size - text.size(), ' ');
  return text;
}

}  // namespace

TEST_CASE("a mapped file reads as its bytes, then zeros well past its end, at every size near a page", "[io][mapped]") {
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  for (std::size_t size : {page - 64, page - 63, page - 1, page, page + 1, 2 * page, 3 * page - 10}) {
    INFO("size " << size);
    const std::string text = model_of_size(size);
    const auto mapped = MappedInput::map(write_file("sized.json", text), kMaxInputBytes);
    REQUIRE(mapped.has_value());
    CHECK(mapped->text() == text);
    REQUIRE(mapped->readable() >= size + 64);
    bool zeros = true;
    for (std::size_t i = size; i < size + 64; ++i) zeros &= mapped->text().data()[i] == '\0';
    CHECK(zeros);
    const LoadResult r = load_model_in_place(mapped->text(), mapped->readable());
    REQUIRE(r.model.has_value());
    CHECK(r.model->people().size() == 1);
  }
}

TEST_CASE("what is not a regular file of a size to map is left to read_input", "[io][mapped]") {
  const std::string dir = clearpath::test::temp_dir();
  CHECK_FALSE(MappedInput::map(dir, kMaxInputBytes).has_value());
  CHECK_FALSE(MappedInput::map("/dev/null", kMaxInputBytes).has_value());
  CHECK_FALSE(MappedInput::map(dir + "/missing.json", kMaxInputBytes).has_value());
  CHECK_FALSE(MappedInput::map(write_file("empty.json", ""), kMaxInputBytes).has_value());
  CHECK_FALSE(MappedInput::map(write_file("large.json", model_of_size(100)), 99).has_value());
  const std::string fifo = dir + "/fifo.json";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_FALSE(MappedInput::map(fifo, kMaxInputBytes).has_value());  // not opened for reading: no block
}

TEST_CASE("a mapped file cut short by another program: a message and exit status 2, no crash", "[io][mapped]") {
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::string path = write_file("shrinks.json", model_of_size(4 * page));
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::close(STDERR_FILENO);  // the message is not this test's output
    auto mapped = MappedInput::map(path, kMaxInputBytes);
    if (!mapped) ::_exit(10);
    MappedInput::exit_on_sigbus("shrinks.json");
    if (::truncate(path.c_str(), 0) != 0) ::_exit(11);
    volatile char c = mapped->text().data()[3 * page];  // past the new end: SIGBUS
    static_cast<void>(c);
    ::_exit(12);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 2);
}

TEST_CASE("validate reads a file of exactly a page through the mapping", "[io][mapped][cli]") {
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::string path = write_file("page.json", model_of_size(page));
  const auto r = clearpath::test::run({"validate", path});
  CHECK(r.status == 0);
  CHECK(r.out.find("valid: 1 person,") != std::string::npos);
}

TEST_CASE("a mapping whose read pages were given back loads the same model, and is read again for a message",
          "[io][mapped]") {
  // 130,000 steps (about 21 MB): pages are given back 16 MB at a time, 1 MB behind the reader.
  SyntheticOptions options;
  options.steps = 130'000;
  options.people = 2'000;
  options.seed = 3;
  const std::string text = synthetic_model(options);
  REQUIRE(text.size() > (std::size_t{18} << 20));
  const auto mapped = MappedInput::map(write_file("released.json", text), kMaxInputBytes);
  REQUIRE(mapped.has_value());
  const LoadResult released = load_model_in_place(mapped->text(), mapped->readable(), nullptr, true);
  const LoadResult copied = load_model(text);
  REQUIRE(released.model.has_value());
  REQUIRE(copied.model.has_value());
  REQUIRE(released.model->steps().size() == copied.model->steps().size());
  for (std::size_t i = 0; i < copied.model->steps().size(); i += 997) {
    CHECK(released.model->steps()[i].id == copied.model->steps()[i].id);
    CHECK(released.model->steps()[i].depends_on == copied.model->steps()[i].depends_on);
  }
  CHECK(mapped->text() == text);  // every page given back reads as the file again

  // Unclean only at its very end: the clean read gives pages back, then the precise reader reads
  // the whole file from its start and places the message.
  std::string late = text;
  late.insert(late.rfind('}'), R"(,"extra": 1)");
  const auto late_mapped = MappedInput::map(write_file("late.json", late), kMaxInputBytes);
  REQUIRE(late_mapped.has_value());
  const LoadResult r = load_model_in_place(late_mapped->text(), late_mapped->readable(), nullptr, true);
  const LoadResult expected = load_model(late);
  REQUIRE(r.diagnostics.items().size() == expected.diagnostics.items().size());
  REQUIRE_FALSE(r.diagnostics.items().empty());
  CHECK(r.diagnostics.items()[0].message == expected.diagnostics.items()[0].message);
  CHECK(r.diagnostics.items()[0].line == expected.diagnostics.items()[0].line);
  CHECK(r.model.has_value() == expected.model.has_value());
}

TEST_CASE("validate reads a FIFO whose writer waits for it: the mapping never opens it", "[io][mapped][cli]") {
  const std::string fifo = clearpath::test::temp_dir() + "/plan.fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // The writer's open waits for a reader. A reader opened and closed before the real one would
  // leave the writer's write with no reader (EPIPE); the writer then lets the real reader see an
  // empty file, so the failure is an exit status, not a hang.
  const auto old_sigpipe = std::signal(SIGPIPE, SIG_IGN);
  const std::string text = R"({"people": [{"id": "ana"}]})";
  std::thread writer([&] {
    int fd = ::open(fifo.c_str(), O_WRONLY);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    if (::write(fd, text.data(), text.size()) < 0) {
      ::close(fd);
      fd = ::open(fifo.c_str(), O_WRONLY);
    }
    ::close(fd);
  });
  const auto r = clearpath::test::run({"validate", fifo});
  writer.join();
  std::signal(SIGPIPE, old_sigpipe);
  CHECK(r.status == 0);
  CHECK(r.out.find("valid: 1 person,") != std::string::npos);
}
