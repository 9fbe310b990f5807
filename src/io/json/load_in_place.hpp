#pragma once
// load_model without the copy: for text read by read_input or read_stream, which leave room
// after it for the SIMD parser's reads past the end. Private to the library.
#include <cstddef>
#include <string>
#include <string_view>

#include "clearpath/load_result.hpp"
#include "clearpath/progress.hpp"

namespace clearpath {

// `readable` bytes from text.data() may be read (their content past the text does not
// matter); with too few, the text is copied once first. Two phases go to `observer`:
// "parsing" (bytes) and "checking".
// `file_mapping`: text is a private mapping of a file (MappedInput), whose pages the reader may
// give back once read (they are read again from the file if anything looks back): a few
// hundred MB less at the peak of a large load.
LoadResult load_model_in_place(std::string_view text, std::size_t readable, ProgressObserver* observer = nullptr,
                               bool file_mapping = false);
inline LoadResult load_model_in_place(const std::string& text, ProgressObserver* observer = nullptr) {
  return load_model_in_place(text, text.capacity(), observer);
}

// The precise reader alone, as load_model falls back to it for a file that is not clean: for
// the tests that check both readers agree.
LoadResult load_model_precisely(std::string_view text);

}  // namespace clearpath
