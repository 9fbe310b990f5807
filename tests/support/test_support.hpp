#pragma once
// Shared helpers for the tests: paths to fixtures, loading from strings, running the CLI
// in-process.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "clearpath/load.hpp"
#include "clearpath/psplib.hpp"

namespace clearpath::test {

// Absolute path of a file in the source tree, e.g. source_path("graphs/minimal.json").
std::string source_path(const std::string& relative);
std::string read_source_file(const std::string& relative);

// Loads JSON text; REQUIREs nothing.
LoadResult load(const std::string& text);
// Loads JSON text and REQUIREs it to be valid; returns the model.
Model load_valid(const std::string& text);

// A model from the seeded generator (`clearpath generate`), built directly: for tests that need
// a large network, such as one past the size from which work is split over two threads.
Model generated_model(std::size_t steps, std::size_t people, std::uint64_t seed, std::size_t gates = 0);

// Whether one person is in the other's reports_to chain, by walking both chains (the naive
// definition the analyses are checked against).
bool naive_in_one_chain(const Model& model, Ref a, Ref b);

// The diagnostics of `text` whose code is `code`.
std::vector<Diagnostic> diagnostics_with_code(const LoadResult& r, const std::string& code);

struct CliRun {
  int status = -1;
  std::string out;
  std::string err;
};
// Runs the command line in-process: run_cli({"clearpath", args...}) with `input` as stdin.
CliRun run(const std::vector<std::string>& args, const std::string& input = "", bool tty = false, bool no_color = false,
           std::size_t progress_bytes = std::size_t{32} << 20, unsigned progress_after_ms = 1000);

// The PSPLIB instances bundled in tests/data/psplib (file names, sorted), and one of them read
// with the importer's parser.
std::vector<std::string> psplib_test_files();
PsplibInstance read_psplib_test_instance(const std::string& name);

// A fresh empty directory under the system temp dir, removed with all it holds when the test
// program exits.
std::string temp_dir();

}  // namespace clearpath::test
