// `clearpath import psplib`: any text gives an instance and its model, or an InputError naming
// the line.
#include "clearpath/error.hpp"
#include "clearpath/psplib.hpp"
#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace clearpath;
  try {
    const PsplibInstance instance = parse_psplib(fuzz::text(data, size), "fuzz.sm");
    const Model m = psplib_model(instance, "fuzz");
    fuzz::check(m.steps().size() + 2 >= instance.jobs.size(), "every real job is a step");
  } catch (const Error&) {}
  return 0;
}
