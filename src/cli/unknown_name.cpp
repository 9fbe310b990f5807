#include "cli/unknown_name.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "cli/command_docs.hpp"
#include "util/text.hpp"

namespace clearpath {
namespace {

// "--name", "--name=value", "-o", "-ofile"; not "-" (standard input) nor "-1" (a number).
bool is_option_word(const std::string& a) {
  if (a.size() < 2 || a[0] != '-') return false;
  return !(std::isdigit(static_cast<unsigned char>(a[1])) || a[1] == '.');
}

std::string option_name(const std::string& word) {
  if (word.rfind("--", 0) == 0) return word.substr(0, word.find('='));
  return word.substr(0, 2);
}

const CLI::App* find_command(const CLI::App& app, const std::string& name) {
  for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; }))
    if (command->check_name(name)) return command;
  return nullptr;
}

std::string suggestion(const std::string& word, const std::vector<std::string>& names) {
  const std::vector<std::string_view> candidates(names.begin(), names.end());
  const std::string match = closest_match(word, candidates);
  return match.empty() ? std::string() : "; did you mean " + quote_text(match) + "?";
}

std::string unknown_command(const CLI::App& app, const std::string& word) {
  std::vector<std::string> names;
  for (const CLI::App* command : app.get_subcommands([](const CLI::App* c) { return !c->get_group().empty(); })) {
    names.push_back(command->get_name());
    for (const std::string& alias : command->get_aliases()) names.push_back(alias);
  }
  const std::string hint = suggestion(word, names);
  return "unknown command " + quote_text(word) + (hint.empty() ? "; 'clearpath --help' lists the commands" : hint);
}

std::string unknown_option(const CLI::App& scope, const std::string& name) {
  std::vector<std::string> names;
  for (const CLI::Option* option : all_options(scope)) {
    for (const std::string& l : option->get_lnames()) names.push_back("--" + l);
    for (const std::string& s : option->get_snames()) names.push_back("-" + s);
  }
  const std::string help = scope.get_parent() ? "'clearpath " + scope.get_name() + " --help'" : "'clearpath --help'";
  const std::string hint = suggestion(name, names);
  return "unknown option " + quote_text(name) + (hint.empty() ? "; " + help + " lists the options" : hint);
}

}  // namespace

std::string unknown_name_error(const CLI::App& app, const std::vector<std::string>& args) {
  const CLI::App* command = nullptr;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& word = args[i];
    if (word == "--") break;
    if (is_option_word(word)) {
      const std::string name = option_name(word);
      const CLI::App& scope = command ? *command : app;
      if (!scope.get_option_no_throw(name) && !app.get_option_no_throw(name)) return unknown_option(scope, name);
    } else if (!command) {
      command = find_command(app, word);
      if (!command) return unknown_command(app, word);
    }
  }
  return {};
}

std::string usage_failure_message(const CLI::App*, const CLI::Error& e) {
  std::string what = e.what();
  // CLI11's IsMember check: "--view: gantt not in {org,approvals,deps,conflicts,timeline}".
  const std::size_t in = what.find(" not in {"), colon = what.find(": ");
  if (in != std::string::npos && colon != std::string::npos && colon < in && what.back() == '}') {
    const std::string value = what.substr(colon + 2, in - colon - 2);
    std::vector<std::string> choices;
    std::string list = what.substr(in + 9, what.size() - in - 10);
    for (std::size_t from = 0; from <= list.size();) {
      const std::size_t comma = std::min(list.find(',', from), list.size());
      choices.push_back(list.substr(from, comma - from));
      from = comma + 1;
    }
    what += suggestion(value, choices);
  }
  return "clearpath: error: " + what + "\nRun with --help for more information.\n";
}

}  // namespace clearpath
