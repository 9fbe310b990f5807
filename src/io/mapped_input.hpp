#pragma once
// A regular file's bytes, mapped into memory rather than copied: read_input's result without
// the copy (a 200 MB model is mapped in a hundredth of a second, where reading it took a tenth),
// with zeroed room after the text for the loader's SIMD reads past its end. Private to the
// library.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace clearpath {

class MappedInput {
 public:
  MappedInput(const MappedInput&) = delete;
  MappedInput& operator=(const MappedInput&) = delete;
  MappedInput(MappedInput&& other) noexcept;
  MappedInput& operator=(MappedInput&& other) noexcept;
  ~MappedInput();

  // The file at `path` when it is a regular file of at most max_bytes that can be mapped;
  // nullopt otherwise (a pipe, a device, a directory, an empty file, a failed mapping), for
  // read_input to read or to explain. Reading the mapping of a file that another program
  // truncates meanwhile raises SIGBUS: see on_sigbus.
  static std::optional<MappedInput> map(const std::string& path, std::size_t max_bytes);

  std::string_view text() const noexcept { return {data_, size_}; }
  // Bytes that may be read from text().data(): at least text().size() + 64.
  std::size_t readable() const noexcept { return mapped_; }

  // While a mapping is read, a SIGBUS (its file shrank under it) prints "clearpath: error:
  // FILE changed while it was read" on stderr and ends the process with exit status 2. The
  // CLI's choice: a library user decides for itself.
  static void exit_on_sigbus(const std::string& display_name);
  static void default_sigbus();  // once no mapping is read any more

 private:
  MappedInput(const char* data, std::size_t size, std::size_t mapped) : data_(data), size_(size), mapped_(mapped) {}
  const char* data_;
  std::size_t size_, mapped_;
};

}  // namespace clearpath
