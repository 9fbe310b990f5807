// `clearpath completion bash|zsh|fish` and `clearpath man`: generated from the command table,
// hidden from --help, deterministic. The bash script is run in a real bash; zsh and fish are not
// installed here, so their scripts get structural checks only.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <sstream>

#include "clearpath/version.hpp"
#include "support/test_support.hpp"

using clearpath::test::run;

namespace {

// The output of a shell command (popen), for the completion scripts in a real shell.
std::string shell_output(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  REQUIRE(pipe);
  std::string out;
  std::array<char, 4096> buffer{};
  while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) out.append(buffer.data(), n);
  return out;
}

// COMPREPLY of the bash completion for `words`, completing the last one.
std::string bash_completes(const std::string& script, const std::string& words, int cword) {
  return shell_output("bash -c 'source " + script + "; COMP_WORDS=(" + words +
                      "); COMP_CWORD=" + std::to_string(cword) + "; _clearpath; printf \"%s\\n\" \"${COMPREPLY[*]}\"'");
}

const char* kCommands[] = {"validate", "stats",  "schema", "path",    "copilots", "conflicts",
                           "level",    "import", "render", "analyze", "export",   "generate"};

// The examples of a --help text: the words of each line under "Examples:" that starts with
// "clearpath " (up to two spaces, where the top-level help explains it), split at spaces with
// '...' quoting; none for a line with a pipe, a redirection, a glob or a shell variable.
std::vector<std::vector<std::string>> help_examples(const std::string& help) {
  std::vector<std::vector<std::string>> examples;
  if (help.find("Examples:") == std::string::npos) return examples;
  std::istringstream in(help.substr(help.find("Examples:")));
  for (std::string line; std::getline(in, line);) {
    // A command continued on the next line (a trailing backslash).
    for (std::string more; line.size() > 1 && line.back() == '\\' && std::getline(in, more);)
      line = line.substr(0, line.size() - 1) + more.substr(more.find_first_not_of(' '));
    const std::size_t at = line.find_first_not_of(' ');
    if (at == std::string::npos || line.compare(at, 10, "clearpath ") != 0) continue;
    std::string command = line.substr(at + 10);
    command = command.substr(0, command.find("  "));
    if (command.find_first_of("|<>*$") != std::string::npos) continue;
    std::vector<std::string> words(1);
    bool quoted = false;
    for (const char c : command) {
      if (c == '\'') quoted = !quoted;
      else if (c == ' ' && !quoted) words.emplace_back();
      else words.back() += c;
    }
    examples.push_back(words);
  }
  return examples;
}

}  // namespace

TEST_CASE("every --help example that names files of the repository runs", "[cli][docs]") {
  // Run from the repository's root as a new user would: its files by their paths, -o into a
  // temporary folder. Examples that name files of their own (plan.json, big.json) or need a git
  // history are left out; a test elsewhere covers each command.
  std::vector<std::string> helps = {run({"--help"}).out};
  for (const char* command : kCommands) helps.push_back(run({command, "--help"}).out);
  helps.push_back(run({"diff", "--help"}).out);
  std::size_t ran = 0;
  for (const std::string& help : helps) {
    for (std::vector<std::string> words : help_examples(help)) {
      bool runnable = std::find(words.begin(), words.end(), "--git") == words.end();
      for (std::size_t i = 0; i < words.size() && runnable; ++i) {
        std::string& w = words[i];
        if (i > 0 && (words[i - 1] == "-o" || words[i - 1] == "--output")) {
          w = clearpath::test::temp_dir() + "/" + w;
        } else if (w.rfind("graphs/", 0) == 0 || w.rfind("tests/", 0) == 0) {
          w = clearpath::test::source_path(w);
          runnable = std::filesystem::exists(w);
          INFO(w);
          CHECK(runnable);  // a file of the repository that is not there: a stale example
        } else {
          for (const char* ext : {".json", ".xml", ".csv", ".sm", ".html"})
            if (w.size() > 5 && w.find('.') != std::string::npos && w.substr(w.rfind('.')) == ext && w[0] != '-')
              runnable = false;  // the user's own file
        }
      }
      if (!runnable) continue;
      std::string line = "clearpath";
      for (const std::string& w : words) line += " " + w;
      INFO(line);
      const auto r = run(words);
      CHECK((r.status == 0 || r.status == 1));
      CHECK_THAT(r.err, !Catch::Contains("error"));
      ++ran;
    }
  }
  CHECK(ran >= 35);  // 39 when written: an example left out by mistake would show here
}

TEST_CASE("completion and man are hidden, and their output does not change between runs", "[cli][docs]") {
  const std::string help = run({"--help"}).out;
  CHECK(help.find("completion") == std::string::npos);
  CHECK(help.find("\n  man ") == std::string::npos);
  for (const char* shell : {"bash", "zsh", "fish"}) {
    INFO(shell);
    const auto a = run({"completion", shell});
    CHECK(a.status == 0);
    CHECK(a.err.empty());
    CHECK(run({"completion", shell}).out == a.out);
  }
  CHECK(run({"man"}).out == run({"man"}).out);
  const auto bad = run({"completion", "tcsh"});
  CHECK(bad.status == 2);
  CHECK(bad.err.rfind("clearpath: error: shell: tcsh not in {bash,zsh,fish}", 0) == 0);
}

