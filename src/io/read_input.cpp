#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <iterator>

#include "clearpath/load.hpp"

namespace clearpath {

std::string read_input(const std::string& path) {
  std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) throw InputError("cannot open " + path + ": " + std::strerror(errno));
  std::string text;
  if (path != "-" && std::fseek(f, 0, SEEK_END) == 0) {
    const long size = std::ftell(f);
    if (size > 0) text.reserve(static_cast<std::size_t>(size));
    std::rewind(f);
  }
  char buffer[1 << 16];
  std::size_t got;
  while ((got = std::fread(buffer, 1, sizeof buffer, f)) > 0) text.append(buffer, got);
  const bool failed = std::ferror(f) != 0;
  const int saved = errno;
  if (path != "-") std::fclose(f);
  if (failed) throw InputError("cannot read " + path + ": " + std::strerror(saved));
  return text;
}

}  // namespace clearpath
