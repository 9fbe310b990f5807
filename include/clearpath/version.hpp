#pragma once
#include <string_view>

namespace clearpath {
// The library's version, e.g. "0.1.0".
std::string_view version() noexcept;
// The file-format version this library reads and writes (the top-level "clearpath" key).
inline constexpr int kFormatVersion = 1;
}  // namespace clearpath