TEST_CASE("the bash completion completes commands, options and their choices", "[cli][docs]") {
  const std::string script = clearpath::test::temp_dir() + "/clearpath.bash";
  REQUIRE(run({"completion", "bash", "-o", script}).status == 0);
  CHECK(bash_completes(script, "clearpath an", 1) == "analyze\n");
  CHECK(bash_completes(script, "clearpath ''", 1) ==
        "validate stats schema path copilots conflicts level import render analyze diff export generate -h --help "
        "--version\n");
  CHECK(bash_completes(script, "clearpath path --for", 2) == "--format\n");
  CHECK(bash_completes(script, "clearpath path x.json --fo", 3) == "--format\n");
  CHECK(bash_completes(script, "clearpath path x.json --format ''", 4) == "text json md\n");
  CHECK(bash_completes(script, "clearpath analyse x.json --format h", 4) == "html\n");  // the alias
  CHECK(bash_completes(script, "clearpath render x.json --view ''", 4) == "org approvals deps conflicts timeline\n");
  CHECK(bash_completes(script, "clearpath import ''", 2) == "mspdi psplib hr\n");
  CHECK(bash_completes(script, "clearpath copilots x.json --sig", 3) == "--signoff-threshold\n");
  // A file or a value without choices: nothing, so that bash's default (file names) applies.
  CHECK(bash_completes(script, "clearpath path x.json -o ''", 4) == "\n");
  CHECK(bash_completes(script, "clearpath path ''", 2) == "\n");
  CHECK(bash_completes(script, "clearpath frobnicate --f", 2) == "\n");
  CHECK(shell_output("bash -c 'source " + script + "; complete -p clearpath'") ==
        "complete -o default -F _clearpath clearpath\n");
}

TEST_CASE("the zsh and fish completions list every command and its options", "[cli][docs]") {
  const std::string zsh = run({"completion", "zsh"}).out;
  CHECK(zsh.rfind("#compdef clearpath\n", 0) == 0);
  CHECK(zsh.find("    'analyze:Everything at once: summary, every analysis, ranked findings, diagrams'\n") !=
        std::string::npos);
  CHECK(zsh.find("    'analyse:Everything at once:") != std::string::npos);
  CHECK(zsh.find("    analyze|analyse)\n") != std::string::npos);
  CHECK(zsh.find("'--format[text, json or md; by default the one the extension of -o names, else text]:TEXT:(text json "
                 "md)'") != std::string::npos);
  CHECK(zsh.find("'(-o --output)'{-o,--output}'[write to this file (atomically) instead of stdout]:TEXT:_files'") !=
        std::string::npos);
  CHECK(zsh.find("'--initiative[only this initiative'\\''s items and what they depend on]:TEXT:_files'") !=
        std::string::npos);
  const std::string fish = run({"completion", "fish"}).out;
  CHECK(fish.find("complete -c clearpath -n __fish_use_subcommand -a analyze -d 'Everything at once: summary, every "
                  "analysis, ranked findings, diagrams'\n") != std::string::npos);
  CHECK(
      fish.find("complete -c clearpath -n '__fish_seen_subcommand_from path' -l format -x -a 'text json md' -d 'text, "
                "json or md; by default the one the extension of -o names, else text'\n") != std::string::npos);
  CHECK(fish.find("complete -c clearpath -n '__fish_seen_subcommand_from analyze analyse' -s o -l output -r -F") !=
        std::string::npos);
  for (const char* command : kCommands) {
    INFO(command);
    CHECK(zsh.find("\n    " + std::string(command)) != std::string::npos);
    CHECK(fish.find("-a " + std::string(command) + " -d ") != std::string::npos);
  }
  CHECK(zsh.find("\n    completion") == std::string::npos);
  CHECK(fish.find("-a man ") == std::string::npos);
}

TEST_CASE("the man page has the usual sections and every command, dated by the version", "[cli][docs]") {
  const std::string man = run({"man"}).out;
  const std::string version(clearpath::version());
  CHECK(man.find("\n.TH CLEARPATH 1 \"version " + version + "\" \"clearpath " + version + "\" \"User Commands\"\n") !=
        std::string::npos);
  for (const char* section :
       {".SH NAME\n", ".SH SYNOPSIS\n", ".SH DESCRIPTION\n", ".SH COMMANDS\n", ".SH EXIT STATUS\n", ".SH EXAMPLES\n"}) {
    INFO(section);
    CHECK(man.find(section) != std::string::npos);
  }
  for (const char* command : kCommands) {
    INFO(command);
    CHECK(man.find("\n.SS " + std::string(command) + "\n\\fBclearpath " + command + "\\fR") != std::string::npos);
  }
  CHECK(man.find("\\fB\\-\\-format\\fR \\fITEXT\\fR\ntext, json or md; by default the one the extension of \\-o "
                 "names, else text (one of: text, json, md)\n") != std::string::npos);
  CHECK(man.find("Also spelled \\fBanalyse\\fR.") != std::string::npos);
  CHECK(man.find(".SS completion") == std::string::npos);
  // No line starts with a stray control character: every one is a request or escaped text.
  std::istringstream lines(man);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty() && line[0] == '\'') FAIL("a line starts with a quote: " << line);
}

TEST_CASE("groff formats the man page without warnings", "[cli][docs]") {
  if (shell_output("command -v groff").empty()) return;  // groff is optional
  const std::string page = clearpath::test::temp_dir() + "/clearpath.1";
  REQUIRE(run({"man", "-o", page}).status == 0);
  CHECK(shell_output("groff -man -ww -z " + page + " 2>&1") == "");
}
