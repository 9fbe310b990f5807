// PLACEHOLDER (being written): `clearpath import psplib FILE.sm -o OUT.json`.
#include "cli/commands.hpp"

namespace clearpath {

CLI::App* add_import_command(CLI::App& app, ImportArgs& args) {
  CLI::App* c = app.add_subcommand("import", "Convert other formats into a clearpath model");
  c->add_option("format", args.format, "psplib")->required();
  c->add_option("file", args.file, "input file; - reads standard input")->required();
  c->add_option("-o,--output", args.output, "write to this file (atomically) instead of stdout");
  return c;
}

int run_import(Session& s, const ImportArgs&) {
  s.io().err << "clearpath: error: import is not written yet\n";
  return kExitInvalid;
}

}  // namespace clearpath
