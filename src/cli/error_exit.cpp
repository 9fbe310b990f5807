#include "cli/error_exit.hpp"

#include <cerrno>
#include <cstring>
#include <exception>
#include <new>
#include <ostream>

#include "clearpath/error.hpp"
#include "cli/cli.hpp"
#include "io/fd_streambuf.hpp"

namespace clearpath {
namespace {

int internal_error(std::ostream& err, const char* what) {
  err << "clearpath: internal error: " << what << "\n"
      << "clearpath: please report this as a bug, with the command and its input\n";
  return kExitInternal;
}

}  // namespace

int run_reporting_errors(std::ostream& err, const std::function<int()>& command) {
  try {
    return command();
  } catch (const Error& e) {
    err << "clearpath: error: " << e.located_what() << "\n";
    return kExitInvalid;
  } catch (const std::bad_alloc&) {
    err << "clearpath: error: out of memory\n";
    return kExitInvalid;
  } catch (const std::exception& e) {
    return internal_error(err, e.what());
  } catch (...) {
    return internal_error(err, "an exception of unknown type");
  }
}

int finish_standard_output(std::ostream& out, std::ostream& err, int status) {
  out.flush();
  if (out) return status;
  const auto* fd = dynamic_cast<const FdStreambuf*>(out.rdbuf());
  const int error = fd ? fd->error() : 0;
  if (error == EPIPE) return kExitBrokenPipe;
  err << "clearpath: error: cannot write standard output: " << (error ? std::strerror(error) : "write failed") << "\n";
  return kExitInvalid;
}

}  // namespace clearpath
