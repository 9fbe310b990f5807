// `clearpath validate FILE...`: checks model files and prints a summary of each.
#include <ostream>

#include <nlohmann/json.hpp>

#include "clearpath/stats.hpp"
#include "cli/commands.hpp"
#include "report/diagnostic_report.hpp"
#include "report/stats_report.hpp"

namespace clearpath {
namespace {

// One file: its summary line (text) and its entry of the JSON report.
nlohmann::ordered_json validate_one(Session& s, const std::string& path, bool json) {
  nlohmann::ordered_json entry;
  entry["file"] = Session::display(path);
  s.forget_loads();  // the file before this one
  LoadResult unreadable;
  LoadResult* loaded = &unreadable;
  try {
    loaded = &s.load(path, !json);
  } catch (const InputError& e) {  // unreadable: reported, and the other files are still checked
    if (!json) s.io().err << "clearpath: error: " << e.what() << "\n";
    unreadable.diagnostics.error("unreadable", "", "", e.what());
  }
  const LoadResult& r = *loaded;
  const bool valid = r.model.has_value();
  entry["valid"] = valid;
  entry.update(diagnostics_json(Session::display(path), r.diagnostics));
  if (valid) {
    const ModelStats st = compute_entity_stats(*r.model);
    entry["name"] = r.model->name;
    entry["counts"] = stats_json(st)["entities"];
    const std::size_t warnings = r.diagnostics.warning_count();
    if (!json)
      s.io().out << Session::display(path) << ": valid: " << stats_summary(st)
                 << (warnings ? ", " + std::to_string(warnings) + " warning(s)" : std::string()) << "\n";
  } else if (!json) {
    s.io().out << Session::display(path) << ": invalid: " << r.diagnostics.error_count() << " error(s), "
               << r.diagnostics.warning_count() << " warning(s)\n";
  }
  return entry;
}

}  // namespace

CLI::App* add_validate_command(CLI::App& c, ValidateArgs& args) {
  c.add_option("files", args.files, "model files (JSON); - reads standard input")->required();
  add_format_option(&c, args.format, {OutputFormat::text, OutputFormat::json}, "text or json");
  c.footer(
      "Examples:\n  clearpath validate graphs/churn-model.json\n"
      "  clearpath validate graphs/*.json --format json\n  clearpath validate - < plan.json\n\n"
      "Problems go to stderr as file:line:column: error: /json/pointer: message.\n"
      "Exit status: 0 all valid (warnings allowed), 2 any file invalid.");
  return &c;
}

int run_validate(Session& s, const ValidateArgs& args) {
  const bool json = args.format == OutputFormat::json;
  nlohmann::ordered_json report;
  report["valid"] = true;
  report["files"] = nlohmann::ordered_json::array();
  bool all_valid = true;
  for (const std::string& path : args.files) {
    nlohmann::ordered_json entry = validate_one(s, path, json);
    all_valid = all_valid && entry["valid"].get<bool>();
    report["files"].push_back(std::move(entry));
  }
  report["valid"] = all_valid;
  if (json) s.io().out << report.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  return all_valid ? kExitOk : kExitInvalid;
}

}  // namespace clearpath
