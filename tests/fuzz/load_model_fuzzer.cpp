// The JSON model loader and its checks (what `clearpath validate` runs): any bytes give a model
// or located diagnostics, never a crash; a model that loads is saved and loads again.
#include "clearpath/load.hpp"
#include "clearpath/save.hpp"
#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace clearpath;
  const LoadResult r = load_model(fuzz::text(data, size));
  fuzz::check(r.model.has_value() == !r.diagnostics.has_errors(), "a file is refused exactly when it has errors");
  if (!r.model) return 0;
  const std::string saved = save_model(*r.model);
  const LoadResult again = load_model(saved);
  fuzz::check(again.model.has_value(), "what save_model writes loads again");
  fuzz::check(save_model(*again.model) == saved, "saving the reloaded model gives the same file");
  return 0;
}
