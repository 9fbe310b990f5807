// `clearpath import psplib FILE.sm [-o OUT.json]`, `clearpath import mspdi FILE.xml [-o
// OUT.json]` and `clearpath import hr FILE.csv [--into GRAPH.json] [-o OUT.json]`: other formats
// into a clearpath model (mspdi in import_mspdi.cpp, hr in import_hr.cpp).
#include <filesystem>
#include <optional>
#include <utility>

#include "clearpath/psplib.hpp"
#include "clearpath/save.hpp"
#include "cli/commands.hpp"

namespace clearpath {

namespace {

int run_psplib(Session& s, const ImportArgs& args) {
  const std::string display = Session::display(args.file);
  const PsplibInstance instance = parse_psplib(s.read(args.file), display);
  std::string name = !args.model_name.empty() ? args.model_name : args.name;
  if (name.empty())
    name = args.file == "-" ? "PSPLIB instance" : "PSPLIB " + std::filesystem::path(args.file).stem().string();
  // psplib_model checks the model it builds: a problem in it is a bug in clearpath, thrown.
  s.emit(args.output, save_model(psplib_model(instance, name)));
  return kExitOk;
}

}  // namespace

CLI::App* add_import_command(CLI::App& command, ImportArgs& args) {
  CLI::App* c = &command;
  c->add_option("format", args.format,
                "the input format: mspdi (MS Project XML), psplib (single-mode RCPSP .sm file) or hr (CSV: one "
                "row per employee)")
      ->required()
      ->check(CLI::IsMember({"mspdi", "psplib", "hr"}));
  c->add_option("file", args.file, "input file; - reads standard input")->required();
  c->add_option("-o,--output", args.output, "write the model to this file (atomically) instead of stdout");
  c->add_option(
      "--name", args.name,
      "psplib: name of the model (default: PSPLIB and the file name without .sm); hr: header of the name column "
      "(default Name)");
  c->add_option("--model-name", args.model_name,
                "name of the model (hr default: HR import and the file name without .csv; mspdi default: the "
                "project's title)");
  c->add_option("--ids", args.ids,
                "mspdi: how steps and people are named: names (kebab case of their names, the default) or uids "
                "(task-UID, res-UID: stable when tasks are renamed)")
      ->check(CLI::IsMember({"names", "uids"}));
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
        "REGEX=ROLE: people whose title matches REGEX (RE2 syntax, case-insensitive, anywhere in the title) get ROLE; "
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
      "Examples:\n  clearpath import mspdi plan.xml -o plan.json           MS Project: File > Save As > XML\n"
      "  clearpath analyze plan.json                              then everything else works on it\n"
      "  clearpath import psplib tests/data/psplib/j301_1.sm -o j301_1.json\n"
      "  clearpath path j301_1.json --format json     its CPM duration is the file's MPM-Time (38)\n"
      "  clearpath import psplib - < j301_1.sm        read standard input, write standard output\n"
      "  clearpath import hr graphs/hr-export.csv --side-of 'Information Technology=it' --side-of 'IT Operations=it' "
      "\\\n"
      "      --side-of 'Data & Analytics=it' --default-side business --roles-from-title '^chief|^vp\\b=executive' \\\n"
      "      --roles-from-title 'director|^head of=director' -o org.json\n"
      "  clearpath render org.json --view org -o org.svg\n"
      "  clearpath import hr people.csv --id 'Personnel No' --manager 'Supervisor' --delimiter ';' \\\n"
      "      --into graphs/churn-model.json -o merged.json\n\n"
      "mspdi: each task a step with an id made of its name (--ids uids: task-UID), its UID kept in the\n"
      "attribute ms_project_uid and its summary tasks in the attribute summary; links with their types and\n"
      "lags, durations in working days (MinutesPerDay), progress, constraints and deadlines; work resources\n"
      "as people (over 100 %: departments) in their groups' departments, assignments as demands, the\n"
      "project calendar's exceptions as holidays. What clearpath schedules otherwise than MS Project (manual\n"
      "tasks, elapsed lags, other constraints ...) is a warning, each kind once. See docs/import-mspdi.md.\n"
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
  if (args.format == "hr") return run_import_hr(s, args);
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
  if (!args.ids.empty() && args.format != "mspdi") {
    s.io().err << "clearpath: error: --ids is an option of `import mspdi`\n";
    return kExitInvalid;
  }
  if (args.format == "mspdi") {
    if (!args.name.empty()) {
      s.io().err << "clearpath: error: --name is an option of `import psplib` and `import hr`; use --model-name\n";
      return kExitInvalid;
    }
    return run_import_mspdi(s, args);
  }
  return run_psplib(s, args);
}

}  // namespace clearpath
