// `clearpath schema`: the JSON Schema of the file format, or of analyze's JSON report.
#include "clearpath/schema.hpp"
#include "cli/commands.hpp"

namespace clearpath {

CLI::App* add_schema_command(CLI::App& c, SchemaArgs& args) {
  c.add_option("-o,--output", args.output, "write to this file (atomically) instead of stdout");
  c.add_flag("--report", args.report, "the schema of `clearpath analyze --format json` instead");
  c.footer(
      "Examples:\n  clearpath schema -o clearpath.schema.json\n"
      "  then add \"$schema\": \"./clearpath.schema.json\" to a model file for editor completion.\n"
      "  clearpath schema --report -o report.schema.json   to check analyze's JSON in a pipeline");
  return &c;
}

int run_schema(Session& s, const SchemaArgs& args) {
  s.emit(args.output, std::string(args.report ? report_schema() : format_schema()));
  return kExitOk;
}

}  // namespace clearpath
