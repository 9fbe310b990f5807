// `clearpath import hr`: any CSV gives a model or a list of located problems (HrImportError).
#include "clearpath/error.hpp"
#include "clearpath/hr_import.hpp"
#include "clearpath/load.hpp"
#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace clearpath;
  HrImportOptions options;
  options.default_side = "business";
  try {
    const HrImportResult r = import_hr(fuzz::text(data, size), "fuzz.csv", options);
    fuzz::check(r.model.has_value(), "an import that does not throw gives a model");
  } catch (const Error&) {  // refused, with the rows and problems named
  }
  return 0;
}
