#pragma once
// The one place where what a subcommand throws becomes a message and an exit status.
#include <functional>
#include <iosfwd>

namespace clearpath {

// Runs `command` and returns its status. A clearpath::Error (invalid input or usage) prints
// "clearpath: error: ..." and returns 2; running out of memory too (an input too large for the
// machine, not a bug). Anything else thrown is a bug in clearpath: "clearpath: internal error:
// ..." with a line asking for a report, and 3.
int run_reporting_errors(std::ostream& err, const std::function<int()>& command);

// Flushes standard output and returns `status` if all of it was written; else 2, with
// "clearpath: error: cannot write standard output: REASON" on `err` (the reason is known when
// `out` writes through an FdStreambuf), or kExitBrokenPipe and no message when the reader closed
// the pipe (EPIPE), as other Unix tools.
int finish_standard_output(std::ostream& out, std::ostream& err, int status);

}  // namespace clearpath
