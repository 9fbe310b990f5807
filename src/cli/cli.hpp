#pragma once
// The whole command line, callable in-process: main() only forwards argv and the streams.
#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

namespace clearpath {

// Exit statuses of the command line: invalid input or usage is 2; 3 is a bug in clearpath.
// Standard output closed by its reader (EPIPE, when SIGPIPE is ignored) ends quietly with
// 128 + SIGPIPE, the status a shell shows for a process that SIGPIPE ended.
enum ExitStatus : int { kExitOk = 0, kExitFindings = 1, kExitInvalid = 2, kExitInternal = 3, kExitBrokenPipe = 141 };

struct Terminal {
  bool out_is_tty = false;
  bool err_is_tty = false;
  bool no_color = false;  // NO_COLOR is set (or TERM=dumb)
  // Inputs larger than this show progress on stderr when it is a terminal (about a second
  // of work at the loader's speed).
  std::size_t progress_bytes = std::size_t{32} << 20;
  // Long computations (simulations) show a progress bar once they have run this long.
  unsigned progress_after_ms = 1000;
  unsigned threads = 0;      // CLEARPATH_THREADS: worker threads for simulations (0 = all cores)
  bool exits_after = false;  // the process ends when run_cli returns (main): nothing need be freed
};

struct CliIo {
  std::istream& in;   // read for the file name "-"
  std::ostream& out;  // over an FdStreambuf (src/io/fd_streambuf.hpp), a failed write says why
  std::ostream& err;
  Terminal terminal;
};

// args[0] is the program name. Returns the exit status. Standard output is flushed at the end:
// a write that failed makes the status 2 with "cannot write standard output: REASON" on stderr
// (kExitBrokenPipe and no message for EPIPE).
int run_cli(const std::vector<std::string>& args, CliIo io);

}  // namespace clearpath
