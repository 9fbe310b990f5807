#pragma once
// Usage errors that are a mistyped name: CLI11 reports `clearpath anlyze` as "A subcommand is
// required" and `--fromat` as an argument it did not expect, which name neither what is wrong
// nor what was meant.
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace clearpath {

// "unknown command 'anlyze'; did you mean 'analyze'?" or "unknown option '--fromat'; did you
// mean '--format'?" for the first name in `args` (args[0] is the program) that neither `app`
// nor the subcommand given has; "" when every name exists. Options are suggested from the
// subcommand given, commands from those --help lists.
std::string unknown_name_error(const CLI::App& app, const std::vector<std::string>& args);

// The message of any other usage error, as clearpath words its errors: "clearpath: error:
// --view: gantt not in {org,...}; did you mean 'org'?" (a value outside a fixed choice gets the
// closest choice), then CLI11's hint to run --help.
std::string usage_failure_message(const CLI::App* app, const CLI::Error& e);

}  // namespace clearpath
