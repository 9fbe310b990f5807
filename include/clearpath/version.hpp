#pragma once
#include <string_view>

namespace clearpath {
// The library's version, e.g. "0.1.0".
std::string_view version() noexcept;
// The newest file-format version this library reads (the top-level "clearpath" key). It reads
// every version from 1 on, and writes the oldest that holds the model (save_model).
inline constexpr int kFormatVersion = 2;
}  // namespace clearpath
