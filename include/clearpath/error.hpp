#pragma once
// The one base of clearpath's exceptions: an input or usage problem (the command line exits 2),
// with where it is when that is known. Anything else thrown is a bug.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

namespace clearpath {

// Where a problem is; every field is optional ("" or 0: unknown).
struct ErrorLocation {
  std::string file;        // the file as named to the user ("<stdin>" for standard input)
  std::size_t line = 0;    // 1-based
  std::size_t column = 0;  // 1-based, in bytes
  std::string pointer;     // JSON pointer into the file (RFC 6901)
  std::string entity;      // id of the entity concerned

  bool empty() const noexcept { return file.empty() && line == 0 && column == 0 && pointer.empty() && entity.empty(); }
};

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& what, ErrorLocation where = {})
      : std::runtime_error(what), location_(std::move(where)) {}

  const ErrorLocation& location() const noexcept { return location_; }
  // Whoever knows the file (the command line, say) fills it in on the way up.
  void set_file(std::string file) { location_.file = std::move(file); }

  // "FILE:LINE:COLUMN: POINTER: what()", leaving out what is unknown (the entity is in the
  // message already, where it matters).
  std::string located_what() const {
    std::string out = location_.file;
    if (!out.empty() && location_.line) {
      out.append(":").append(std::to_string(location_.line));
      if (location_.column) out.append(":").append(std::to_string(location_.column));
    }
    if (!out.empty()) out.append(": ");
    if (!location_.pointer.empty()) out.append(location_.pointer).append(": ");
    return out.append(what());
  }

 private:
  ErrorLocation location_;
};

}  // namespace clearpath
