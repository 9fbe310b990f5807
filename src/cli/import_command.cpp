// `clearpath import psplib FILE.sm [-o OUT.json]`: other formats into a clearpath model.
#include <filesystem>

#include "cli/commands.hpp"
#include "clearpath/psplib.hpp"

namespace clearpath {

CLI::App* add_import_command(CLI::App& app, ImportArgs& args) {
  CLI::App* c = app.add_subcommand("import", "Convert another format into a clearpath model (psplib: a PSPLIB .sm instance)");
  c->add_option("format", args.format, "the input format: psplib (single-mode RCPSP .sm file)")
      ->required()
      ->check(CLI::IsMember({"psplib"}));
  c->add_option("file", args.file, "input file; - reads standard input")->required();
  c->add_option("-o,--output", args.output, "write the model to this file (atomically) instead of stdout");
  c->add_option("--name", args.name, "name of the model (default: PSPLIB and the file name without .sm)");
  c->footer(
      "Examples:\n  clearpath import psplib tests/data/psplib/j301_1.sm -o j301_1.json\n"
      "  clearpath path j301_1.json --format json     its CPM duration is the file's MPM-Time (38)\n"
      "  clearpath import psplib - < j301_1.sm        read standard input, write standard output\n\n"
      "Each renewable resource becomes a department r1..rK with its capacity, each non-dummy job a step\n"
      "job-NN of the initiative 'project' with its duration, demands and depends_on (the dummy source and\n"
      "sink are dropped). Only single-mode files (.sm) are read. See docs/psplib.md.\n"
      "Exit status: 0 written, 2 unreadable or malformed input (FILE:LINE: what is wrong; nothing written)\n"
      "or usage.");
  return c;
}

int run_import(Session& s, const ImportArgs& args) {
  const std::string display = Session::display(args.file);
  std::string model;
  try {
    const PsplibInstance instance = parse_psplib(s.read(args.file), display);
    std::string name = args.name;
    if (name.empty())
      name = args.file == "-" ? "PSPLIB instance" : "PSPLIB " + std::filesystem::path(args.file).stem().string();
    model = psplib_model_json(instance, name);
  } catch (const InputError& e) {
    s.io().err << "clearpath: error: " << e.what() << "\n";
    return kExitInvalid;
  }
  // The import must give a valid model; check it before anything is written.
  const LoadResult check = load_model(model);
  if (!check.model || check.diagnostics.warning_count() > 0) {
    print_diagnostics(s.io().err, "<imported model>", check.diagnostics, s.err_color());
    s.io().err << "clearpath: error: " << display << ": the imported model is not valid (a bug in clearpath import)\n";
    return kExitInvalid;
  }
  s.emit(args.output, model);
  return kExitOk;
}

}  // namespace clearpath
