#include <cerrno>
#include <cstdio>
#include <cstring>
#include <istream>
#include <memory>

#include "clearpath/load.hpp"

namespace clearpath {
namespace {

// Zeroed room after the text for the loader's SIMD reads past its end (simdjson's padding),
// so load_model_in_place parses it without a copy.
constexpr std::size_t kPadding = 64;

std::string padded(std::string text) {
  const std::size_t size = text.size();
  text.append(kPadding, '\0');
  text.resize(size);
  return text;
}

[[noreturn]] void too_large(const std::string& name, std::size_t max_bytes) {
  throw InputError(name + " is larger than " + std::to_string(max_bytes >> 20) + " MB, the most clearpath reads");
}

}  // namespace

std::string read_input(const std::string& path, std::size_t max_bytes) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!f) throw InputError("cannot open " + path + ": " + std::strerror(errno));
  std::string text;
  if (std::fseek(f.get(), 0, SEEK_END) == 0) {
    const long size = std::ftell(f.get());
    if (size > 0 && static_cast<std::size_t>(size) > max_bytes) too_large(path, max_bytes);
    if (size > 0) text.reserve(static_cast<std::size_t>(size) + kPadding);
    std::rewind(f.get());
  }
  char buffer[1 << 16];
  std::size_t got;
  while ((got = std::fread(buffer, 1, sizeof buffer, f.get())) > 0) {
    if (text.size() + got > max_bytes) too_large(path, max_bytes);  // a growing file or a pipe
    text.append(buffer, got);
  }
  if (std::ferror(f.get())) throw InputError("cannot read " + path + ": " + std::strerror(errno));
  return padded(std::move(text));
}

std::string read_stream(std::istream& in, const std::string& name, std::size_t max_bytes) {
  std::string text;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    const std::size_t got = static_cast<std::size_t>(in.gcount());
    if (text.size() + got > max_bytes) too_large(name, max_bytes);
    text.append(buffer, got);
  }
  if (in.bad()) throw InputError("cannot read " + name);
  return padded(std::move(text));
}

}  // namespace clearpath
