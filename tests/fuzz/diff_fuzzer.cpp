// `clearpath diff` of two inputs: the bytes up to the first line "====" are the old version, the
// rest the new. Two valid models always compare; comparing a model with itself finds nothing.
#include <string>

#include "clearpath/diff.hpp"
#include "clearpath/error.hpp"
#include "clearpath/load.hpp"
#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace clearpath;
  const std::string_view all = fuzz::text(data, size);
  const std::size_t cut = all.find("\n====\n");
  const std::string_view first = cut == std::string_view::npos ? all : all.substr(0, cut);
  const std::string_view second = cut == std::string_view::npos ? all : all.substr(cut + 6);
  const LoadResult a = load_model(first), b = load_model(second);
  if (!a.model || !b.model) return 0;
  DiffOptions options;
  options.threads = 1;
  options.attribution_budget = 8;  // a few trials, so that an input cannot ask for minutes
  try {
    const PlanDiff d = diff_plans(*a.model, *b.model, options);
    if (first == second) fuzz::check(d.structure.empty(), "a model compared with itself has no changes");
  } catch (const Error&) {  // a --initiative-style input error of the analyses
  }
  fuzz::check(diff_structure(*a.model, *a.model).empty(), "the structure of a model equals itself");
  return 0;
}
