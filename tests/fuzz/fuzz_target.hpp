#pragma once
// What every fuzz target shares. A target feeds its input to one of clearpath's input surfaces;
// a clear refusal (clearpath::Error and its kinds: an InputError with file:line:column) is the
// right answer to bad input and returns normally, while a crash, a sanitizer report, any other
// exception, a hang or a broken invariant (check) is a bug for libFuzzer to report.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace clearpath::fuzz {

inline std::string_view text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// An invariant the target asserts: when it does not hold, say which and abort (a crash to the
// fuzzer, with the input saved).
inline void check(bool holds, const char* what) {
  if (holds) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

}  // namespace clearpath::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
