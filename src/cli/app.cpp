// The command line: builds the app from the command table, parses the arguments with CLI11 and
// runs the one subcommand given. Everything reaches the outside through CliIo, so tests run it
// in-process.
#include <ostream>

#include "cli/cli.hpp"
#include "cli/command_table.hpp"
#include "cli/error_exit.hpp"
#include "cli/output_format.hpp"
#include "cli/session.hpp"
#include "cli/unknown_name.hpp"

namespace clearpath {

namespace {

int run_command_line(const std::vector<std::string>& args, CliIo& io) {
  const std::unique_ptr<CommandLine> line = make_command_line();
  line->app.failure_message(usage_failure_message);
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  try {
    line->app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& e) {
    // A mistyped name is the likeliest reason; say which, and what was meant.
    if (const std::string unknown = unknown_name_error(line->app, args); !unknown.empty() && e.get_exit_code() != 0) {
      io.err << "clearpath: error: " << unknown << "\n";
      return kExitInvalid;
    }
    const int code = line->app.exit(e, io.out, io.err);
    return code == 0 ? kExitOk : kExitInvalid;
  }

  Session session(io);
  session.show_progress(progress_mode(line->progress, io.terminal));
  for (const auto& [command, bound] : line->commands) {
    if (!command->parsed()) continue;
    if (const std::string contradiction = output_contradiction(*command); !contradiction.empty()) {
      io.err << "clearpath: error: " << contradiction << "\n";
      return kExitInvalid;
    }
    return run_reporting_errors(io.err, [&, &run = bound] { return run->run(session); });
  }
  return kExitInvalid;  // unreachable: CLI11 requires one subcommand
}

}  // namespace

int run_cli(const std::vector<std::string>& args, CliIo io) {
  return finish_standard_output(io.out, io.err, run_command_line(args, io));
}

}  // namespace clearpath
