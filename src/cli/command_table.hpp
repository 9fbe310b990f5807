#pragma once
// The one table of subcommands: run_cli registers and dispatches from it, and the completions
// and the man page are generated from the app it builds.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/session.hpp"

namespace clearpath {

// One subcommand's arguments, filled in by the parse, and how to run it with them.
class BoundCommand {
 public:
  virtual ~BoundCommand() = default;
  virtual int run(Session& session) const = 0;
};

struct CommandEntry {
  const char* name;
  const char* summary;
  std::vector<std::string> aliases;  // also accepted; --help lists them after the name
  bool hidden = false;               // left out of --help
  // Adds the subcommand's options to `command` (made from the fields above) and holds its
  // arguments.
  std::unique_ptr<BoundCommand> (*bind)(CLI::App& command) = nullptr;
};

const std::vector<CommandEntry>& command_table();

// --quiet and --progress, which every subcommand takes.
struct ProgressArgs {
  bool quiet = false;
  std::string mode = "auto";  // auto | live | plain | none
};

// The whole command line: the app with every subcommand of the table, and their bindings.
struct CommandLine {
  CLI::App app;
  std::vector<std::pair<CLI::App*, std::unique_ptr<BoundCommand>>> commands;
  ProgressArgs progress;
};

// How progress is shown: nothing with --quiet or --progress=none; auto is live on a terminal.
ProgressMode progress_mode(const ProgressArgs& args, const Terminal& terminal);
std::unique_ptr<CommandLine> make_command_line();

}  // namespace clearpath
