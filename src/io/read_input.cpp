#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <istream>

#include "clearpath/load.hpp"
#include "io/descriptor.hpp"

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

// Appends what was read, refusing the input as soon as it passes max_bytes. The buffer grows
// by doubling but never beyond max_bytes and the padding, so a device or a stream without end
// (/dev/zero) is refused holding at most the limit.
void append_within(std::string& text, const char* data, std::size_t size, const std::string& name,
                   std::size_t max_bytes) {
  if (size > max_bytes - text.size()) too_large(name, max_bytes);
  if (text.size() + size + kPadding > text.capacity()) {
    // A fresh string: reserve() on this one would round up to twice its capacity (libstdc++).
    std::string bigger;
    bigger.reserve(std::min(std::max(2 * text.capacity(), text.size() + size), max_bytes) + kPadding);
    bigger.append(text);
    text.swap(bigger);
  }
  text.append(data, size);
}

// A stream or a device is read only up to the first NUL byte (and the rest of that chunk): no
// text format clearpath reads has one, so the reader will report it where it stands, and
// /dev/zero or /dev/urandom is refused at once instead of after the whole limit.
bool holds_nul(const char* data, std::size_t size) { return std::memchr(data, '\0', size) != nullptr; }

}  // namespace

std::string read_input(const std::string& path, std::size_t max_bytes) {
  const Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) throw InputError("cannot open " + path + ": " + std::strerror(errno));
  struct stat st {};
  if (::fstat(file.fd, &st) != 0) throw InputError("cannot read " + path + ": " + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) throw InputError(path + ": is a directory");
  std::string text;
  if (S_ISREG(st.st_mode)) {  // its size is known: refused before reading, read into one buffer
    if (static_cast<std::size_t>(st.st_size) > max_bytes) too_large(path, max_bytes);
    text.reserve(static_cast<std::size_t>(st.st_size) + kPadding);
  }
  char buffer[1 << 16];
  for (;;) {
    const ssize_t got = ::read(file.fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw InputError("cannot read " + path + ": " + std::strerror(errno));
    if (got == 0) break;
    append_within(text, buffer, static_cast<std::size_t>(got), path, max_bytes);  // a growing file too
    if (!S_ISREG(st.st_mode) && holds_nul(buffer, static_cast<std::size_t>(got))) break;
  }
  return padded(std::move(text));
}

std::string read_stream(std::istream& in, const std::string& name, std::size_t max_bytes) {
  std::string text;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    append_within(text, buffer, static_cast<std::size_t>(in.gcount()), name, max_bytes);
    if (holds_nul(buffer, static_cast<std::size_t>(in.gcount()))) break;
  }
  if (in.bad()) throw InputError("cannot read " + name);
  return padded(std::move(text));
}

}  // namespace clearpath
