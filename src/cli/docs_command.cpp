// `clearpath completion bash|zsh|fish` and `clearpath man`: hidden commands that write the shell
// completions and the man page, generated from the same command table run_cli parses with
// (cmake/CliDocs.cmake runs them at build time and installs what they write).
#include <sstream>
#include <string>

#include "clearpath/version.hpp"
#include "cli/command_docs.hpp"
#include "cli/command_table.hpp"
#include "cli/commands.hpp"
#include "cli/completion.hpp"
#include "cli/man_page.hpp"

namespace clearpath {

CLI::App* add_completion_command(CLI::App& c, CompletionArgs& args) {
  c.add_option("shell", args.shell, "the shell: bash, zsh or fish")
      ->required()
      ->check(CLI::IsMember(std::vector<std::string>(std::begin(kCompletionShells), std::end(kCompletionShells))));
  c.add_option("-o,--output", args.output, "write to this file (atomically) instead of stdout");
  c.footer(
      "Examples:\n  source <(clearpath completion bash)\n"
      "  clearpath completion zsh -o ~/.zfunc/_clearpath\n"
      "  clearpath completion fish -o ~/.config/fish/completions/clearpath.fish");
  return &c;
}

int run_completion(Session& s, const CompletionArgs& args) {
  const std::unique_ptr<CommandLine> line = make_command_line();
  const std::vector<CommandDoc> commands = command_docs(line->app);
  std::ostringstream out;
  if (args.shell == "bash") write_bash_completion(out, commands);
  else if (args.shell == "zsh") write_zsh_completion(out, commands);
  else write_fish_completion(out, commands);
  s.emit(args.output, out.str());
  return kExitOk;
}

CLI::App* add_man_command(CLI::App& c, ManArgs& args) {
  c.add_option("-o,--output", args.output, "write to this file (atomically) instead of stdout");
  c.footer("Example:\n  clearpath man -o clearpath.1 && man -l clearpath.1");
  return &c;
}

int run_man(Session& s, const ManArgs& args) {
  const std::unique_ptr<CommandLine> line = make_command_line();
  const ManPage page{std::string(version()), line->app.get_description(), line->app.get_footer(),
                     command_docs(line->app)};
  std::ostringstream out;
  write_man_page(out, page);
  s.emit(args.output, out.str());
  return kExitOk;
}

}  // namespace clearpath
