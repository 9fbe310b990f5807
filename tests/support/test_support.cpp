#include "support/test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <system_error>
#include <vector>

#include "cli/cli.hpp"
#include "synthetic/synthetic.hpp"

namespace clearpath::test {

Model generated_model(std::size_t steps, std::size_t people, std::uint64_t seed, std::size_t gates) {
  SyntheticOptions options;
  options.steps = steps;
  options.people = people;
  options.seed = seed;
  options.gates = gates;
  return generate_synthetic_model(options);
}

std::string source_path(const std::string& relative) { return std::string(CLEARPATH_SOURCE_DIR) + "/" + relative; }

std::string read_source_file(const std::string& relative) { return read_input(source_path(relative)); }

LoadResult load(const std::string& text) { return load_model(text); }

Model load_valid(const std::string& text) {
  LoadResult r = load_model(text);
  for (const Diagnostic& d : r.diagnostics.items())
    if (d.severity == DiagnosticSeverity::error) UNSCOPED_INFO(d.pointer << ": " << d.message);
  REQUIRE(r.model.has_value());
  return std::move(*r.model);
}

std::vector<Diagnostic> diagnostics_with_code(const LoadResult& r, const std::string& code) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : r.diagnostics.items())
    if (d.code == code) out.push_back(d);
  return out;
}

CliRun run(const std::vector<std::string>& args, const std::string& input, bool tty, bool no_color,
           std::size_t progress_bytes, unsigned progress_after_ms) {
  std::istringstream in(input);
  std::ostringstream out, err;
  std::vector<std::string> argv{"clearpath"};
  argv.insert(argv.end(), args.begin(), args.end());
  CliRun r;
  Terminal terminal{tty, tty, no_color, progress_bytes, progress_after_ms};
  r.status = run_cli(argv, {in, out, err, terminal});
  r.out = out.str();
  r.err = err.str();
  return r;
}

namespace {
// The directories temp_dir made, removed at exit (a test that fails midway leaves none behind).
struct MadeDirectories {
  std::vector<std::string> paths;
  ~MadeDirectories() {
    for (const std::string& p : paths) {
      std::error_code ignored;
      std::filesystem::remove_all(p, ignored);
    }
  }
};
}  // namespace

std::string temp_dir() {
  static MadeDirectories made;
  std::string pattern = (std::filesystem::temp_directory_path() / "clearpath-test-XXXXXX").string();
  REQUIRE(mkdtemp(pattern.data()) != nullptr);
  made.paths.push_back(pattern);
  return pattern;
}

bool naive_in_one_chain(const Model& m, Ref a, Ref b) {
  for (Ref c = m.person(a).reports_to; c != kNoRef; c = m.person(c).reports_to)
    if (c == b) return true;
  for (Ref c = m.person(b).reports_to; c != kNoRef; c = m.person(c).reports_to)
    if (c == a) return true;
  return false;
}

std::vector<std::string> psplib_test_files() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(source_path("tests/data/psplib")))
    if (entry.path().extension() == ".sm") files.push_back(entry.path().filename().string());
  std::sort(files.begin(), files.end());
  return files;
}

PsplibInstance read_psplib_test_instance(const std::string& name) {
  return parse_psplib(read_source_file("tests/data/psplib/" + name), name);
}

}  // namespace clearpath::test
