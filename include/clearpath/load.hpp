#pragma once
// Reading a model from its JSON file format (docs/format.md).
#include <cstddef>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "clearpath/diagnostic.hpp"
#include "clearpath/error.hpp"
#include "clearpath/load_result.hpp"
#include "clearpath/model.hpp"

namespace clearpath {

// Parses and checks `text` (the whole file). Never throws for bad input: every problem
// becomes a diagnostic with its location.
LoadResult load_model(std::string_view text);

// The largest input read: the model of a file takes a few times its size in memory.
inline constexpr std::size_t kMaxInputBytes = std::size_t{2} << 30;  // 2 GiB

// Reads a whole file. Throws InputError when it cannot be read or is larger than max_bytes.
std::string read_input(const std::string& path, std::size_t max_bytes = kMaxInputBytes);
// Reads a whole stream (standard input), with the same limit; `name` is for messages.
std::string read_stream(std::istream& in, const std::string& name, std::size_t max_bytes = kMaxInputBytes);

struct InputError : Error {
  using Error::Error;
};

}  // namespace clearpath
