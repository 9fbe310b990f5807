#pragma once
// The command line as the completions and the man page describe it, read from the CLI11 app that
// run_cli parses with: so they list exactly the commands, options and choices it accepts.
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace clearpath {

struct OptionDoc {
  std::vector<std::string> names;    // "-o", "--output"; for a positional its name ("file")
  std::string value;                 // what it takes ("TEXT", "UINT"); "" for a flag
  std::vector<std::string> choices;  // the values it accepts, when they are a set
  std::string help;
  bool positional = false, required = false, repeated = false;
};

struct CommandDoc {
  std::string name, summary, footer;
  std::vector<std::string> aliases;
  std::vector<OptionDoc> options;  // positionals first, in order; then options as --help lists them
};

// Every option of `app`, also those of its option groups (CLI11 keeps them in nameless
// subcommands), in the order --help lists them.
std::vector<const CLI::Option*> all_options(const CLI::App& app);

OptionDoc option_doc(const CLI::Option& option);
// The subcommands --help lists (hidden ones are left out), in its order.
std::vector<CommandDoc> command_docs(const CLI::App& app);

}  // namespace clearpath
