#pragma once
// Every subcommand has the same shape: its arguments (XArgs), add_X_command, which fills the
// subcommand the command table made (name, summary, aliases) with X's options and footer and
// returns it, and run_X, which runs X with the parsed arguments and returns the exit status.
// The table (command_table.cpp) registers them all; run_cli only parses and dispatches.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "clearpath/conflicts.hpp"
#include "cli/output_format.hpp"
#include "cli/session.hpp"
#include "synthetic/synthetic.hpp"

namespace clearpath {

// The formats of the reports written from a document (path, copilots, conflicts, level, stats).
inline const std::vector<OutputFormat> kDocumentFormats = {OutputFormat::text, OutputFormat::json,
                                                           OutputFormat::markdown};
// --format text|json|md and -o FILE: the reports written from a document (and as JSON).
void add_document_options(CLI::App* command, std::optional<OutputFormat>& format, std::string& output);
// The options every analysis shares: those and --fail-on.
void add_report_options(CLI::App* command, std::optional<OutputFormat>& format, std::string& output,
                        std::string& fail_on);

// The format to write: --format if given, else the one -o's extension names when it is one of
// `offered` (.txt: text), else `fallback`. Throws when the extension names a format the command
// does not write (path -o report.html), or when there is no fallback and nothing else says.
OutputFormat chosen_format(const std::optional<OutputFormat>& format, const std::string& output,
                           const std::vector<OutputFormat>& offered, std::optional<OutputFormat> fallback);

struct ValidateArgs {
  std::vector<std::string> files;
  std::optional<OutputFormat> format;
};
CLI::App* add_validate_command(CLI::App& command, ValidateArgs& args);
int run_validate(Session& session, const ValidateArgs& args);

struct StatsArgs {
  std::string file, output;
  std::optional<OutputFormat> format;
};
CLI::App* add_stats_command(CLI::App& command, StatsArgs& args);
int run_stats(Session& session, const StatsArgs& args);

struct SchemaArgs {
  std::string output;
  bool report = false;  // the schema of analyze's JSON instead of the file format's
  bool diff = false;    // the schema of diff's JSON
};
CLI::App* add_schema_command(CLI::App& command, SchemaArgs& args);
int run_schema(Session& session, const SchemaArgs& args);

struct PathArgs {
  std::string file, initiative, to, estimate = "expected", distribution = "pert-beta", explain;
  std::string output, fail_on = "error";
  std::optional<OutputFormat> format;
  bool from_scratch = false;
  double near = 5;
  std::size_t simulate = 0;
  std::uint64_t seed = 1;
};
CLI::App* add_path_command(CLI::App& command, PathArgs& args);
int run_path(Session& session, const PathArgs& args);

struct CopilotsArgs {
  std::string file, initiative, output, fail_on = "error";
  std::optional<OutputFormat> format;
  std::vector<std::string> without;
  bool all = false;
  std::size_t threshold = 5, suggestions = 3;
};
CLI::App* add_copilots_command(CLI::App& command, CopilotsArgs& args);
int run_copilots(Session& session, const CopilotsArgs& args);

// What conflicts and level share: the scope and the levelling passes.
struct LevellingArgs {
  std::string file, initiative, output;
  std::optional<OutputFormat> format;
  std::size_t effort = 500;
  std::uint64_t seed = 1;
};
void add_levelling_options(CLI::App* command, LevellingArgs& args);
// The scope and the levelling passes as the analysis takes them (options.level set).
ConflictOptions levelling_options(const LevellingArgs& args);

struct ConflictsArgs : LevellingArgs {
  std::string fail_on = "error";
  std::size_t top = 3;
  double near = 5;
  bool no_level = false;
};
CLI::App* add_conflicts_command(CLI::App& command, ConflictsArgs& args);
int run_conflicts(Session& session, const ConflictsArgs& args);

struct LevelArgs : LevellingArgs {};
CLI::App* add_level_command(CLI::App& command, LevelArgs& args);
int run_level(Session& session, const LevelArgs& args);

struct ImportArgs {
  std::string format, file, output;  // format: the input's, psplib or hr
  // --name: psplib: the model's name (default "PSPLIB <file stem>"); hr: the header of the
  // name column (default "Name" and its aliases).
  std::string name;
  std::string model_name;  // --model-name: the model's name, either format
  std::string ids;         // mspdi only: --ids names|uids ("" = not given: names)
  // hr only; "" = not given (the default header and its aliases).
  std::string id_column, title_column, manager_column, department_column;
  std::string into, delimiter = "auto", default_side, encoding = "utf-8";
  std::vector<std::string> side_of, roles_from_title, attributes;
};
CLI::App* add_import_command(CLI::App& command, ImportArgs& args);
int run_import(Session& session, const ImportArgs& args);
// `import hr` (import_hr.cpp) and `import mspdi` (import_mspdi.cpp).
int run_import_hr(Session& session, const ImportArgs& args);
int run_import_mspdi(Session& session, const ImportArgs& args);

struct RenderArgs {
  std::string file, view, initiative, focus, root, output, page_per;
  std::optional<OutputFormat> format;
  std::optional<std::size_t> depth;
  std::size_t max_nodes = 0;  // 0 = the default budget
  bool all_edges = false;
};
CLI::App* add_render_command(CLI::App& command, RenderArgs& args);
int run_render(Session& session, const RenderArgs& args);

struct AnalyzeArgs {
  std::string file, initiative, output, fail_on = "error";
  std::optional<OutputFormat> format;  // not given: from -o's extension, else text
  std::size_t simulate = 0, top = 3, max_nodes = 0;
  std::uint64_t seed = 1;
  double near = 5;
};
CLI::App* add_analyze_command(CLI::App& command, AnalyzeArgs& args);
int run_analyze(Session& session, const AnalyzeArgs& args);

struct DiffArgs {
  std::vector<std::string> files;  // OLD NEW, or with --git the one file
  std::string git, output;
  std::optional<OutputFormat> format;  // not given: from -o's extension, else text
  std::vector<std::string> fail_on;
  double float_threshold = 1;
  std::size_t simulate = 0, attribution_budget = 200;
  std::uint64_t seed = 1;
};
CLI::App* add_diff_command(CLI::App& command, DiffArgs& args);
int run_diff(Session& session, const DiffArgs& args);

struct ExportArgs {
  std::string file, output;
  std::optional<OutputFormat> format;  // required
};
CLI::App* add_export_command(CLI::App& command, ExportArgs& args);
int run_export(Session& session, const ExportArgs& args);

struct GenerateArgs {
  SyntheticOptions synthetic;
  std::size_t people = 0;  // 0: steps / 5
  std::string output;
};
CLI::App* add_generate_command(CLI::App& command, GenerateArgs& args);
int run_generate(Session& session, const GenerateArgs& args);

// Hidden: the shell completions and the man page, from the command table (docs_command.cpp).
struct CompletionArgs {
  std::string shell, output;
};
CLI::App* add_completion_command(CLI::App& command, CompletionArgs& args);
int run_completion(Session& session, const CompletionArgs& args);

struct ManArgs {
  std::string output;
};
CLI::App* add_man_command(CLI::App& command, ManArgs& args);
int run_man(Session& session, const ManArgs& args);

}  // namespace clearpath
