#pragma once
// clearpath(1), in roff (man -l clearpath.1), generated from the command line's own description
// (command_docs). Dated by the version, not the clock, so the same build writes the same page.
#include <iosfwd>
#include <string>
#include <vector>

#include "cli/command_docs.hpp"

namespace clearpath {

struct ManPage {
  std::string version;
  std::string description;  // the app's, shown by --help
  std::string examples;     // the app's footer
  std::vector<CommandDoc> commands;
};

void write_man_page(std::ostream& out, const ManPage& page);

}  // namespace clearpath
