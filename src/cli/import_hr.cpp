// `clearpath import hr FILE.csv [--into GRAPH.json] [-o OUT.json]`: people, departments and
// reporting lines from an HR export.
#include <filesystem>
#include <optional>
#include <utility>

#include "clearpath/hr_import.hpp"
#include "cli/commands.hpp"

namespace clearpath {
namespace {

// Prints the diagnostics of the checks of the imported model (perhaps merged into the user's
// model): errors are input problems (a --side-of that leaves a rule's slot with no department
// on its side, say) and warnings, some already in the --into model, are shown but do not stop
// the import.
std::optional<Model> check_imported(Session& s, const std::string& display, std::optional<Model> model,
                                    const Diagnostics& diagnostics) {
  if (!diagnostics.items().empty()) print_diagnostics(s.io().err, "<imported model>", diagnostics, s.err_color(), "");
  if (model) return model;
  s.io().err << "clearpath: error: " << display << ": the imported model is not valid (see above); nothing written\n";
  return std::nullopt;
}

// "DEPT=SIDE" or "REGEX=ROLE" split at the last '=' (the right side never holds one).
bool split_assignment(const std::string& text, std::pair<std::string, std::string>& out) {
  const std::size_t eq = text.rfind('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size()) return false;
  out = {text.substr(0, eq), text.substr(eq + 1)};
  return true;
}

// The options as the importer takes them, or the usage problem with them.
std::optional<std::string> hr_options(const ImportArgs& args, HrImportOptions& o) {
  const auto column = [](const std::string& given) {
    return given.empty() ? std::nullopt : std::optional<std::string>(given);
  };
  o.columns = {column(args.id_column), column(args.name), column(args.title_column), column(args.manager_column),
               column(args.department_column)};
  const std::string& d = args.delimiter;
  if (d == "auto") o.delimiter = 0;
  else if (d == "," || d == "comma") o.delimiter = ',';
  else if (d == ";" || d == "semicolon") o.delimiter = ';';
  else if (d == "tab" || d == "\t" || d == "\\t") o.delimiter = '\t';
  else return "--delimiter " + d + ": use auto, ',' (comma), ';' (semicolon) or tab";
  if (args.encoding == "windows-1252" || args.encoding == "latin1" || args.encoding == "cp1252") o.windows1252 = true;
  else if (args.encoding != "utf-8" && args.encoding != "utf8")
    return "--encoding " + args.encoding + ": use utf-8 or windows-1252 (latin1)";
  if (args.file == "-" && args.into == "-") return std::string("--into -: the export already reads standard input");
  for (const std::string& a : args.side_of) {
    std::pair<std::string, std::string> p;
    if (!split_assignment(a, p)) return "--side-of '" + a + "': write DEPARTMENT=SIDE, e.g. --side-of Engineering=it";
    o.sides.push_back(std::move(p));
  }
  for (const std::string& a : args.roles_from_title) {
    std::pair<std::string, std::string> p;
    if (!split_assignment(a, p))
      return "--roles-from-title '" + a + "': write REGEX=ROLE, e.g. --roles-from-title '^chief=executive'";
    o.title_roles.push_back(std::move(p));
  }
  o.attribute_columns = args.attributes;
  o.default_side = args.default_side;
  o.model_name = !args.model_name.empty() ? args.model_name
                 : args.file == "-"       ? "HR import"
                                          : "HR import " + std::filesystem::path(args.file).stem().string();
  return std::nullopt;
}

void print_summary(Session& s, const std::string& display, const HrImportSummary& m) {
  s.io().err << "clearpath import hr: " << display << ": " << m.rows << " employees; people: " << m.people_added
             << " added, " << m.people_updated << " updated; departments: " << m.departments_added << " added, "
             << m.departments_matched << " matched; " << m.reporting_lines << " reporting lines\n";
}

}  // namespace

int run_import_hr(Session& s, const ImportArgs& args) {
  const std::string display = Session::display(args.file);
  auto usage = [&](const std::string& what) {
    s.io().err << "clearpath: error: " << what << "\n";
    return kExitInvalid;
  };
  HrImportOptions o;
  if (const auto problem = hr_options(args, o)) return usage(*problem);
  const LoadResult* into = nullptr;
  if (!args.into.empty()) {
    into = &s.load(args.into, true);
    s.may_replace(args.into);
    if (!into->model) return usage(Session::display(args.into) + ": --into: the model is not valid; nothing written");
  }
  HrImportResult result;
  try {
    result = import_hr(s.read(args.file), display, o, into ? &*into->model : nullptr);
  } catch (const HrImportError& e) {
    for (const std::string& p : e.problems()) s.io().err << "clearpath: error: " << p << "\n";
    s.io().err << "clearpath: " << e.problems().size() << (e.problems().size() == 1 ? " problem" : " problems")
               << " importing " << display << "; nothing written\n";
    return kExitInvalid;
  }
  const std::optional<Model> model = check_imported(s, display, std::move(result.model), result.diagnostics);
  if (!model) return kExitInvalid;
  s.emit(args.output, save_model(*model));
  print_summary(s, display, result.summary);
  return kExitOk;
}

}  // namespace clearpath
