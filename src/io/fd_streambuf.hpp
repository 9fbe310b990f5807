#pragma once
// Private: an output stream buffer over a file descriptor that remembers why a write failed
// (errno), so a caller can say "cannot write standard output: No space left on device" rather
// than only that the stream went bad. Used for standard output and for atomic writes.
#include <streambuf>
#include <vector>

namespace clearpath {

class FdStreambuf : public std::streambuf {
 public:
  explicit FdStreambuf(int fd, std::size_t buffer_bytes = std::size_t{1} << 16);
  ~FdStreambuf() override;
  FdStreambuf(const FdStreambuf&) = delete;
  FdStreambuf& operator=(const FdStreambuf&) = delete;

  // The errno of the first failed write, or 0. After a failure, nothing more is written.
  int error() const { return error_; }
  int fd() const { return fd_; }

 protected:
  int_type overflow(int_type c) override;
  int sync() override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;

 private:
  bool flush_buffer();
  bool write_all(const char* data, std::size_t size);

  int fd_;
  int error_ = 0;
  std::vector<char> buffer_;
};

}  // namespace clearpath
