#pragma once
// UTF-8 checks shared by the readers of files from elsewhere (HR exports, MS Project XML) and
// the fuzz targets. Private to the library.
#include <cstddef>
#include <string>
#include <string_view>

namespace clearpath {

// The length of the UTF-8 sequence at text[i], or 0 when it is not valid UTF-8 there.
std::size_t utf8_length(std::string_view text, std::size_t i);

// The byte offset of the first invalid UTF-8 sequence in `text` (overlong forms, surrogates
// and code points above U+10FFFF are invalid), or npos.
std::size_t find_invalid_utf8(std::string_view text);

// A byte as messages name it: "0x96".
std::string byte_text(char c);

}  // namespace clearpath
