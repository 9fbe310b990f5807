#pragma once
// Subcommands that live in files of their own: each registers its options on the app and runs
// from the parsed arguments.
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/session.hpp"

namespace clearpath {

struct CopilotsArgs {
  std::string file, initiative, format = "text", output, fail_on = "error";
  std::vector<std::string> without;
  bool all = false;
  std::size_t threshold = 5, suggestions = 3;
};
CLI::App* add_copilots_command(CLI::App& app, CopilotsArgs& args);
int run_copilots(Session& session, const CopilotsArgs& args);

}  // namespace clearpath
