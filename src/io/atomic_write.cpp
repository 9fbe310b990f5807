// write_file_atomically: a temporary file next to the destination, then rename. The temporary
// is named .NAME.clearpath-tmp-PID-XXXXXX; SIGINT, SIGTERM and SIGHUP remove it (when the
// program left them at their default action), and a later write to the same destination removes
// those left by processes no longer alive (a SIGKILL, a power cut). A destination that is a
// symbolic link is written through: the temporary goes next to its target, which is replaced.
// An existing destination keeps its permissions (and its owner and group, as far as allowed).
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <memory>
#include <ostream>
#include <string>

#include "clearpath/load.hpp"
#include "clearpath/save.hpp"
#include "io/fd_streambuf.hpp"

namespace clearpath {
namespace {

[[noreturn]] void cannot_write(const std::string& path, const std::string& why) {
  throw InputError("cannot write " + path + ": " + why);
}

// ---------------------------------------------------------------------------------------------
// The temporary file registered for the signal handler: a fixed buffer, read only while armed.

char g_temp_path[4096];
volatile std::sig_atomic_t g_temp_armed = 0;
constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void remove_temp_and_reraise(int sig) {
  if (g_temp_armed) ::unlink(g_temp_path);  // async-signal-safe, as are signal() and raise()
  ::signal(sig, SIG_DFL);
  ::raise(sig);  // delivered with the default action once the handler returns
}

// The temporary file from creation to rename: removed when the write fails or throws, and by
// SIGINT, SIGTERM or SIGHUP while it exists.
class TempFile {
 public:
  TempFile(std::string path, int fd) : path_(std::move(path)), fd_(fd) {
    if (path_.size() < sizeof g_temp_path) {
      std::memcpy(g_temp_path, path_.c_str(), path_.size() + 1);
      g_temp_armed = 1;
    }
    struct sigaction handler {};
    handler.sa_handler = remove_temp_and_reraise;
    sigemptyset(&handler.sa_mask);
    for (int sig : kCleanupSignals) sigaddset(&handler.sa_mask, sig);
    for (std::size_t i = 0; i < std::size(kCleanupSignals); ++i) {
      // A handler of the program's own, or SIG_IGN (nohup), stays.
      if (::sigaction(kCleanupSignals[i], nullptr, &old_[i]) != 0) continue;
      if ((old_[i].sa_flags & SA_SIGINFO) || old_[i].sa_handler != SIG_DFL) continue;
      installed_[i] = ::sigaction(kCleanupSignals[i], &handler, nullptr) == 0;
    }
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!renamed_) ::unlink(path_.c_str());
    g_temp_armed = 0;
    for (std::size_t i = 0; i < std::size(kCleanupSignals); ++i)
      if (installed_[i]) ::sigaction(kCleanupSignals[i], &old_[i], nullptr);
  }
  int fd() const { return fd_; }
  int close() {
    const int r = ::close(fd_);
    fd_ = -1;
    return r;
  }
  void renamed() { renamed_ = true; }

