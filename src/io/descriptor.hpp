#pragma once
// A file descriptor that is closed when it goes out of scope. Private to the library.
#include <unistd.h>

namespace clearpath {

struct Descriptor {
  int fd;
  explicit Descriptor(int f) : fd(f) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace clearpath
