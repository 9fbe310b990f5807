// `clearpath import psplib FILE.sm [-o OUT.json]` and `clearpath import hr FILE.csv [--into
// GRAPH.json] [-o OUT.json]`: other formats into a clearpath model.
#include <filesystem>
#include <optional>
#include <utility>

#include "clearpath/hr_import.hpp"
#include "clearpath/psplib.hpp"
#include "cli/commands.hpp"

namespace clearpath {
namespace {

// Prints the diagnostics of the checks of an imported model (the HR import, perhaps merged into
// the user's model): errors are input problems (a --side-of that leaves a rule's slot with no
// department on its side, say) and warnings, some already in the --into model, are shown but do
// not stop the import.
std::optional<Model> check_imported(Session& s, const std::string& display, std::optional<Model> model, const Diagnostics& diagnostics) {
  if (!diagnostics.items().empty()) print_diagnostics(s.io().err, "<imported model>", diagnostics, s.err_color(), "");
  if (model) return model;
  s.io().err << "clearpath: error: " << display << ": the imported model is not valid (see above); nothing written\n";
  return std::nullopt;
}

int run_psplib(Session& s, const ImportArgs& args) {
  const std::string display = Session::display(args.file);
  std::string model;
  try {
    const PsplibInstance instance = parse_psplib(s.read(args.file), display);
    std::string name = !args.model_name.empty() ? args.model_name : args.name;
    if (name.empty())
      name = args.file == "-" ? "PSPLIB instance" : "PSPLIB " + std::filesystem::path(args.file).stem().string();
    model = save_model(psplib_model(instance, name));  // checked: a problem in it is a bug, thrown
  } catch (const InputError& e) {
    s.io().err << "clearpath: error: " << e.what() << "\n";
    return kExitInvalid;
  }
  s.emit(args.output, model);
  return kExitOk;
}

// "DEPT=SIDE" or "REGEX=ROLE" split at the last '=' (the right side never holds one).
bool split_assignment(const std::string& text, std::pair<std::string, std::string>& out) {
  const std::size_t eq = text.rfind('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size()) return false;
  out = {text.substr(0, eq), text.substr(eq + 1)};
  return true;
}

int run_hr(Session& s, const ImportArgs& args) {
  const std::string display = Session::display(args.file);
  auto usage = [&](const std::string& what) {
    s.io().err << "clearpath: error: " << what << "\n";
    return kExitInvalid;
  };
  HrImportOptions o;
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
  else return usage("--delimiter " + d + ": use auto, ',' (comma), ';' (semicolon) or tab");
  if (args.encoding == "windows-1252" || args.encoding == "latin1" || args.encoding == "cp1252") o.windows1252 = true;
  else if (args.encoding != "utf-8" && args.encoding != "utf8")
    return usage("--encoding " + args.encoding + ": use utf-8 or windows-1252 (latin1)");
  if (args.file == "-" && args.into == "-") return usage("--into -: the export already reads standard input");
  for (const std::string& a : args.side_of) {
    std::pair<std::string, std::string> p;
    if (!split_assignment(a, p))
      return usage("--side-of '" + a + "': write DEPARTMENT=SIDE, e.g. --side-of Engineering=it");
    o.sides.push_back(std::move(p));
  }
  for (const std::string& a : args.roles_from_title) {
    std::pair<std::string, std::string> p;
    if (!split_assignment(a, p))
      return usage("--roles-from-title '" + a + "': write REGEX=ROLE, e.g. --roles-from-title '^chief=executive'");
    o.title_roles.push_back(std::move(p));
  }
  o.attribute_columns = args.attributes;
  o.default_side = args.default_side;
  o.model_name = !args.model_name.empty() ? args.model_name
                 : args.file == "-"       ? "HR import"
                                          : "HR import " + std::filesystem::path(args.file).stem().string();
  std::optional<LoadResult> into;
  if (!args.into.empty()) {
    try {
      into = s.load(args.into, true);
    } catch (const InputError& e) {
      return usage(e.what());
    }
    if (!into->model) return usage(Session::display(args.into) + ": --into: the model is not valid; nothing written");
  }
  HrImportResult result;
  try {
    result = import_hr(s.read(args.file), display, o, into ? &*into->model : nullptr);
  } catch (const HrImportError& e) {
    for (const std::string& p : e.problems()) s.io().err << "clearpath: error: " << p << "\n";
    s.io().err << "clearpath: " << e.problems().size() << (e.problems().size() == 1 ? " problem" : " problems")
               << " in " << display << "; nothing written\n";
    return kExitInvalid;
  } catch (const InputError& e) {
    return usage(e.what());
  }
  const std::optional<Model> model = check_imported(s, display, std::move(result.model), result.diagnostics);
  if (!model) return kExitInvalid;
  s.emit(args.output, save_model(*model));
  const HrImportSummary& m = result.summary;
  s.io().err << "clearpath import hr: " << display << ": " << m.rows << " employees; people: " << m.people_added
             << " added, " << m.people_updated << " updated; departments: " << m.departments_added << " added, "
             << m.departments_matched << " matched; " << m.reporting_lines << " reporting lines\n";
  return kExitOk;
}

}  // namespace

CLI::App* add_import_command(CLI::App& app, ImportArgs& args) {
  CLI::App* c = app.add_subcommand(
      "import",
      "Convert another format into a clearpath model (psplib: a PSPLIB .sm instance; hr: an HR export in CSV)");
  c->add_option("format", args.format,
                "the input format: psplib (single-mode RCPSP .sm file) or hr (CSV: one row per employee)")
      ->required()
      ->check(CLI::IsMember({"psplib", "hr"}));
  c->add_option("file", args.file, "input file; - reads standard input")->required();
  c->add_option("-o,--output", args.output, "write the model to this file (atomically) instead of stdout");
  c->add_option(
      "--name", args.name,
      "psplib: name of the model (default: PSPLIB and the file name without .sm); hr: header of the name column "
      "(default Name)");
  c->add_option("--model-name", args.model_name,
                "name of the model (hr default: HR import and the file name without .csv)");
  CLI::Option_group* hr = c->add_option_group("hr", "Options of `import hr`");
  hr->add_option("--id", args.id_column, "header of the employee id column (default Employee ID)");
  hr->add_option("--title", args.title_column, "header of the job title column (default Title)");
  hr->add_option("--manager", args.manager_column,
                 "header of the column of the manager's employee id (default Manager ID)");
  hr->add_option("--department", args.department_column, "header of the department column (default Department)");
  hr->add_option("--side-of", args.side_of,
                 "DEPT=SIDE: the side (it, business, ...) of a department, by name or id; repeatable")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  hr->add_option("--default-side", args.default_side,
                 "SIDE: the side of every department of the export that --side-of leaves without one");
  hr->add_option(
        "--roles-from-title", args.roles_from_title,
        "REGEX=ROLE: people whose title matches REGEX (ECMAScript, case-insensitive, anywhere in the title) get ROLE; "
        "repeatable")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  hr->add_option("--attribute", args.attributes, "COLUMN: copy this column into each person's attributes; repeatable")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  hr->add_option("--delimiter", args.delimiter, "auto (from the header line), ',', ';' or tab")->capture_default_str();
  hr->add_option("--encoding", args.encoding,
                 "utf-8, or windows-1252 (also latin1): what Excel on Windows saves as CSV")
      ->capture_default_str();
  hr->add_option("--into", args.into, "merge into this model: keep all of it, update the people the export lists");
  c->footer(
      "Examples:\n  clearpath import psplib tests/data/psplib/j301_1.sm -o j301_1.json\n"
      "  clearpath path j301_1.json --format json     its CPM duration is the file's MPM-Time (38)\n"
      "  clearpath import psplib - < j301_1.sm        read standard input, write standard output\n"
      "  clearpath import hr graphs/hr-export.csv --side-of 'Information Technology=it' --side-of 'IT Operations=it' "
      "\\\n"
      "      --side-of 'Data & Analytics=it' --default-side business --roles-from-title '^chief|^vp\\b=executive' \\\n"
      "      --roles-from-title 'director|^head of=director' -o org.json\n"
      "  clearpath render org.json --view org -o org.svg\n"
      "  clearpath import hr people.csv --id 'Personnel No' --manager 'Supervisor' --delimiter ';' \\\n"
      "      --into graphs/churn-model.json -o merged.json\n\n"
      "psplib: each renewable resource becomes a department r1..rK with its capacity, each non-dummy job a\n"
      "step job-NN of the initiative 'project' with its duration, demands and depends_on (the dummy source\n"
      "and sink are dropped). Only single-mode files (.sm) are read. See docs/psplib.md.\n"
      "hr: each row a person (id = the employee id, trimmed), each department a department (id dept- and\n"
      "the name in kebab case), the manager column their reports_to. Headers are matched trimmed and\n"
      "case-insensitively; without --id etc. common aliases are accepted (Emp ID, Job Title, Manager, Dept,\n"
      "First Name + Last Name ...). Every bad row is reported (FILE:LINE: reason). See docs/import-hr.md.\n"
      "Exit status: 0 written, 2 unreadable or malformed input (FILE:LINE: what is wrong; nothing written)\n"
      "or usage.");
  return c;
}

int run_import(Session& s, const ImportArgs& args) {
  if (args.format == "hr") return run_hr(s, args);
  const bool hr_options = !args.id_column.empty() || !args.title_column.empty() || !args.manager_column.empty() ||
                          !args.department_column.empty() || !args.into.empty() || args.delimiter != "auto" ||
                          args.encoding != "utf-8" || !args.side_of.empty() || !args.default_side.empty() ||
                          !args.roles_from_title.empty() || !args.attributes.empty();
  if (hr_options) {
    s.io().err << "clearpath: error: --id, --title, --manager, --department, --side-of, --default-side, "
                  "--roles-from-title, --attribute,"
                  " --delimiter, --encoding and --into are options of `import hr`\n";
    return kExitInvalid;
  }
  return run_psplib(s, args);
}

}  // namespace clearpath
