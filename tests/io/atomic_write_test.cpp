// write_file_atomically over existing files (their permissions and owner kept), through
// symbolic links, and the temporaries it names so that a later write can clean up after a
// killed one. The signals themselves need a real process: check_atomic_write_signals.py.
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "clearpath/load.hpp"
#include "clearpath/save.hpp"
#include "support/test_support.hpp"

using namespace clearpath;
namespace fs = std::filesystem;
using Catch::Matchers::StartsWith;

namespace {

mode_t mode_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

void create(const std::string& path, const std::string& text, mode_t mode) {
  std::ofstream(path) << text;
  REQUIRE(::chmod(path.c_str(), mode) == 0);
}

std::vector<std::string> names_in(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// The id of a process that has exited and been reaped.
pid_t dead_pid() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  REQUIRE(child > 0);
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  return child;
}

}  // namespace

TEST_CASE("writing over an existing file (-o) keeps its permissions", "[save][atomic]") {
  const std::string dir = clearpath::test::temp_dir();
  for (const mode_t mode : {mode_t{0600}, mode_t{0640}, mode_t{0444}, mode_t{0755}}) {
    INFO("mode " << std::oct << mode);
    const std::string path = dir + "/report-" + std::to_string(mode) + ".txt";
    create(path, "old", mode);
    write_file_atomically(path, "new");
    CHECK(read_input(path) == "new");
    CHECK(mode_of(path) == mode);
  }
  // A new file: 0666 less the umask.
  const mode_t mask = ::umask(022);
  write_file_atomically(dir + "/fresh.txt", "x");
  ::umask(mask);
  CHECK(mode_of(dir + "/fresh.txt") == 0644);
}

TEST_CASE("writing over a file of another owner (-o) keeps the owner when run as root", "[save][atomic]") {
  if (::geteuid() != 0) return;  // only root may give a file away; the mode test covers the rest
  const std::string path = clearpath::test::temp_dir() + "/theirs.json";
  create(path, "old", 0600);
  REQUIRE(::chown(path.c_str(), 4321, 8765) == 0);
  write_file_atomically(path, "new");
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK(st.st_uid == 4321);
  CHECK(st.st_gid == 8765);
  CHECK((st.st_mode & 07777) == 0600);
}

TEST_CASE("writing through a symbolic link (-o) replaces its target and keeps the link", "[save][atomic]") {
  const std::string dir = clearpath::test::temp_dir();
  fs::create_directory(dir + "/real");
  create(dir + "/real/report.json", "old", 0600);
  fs::create_symlink("real/report.json", dir + "/link.json");   // relative, into another folder
  fs::create_symlink(dir + "/link.json", dir + "/link2.json");  // absolute, a link to a link
  write_file_atomically(dir + "/link2.json", "new");
  CHECK(fs::is_symlink(dir + "/link.json"));
  CHECK(fs::is_symlink(dir + "/link2.json"));
  CHECK(read_input(dir + "/real/report.json") == "new");
  CHECK(mode_of(dir + "/real/report.json") == 0600);
  CHECK(names_in(dir) == std::vector<std::string>{"link.json", "link2.json", "real"});
  CHECK(names_in(dir + "/real") == std::vector<std::string>{"report.json"});
  // A dangling link: its target is created.
  fs::create_symlink("real/new.json", dir + "/dangling.json");
  write_file_atomically(dir + "/dangling.json", "made");
  CHECK(fs::is_symlink(dir + "/dangling.json"));
  CHECK(read_input(dir + "/real/new.json") == "made");
  // A loop is an error, not a hang.
  fs::create_symlink("loop-b", dir + "/loop-a");
  fs::create_symlink("loop-a", dir + "/loop-b");
  CHECK_THROWS_WITH(write_file_atomically(dir + "/loop-a", "x"), Catch::Matchers::Contains("symbolic links"));
}

TEST_CASE("the temporary is named after the destination and the process", "[save][atomic]") {
  const std::string dir = clearpath::test::temp_dir();
  std::vector<std::string> during;
  write_file_atomically(dir + "/out.json", [&](std::ostream& out) {
    during = names_in(dir);
    out << "x";
  });
  REQUIRE(during.size() == 1);
  CHECK_THAT(during[0], StartsWith(".out.json.clearpath-tmp-" + std::to_string(::getpid()) + "-"));
  CHECK(names_in(dir) == std::vector<std::string>{"out.json"});
}

TEST_CASE("a later write removes the temporaries of dead processes, only theirs", "[save][atomic]") {
  const std::string dir = clearpath::test::temp_dir();
  const std::string dead = std::to_string(dead_pid());
  const std::string killed = ".out.json.clearpath-tmp-" + dead + "-a1b2c3";
  const std::string alive = ".out.json.clearpath-tmp-" + std::to_string(::getppid()) + "-d4e5f6";
  const std::string other = ".other.json.clearpath-tmp-" + dead + "-g7h8i9";
  for (const std::string& name : {killed, alive, other}) create(dir + "/" + name, "partial", 0600);
  write_file_atomically(dir + "/out.json", "whole");
  CHECK(names_in(dir) == std::vector<std::string>{other, alive, "out.json"});  // sorted
}

TEST_CASE("writing to /dev/full (-o) says why the write failed", "[save][atomic]") {
  CHECK_THROWS_WITH(write_file_atomically("/dev/full", std::string(100000, 'x')),
                    "cannot write /dev/full: No space left on device");
}

TEST_CASE("writing into a folder that does not exist says so", "[save][atomic]") {
  const std::string dir = clearpath::test::temp_dir() + "/no-such-folder";
  CHECK_THROWS_WITH(write_file_atomically(dir + "/out.txt", std::string("x")),
                    "cannot write " + dir + "/out.txt: the folder " + dir + " does not exist");
  CHECK_FALSE(std::filesystem::exists(dir));
  const auto r =
      clearpath::test::run({"stats", clearpath::test::source_path("graphs/minimal.json"), "-o", dir + "/p.txt"});
  CHECK(r.status == 2);
  CHECK(r.err == "clearpath: error: cannot write " + dir + "/p.txt: the folder " + dir + " does not exist\n");
}
