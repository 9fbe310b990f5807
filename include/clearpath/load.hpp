#pragma once
// Reading a model from its JSON file format (docs/format.md).
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "clearpath/diagnostic.hpp"
#include "clearpath/model.hpp"

namespace clearpath {

struct LoadResult {
  std::optional<Model> model;  // present only when there are no errors
  Diagnostics diagnostics;     // errors and warnings, sorted by location
};

// Parses and checks `text` (the whole file). Never throws for bad input: every problem
// becomes a diagnostic with its location.
LoadResult load_model(std::string_view text);

// Reads a whole file ("-" = standard input). Throws InputError when it cannot be read.
std::string read_input(const std::string& path);

struct InputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace clearpath
