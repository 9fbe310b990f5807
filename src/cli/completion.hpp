#pragma once
// Shell completions for clearpath, generated from the command line's own description
// (command_docs): commands, their options, and the choices of options such as --format.
#include <iosfwd>
#include <string_view>
#include <vector>

#include "cli/command_docs.hpp"

namespace clearpath {

inline constexpr std::string_view kCompletionShells[] = {"bash", "zsh", "fish"};

// For `source` in bash (or bash-completion's completions directory): COMPREPLY from
// COMP_WORDS and COMP_CWORD; values that are no choice fall back to file names (-o default).
void write_bash_completion(std::ostream& out, const std::vector<CommandDoc>& commands);
// #compdef clearpath, for a directory on $fpath (as _clearpath).
void write_zsh_completion(std::ostream& out, const std::vector<CommandDoc>& commands);
// `complete -c clearpath` lines, for fish's vendor_completions.d (as clearpath.fish).
void write_fish_completion(std::ostream& out, const std::vector<CommandDoc>& commands);

}  // namespace clearpath
