#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>

#include "clearpath/cli.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const char* term = std::getenv("TERM");
  clearpath::Terminal terminal{isatty(STDOUT_FILENO) == 1, isatty(STDERR_FILENO) == 1,
                               std::getenv("NO_COLOR") != nullptr || (term && std::strcmp(term, "dumb") == 0)};
  return clearpath::run_cli({argv, argv + argc}, {std::cin, std::cout, std::cerr, terminal});
}
