#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>

#include "clearpath/load.hpp"
#include "clearpath/save.hpp"

namespace clearpath {

void write_file_atomically(const std::string& path, std::string_view content) {
  write_file_atomically(
      path, [&](std::ostream& out) { out.write(content.data(), static_cast<std::streamsize>(content.size())); });
}

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  // A device or a pipe (-o /dev/null, -o /dev/stdout, a FIFO) is written to directly: renaming
  // a temporary file onto it would replace it with a plain file.
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
    std::ofstream out(path, std::ios::binary);
    if (!out) throw InputError("cannot write " + path + ": " + std::strerror(errno));
    write(out);
    out.flush();
    if (!out) throw InputError("cannot write " + path + ": write failed");
    return;
  }
  std::string tmp = path + ".tmp-XXXXXX";
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) throw InputError("cannot write " + path + ": " + std::strerror(errno));
  ::close(fd);
  auto fail = [&](const std::string& why) {
    ::unlink(tmp.c_str());
    throw InputError("cannot write " + path + ": " + why);
  };
  try {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) fail("cannot open a temporary file");
    write(out);
    out.flush();
    if (!out) fail("write failed");
  } catch (const InputError&) {
    throw;
  } catch (...) {
    ::unlink(tmp.c_str());
    throw;
  }
  const int sync_fd = ::open(tmp.c_str(), O_RDONLY);
  if (sync_fd >= 0) {
    ::fsync(sync_fd);
    ::close(sync_fd);
  }
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(tmp.c_str(), 0666 & ~mask);
  if (::rename(tmp.c_str(), path.c_str()) != 0) fail(std::strerror(errno));
}

}  // namespace clearpath
