#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>

#include "cli/cli.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const char* term = std::getenv("TERM");
  const char* no_color = std::getenv("NO_COLOR");  // set and not empty: see no-color.org
  clearpath::Terminal terminal;
  terminal.exits_after = true;
  terminal.out_is_tty = isatty(STDOUT_FILENO) == 1;
  terminal.err_is_tty = isatty(STDERR_FILENO) == 1;
  terminal.no_color = (no_color && *no_color) || (term && std::strcmp(term, "dumb") == 0);
  if (const char* threads = std::getenv("CLEARPATH_THREADS"))
    terminal.threads = static_cast<unsigned>(std::atoi(threads));
  return clearpath::run_cli({argv, argv + argc}, {std::cin, std::cout, std::cerr, terminal});
}