 private:
  std::string path_;
  int fd_;
  bool renamed_ = false;
  struct sigaction old_[std::size(kCleanupSignals)]{};
  bool installed_[std::size(kCleanupSignals)] = {};
};

// ---------------------------------------------------------------------------------------------
// Names.

// `path` with its symbolic links followed (as open() would), so that the temporary goes next to
// the file that is replaced. A dangling link gives the path it points to.
std::string resolve_links(const std::string& path) {
  namespace fs = std::filesystem;
  std::string at = path;
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st {};
    if (::lstat(at.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return at;
    std::string target(4096, '\0');
    const ssize_t n = ::readlink(at.c_str(), target.data(), target.size());
    if (n < 0) cannot_write(path, std::strerror(errno));
    target.resize(static_cast<std::size_t>(n));
    const fs::path link(target);
    at = link.is_absolute() ? target : (fs::path(at).parent_path() / link).string();
  }
  cannot_write(path, std::strerror(ELOOP));
}

struct TempName {
  std::string dir;     // "." for a bare name
  std::string prefix;  // .NAME.clearpath-tmp-
};

TempName temp_name(const std::string& dest) {
  const std::filesystem::path p(dest);
  std::string name = p.filename().string();
  if (name.size() > 128) name.resize(128);  // the suffix must still fit in NAME_MAX
  return {p.has_parent_path() ? p.parent_path().string() : ".", "." + name + ".clearpath-tmp-"};
}

// Removes the temporaries of earlier writes to the same destination whose process is gone.
void remove_leftovers(const TempName& t) {
  const std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir(t.dir.c_str()), &::closedir);
  if (!dir) return;
  while (const dirent* e = ::readdir(dir.get())) {
    const std::string_view name(e->d_name);
    if (!name.starts_with(t.prefix)) continue;
    const std::string rest(name.substr(t.prefix.size()));
    char* end = nullptr;
    const long pid = std::strtol(rest.c_str(), &end, 10);
    if (pid <= 0 || end == nullptr || *end != '-' || pid == ::getpid()) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // alive, or not ours to know
    struct stat st {};
    if (::fstatat(::dirfd(dir.get()), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode))
      ::unlinkat(::dirfd(dir.get()), e->d_name, 0);
  }
}

// ---------------------------------------------------------------------------------------------
// Writing.

// The destination's permissions, owner and group on the temporary (a private report stays
// private); a new file gets 0666 less the umask, as open() would give it.
void copy_attributes(int fd, const std::string& dest) {
  struct stat st {};
  if (::stat(dest.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    return;
  }
  // Root gives the file back to its owner; anyone else keeps its group where allowed. Before
  // fchmod, which chown would strip of set-id bits.
  if (::geteuid() == 0) (void)::fchown(fd, st.st_uid, st.st_gid);
  else if (st.st_gid != ::getegid()) (void)::fchown(fd, static_cast<uid_t>(-1), st.st_gid);
  ::fchmod(fd, st.st_mode & 07777);
}

// `write` into descriptor fd, through a buffer that keeps the reason of a failed write.
void stream_into(int fd, const std::string& path, const std::function<void(std::ostream&)>& write) {
  FdStreambuf buffer(fd);
  std::ostream out(&buffer);
  write(out);
  out.flush();
  if (buffer.error() != 0 || !out) cannot_write(path, buffer.error() ? std::strerror(buffer.error()) : "write failed");
}

// Writes to a device or a pipe (-o /dev/null, -o /dev/stdout, a FIFO) directly: renaming a file
// onto it would replace it with a plain file.
void write_directly(const std::string& path, const std::function<void(std::ostream&)>& write) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (fd < 0) cannot_write(path, std::strerror(errno));
  try {
    stream_into(fd, path, write);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0) cannot_write(path, std::strerror(errno));
}

void write_temp(TempFile& temp, const std::string& path, const std::function<void(std::ostream&)>& write) {
  stream_into(temp.fd(), path, write);
  if (::fsync(temp.fd()) != 0 && errno != EINVAL) cannot_write(path, std::strerror(errno));
  if (temp.close() != 0) cannot_write(path, std::strerror(errno));
}

}  // namespace

void write_file_atomically(const std::string& path, std::string_view content) {
  write_file_atomically(
      path, [&](std::ostream& out) { out.write(content.data(), static_cast<std::streamsize>(content.size())); });
}

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  const std::string dest = resolve_links(path);
  struct stat st {};
  if (::stat(dest.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
    return write_directly(dest, write);
  const TempName name = temp_name(dest);
  remove_leftovers(name);
  std::string tmp = name.dir + "/" + name.prefix + std::to_string(::getpid()) + "-XXXXXX";
  const int fd = ::mkostemp(tmp.data(), O_CLOEXEC);
  if (fd < 0 && errno == ENOENT) cannot_write(path, "the folder " + name.dir + " does not exist");
  if (fd < 0) cannot_write(path, std::strerror(errno));
  TempFile temp(tmp, fd);
  copy_attributes(fd, dest);
  write_temp(temp, path, write);
  if (::rename(tmp.c_str(), dest.c_str()) != 0) cannot_write(path, std::strerror(errno));
  temp.renamed();
}

}  // namespace clearpath
