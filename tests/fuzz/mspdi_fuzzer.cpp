// `clearpath import mspdi`: any bytes give a model or an InputError with line and column; no
// entity expanded, nothing outside the input read.
#include "clearpath/error.hpp"
#include "clearpath/load.hpp"
#include "clearpath/mspdi.hpp"
#include "clearpath/save.hpp"
#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace clearpath;
  try {
    const MspdiImportResult r = import_mspdi(fuzz::text(data, size), "fuzz.xml");
    fuzz::check(r.model.has_value() == !r.diagnostics.has_errors(), "a plan is refused exactly when it has errors");
    // What the import gives is a model clearpath reads back.
    if (r.model) fuzz::check(load_model(save_model(*r.model)).model.has_value(), "an imported plan saves and loads");
  } catch (const Error&) {}
  return 0;
}
