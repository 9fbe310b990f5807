#include "io/mapped_input.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstring>
#include <utility>

#include "io/descriptor.hpp"

namespace clearpath {
namespace {

// The SIGBUS message, prepared before any mapping is read: the handler may only write it.
char sigbus_message[512];
std::size_t sigbus_length = 0;

extern "C" void on_sigbus(int) {
  if (sigbus_length > 0) {
    const ssize_t ignored = ::write(STDERR_FILENO, sigbus_message, sigbus_length);
    static_cast<void>(ignored);
  }
  ::_exit(2);
}

}  // namespace

MappedInput::MappedInput(MappedInput&& other) noexcept
    : data_(other.data_), size_(other.size_), mapped_(other.mapped_) {
  other.data_ = nullptr;
  other.mapped_ = 0;
}

MappedInput& MappedInput::operator=(MappedInput&& other) noexcept {
  std::swap(data_, other.data_);
  std::swap(size_, other.size_);
  std::swap(mapped_, other.mapped_);
  return *this;
}

MappedInput::~MappedInput() {
  if (data_) ::munmap(const_cast<char*>(data_), mapped_);
}

std::optional<MappedInput> MappedInput::map(const std::string& path, std::size_t max_bytes) {
  // Only a regular file is opened here: opening a FIFO (and closing it again) would let its
  // writer start and then lose its reader before read_input opens it. O_NONBLOCK and fstat for
  // a path replaced in between.
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  const Descriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
  if (file.fd < 0 || ::fstat(file.fd, &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size == 0 || size > max_bytes) return std::nullopt;
  // Anonymous zeroed memory one page longer than the file, with the file mapped over its start:
  // the rest of the file's last page and the page after it read as zeros (a page of a file
  // mapping wholly past its end would raise SIGBUS instead).
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t mapped = (size + page - 1) / page * page + page;
  void* base = ::mmap(nullptr, mapped, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (base == MAP_FAILED) return std::nullopt;
  if (::mmap(base, size, PROT_READ, MAP_PRIVATE | MAP_FIXED | MAP_POPULATE, file.fd, 0) == MAP_FAILED) {
    ::munmap(base, mapped);
    return std::nullopt;
  }
  return MappedInput(static_cast<const char*>(base), size, mapped);
}

void MappedInput::default_sigbus() { std::signal(SIGBUS, SIG_DFL); }

void MappedInput::exit_on_sigbus(const std::string& display_name) {
  const std::string message = "clearpath: error: " + display_name + " changed while it was read\n";
  sigbus_length = std::min(message.size(), sizeof sigbus_message);
  std::memcpy(sigbus_message, message.data(), sigbus_length);
  struct sigaction action {};
  action.sa_handler = on_sigbus;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGBUS, &action, nullptr);
}

}  // namespace clearpath
