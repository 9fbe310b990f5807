#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include <cstdlib>
#include <cstring>
#include <iostream>

#include "cli/cli.hpp"
#include "io/fd_streambuf.hpp"

int main(int argc, char** argv) {
  // A descriptor 0, 1 or 2 closed by the caller (`>&-`) is held by /dev/null opened read-only,
  // so that no file clearpath opens takes its number and a write to it fails (EBADF), reported
  // as "cannot write standard output" rather than lost.
  for (int fd = 0; fd <= 2; ++fd)
    if (::fcntl(fd, F_GETFD) < 0 && errno == EBADF && ::open("/dev/null", O_RDONLY) != fd)
      return clearpath::kExitInvalid;
  std::ios::sync_with_stdio(false);
  // Standard output through a buffer that keeps the errno of a failed write (run_cli reports it).
  clearpath::FdStreambuf out_buffer(STDOUT_FILENO);
  std::ostream out(&out_buffer);
  const char* term = std::getenv("TERM");
  const char* no_color = std::getenv("NO_COLOR");  // set and not empty: see no-color.org
  clearpath::Terminal terminal;
  terminal.exits_after = true;
  terminal.out_is_tty = isatty(STDOUT_FILENO) == 1;
  terminal.err_is_tty = isatty(STDERR_FILENO) == 1;
  terminal.no_color = (no_color && *no_color) || (term && std::strcmp(term, "dumb") == 0);
  if (const char* threads = std::getenv("CLEARPATH_THREADS"))
    terminal.threads = static_cast<unsigned>(std::atoi(threads));
  return clearpath::run_cli({argv, argv + argc}, {std::cin, out, std::cerr, terminal});
}
