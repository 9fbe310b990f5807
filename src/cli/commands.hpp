#pragma once
// Subcommands that live in files of their own: each registers its options on the app and runs
// from the parsed arguments.
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/session.hpp"

namespace clearpath {

// The options every analysis shares: --format text|json, -o FILE, --fail-on.
inline void add_report_options(CLI::App* command, std::string& format, std::string& output, std::string& fail_on) {
  command->add_option("--format", format, "text or json")->check(CLI::IsMember({"text", "json"}));
  command->add_option("-o,--output", output, "write to this file (atomically) instead of stdout");
  command->add_option("--fail-on", fail_on, "exit 1 on findings of this severity or worse: error, warning, never")
      ->check(CLI::IsMember({"error", "warning", "never"}));
}

struct CopilotsArgs {
  std::string file, initiative, format = "text", output, fail_on = "error";
  std::vector<std::string> without;
  bool all = false;
  std::size_t threshold = 5, suggestions = 3;
};
CLI::App* add_copilots_command(CLI::App& app, CopilotsArgs& args);
int run_copilots(Session& session, const CopilotsArgs& args);

struct ConflictsArgs {
  std::string file, initiative, format = "text", output, fail_on = "error";
  std::size_t top = 3, effort = 500;
  std::uint64_t seed = 1;
  double near = 5;
  bool no_level = false;
};
CLI::App* add_conflicts_command(CLI::App& app, ConflictsArgs& args);
CLI::App* add_level_command(CLI::App& app, ConflictsArgs& args);
// `level_only`: the levelled schedule alone (`clearpath level`).
int run_conflicts(Session& session, const ConflictsArgs& args, bool level_only);

struct ImportArgs {
  std::string format, file, output;
  // --name: psplib: the model's name (default "PSPLIB <file stem>"); hr: the header of the
  // name column (default "Name" and its aliases).
  std::string name;
  std::string model_name;  // --model-name: the model's name, either format
  // hr only; "" = not given (the default header and its aliases).
  std::string id_column, title_column, manager_column, department_column;
  std::string into, delimiter = "auto", default_side, encoding = "utf-8";
  std::vector<std::string> side_of, roles_from_title, attributes;
};
CLI::App* add_import_command(CLI::App& app, ImportArgs& args);
int run_import(Session& session, const ImportArgs& args);

struct ExportArgs {
  std::string file, format, output;
};
CLI::App* add_export_command(CLI::App& app, ExportArgs& args);
int run_export(Session& session, const ExportArgs& args);

struct RenderArgs {
  std::string file, view, initiative, focus, root, format, output;
  std::optional<std::size_t> depth;
  std::size_t max_nodes = 0;  // 0 = the default budget
  bool all_edges = false;
};
CLI::App* add_render_command(CLI::App& app, RenderArgs& args);
int run_render(Session& session, const RenderArgs& args);

struct AnalyzeArgs {
  std::string file, initiative, output, format, fail_on = "error";  // format "": from -o, else text
  std::size_t simulate = 0, top = 3, max_nodes = 0;
  std::uint64_t seed = 1;
  double near = 5;
};
CLI::App* add_analyze_command(CLI::App& app, AnalyzeArgs& args);
int run_analyze(Session& session, const AnalyzeArgs& args);

}  // namespace clearpath
