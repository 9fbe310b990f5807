// `clearpath schema`: the JSON Schema of the file format, or of analyze's JSON report.
#include "clearpath/schema.hpp"
#include "cli/commands.hpp"

namespace clearpath {

CLI::App* add_schema_command(CLI::App& c, SchemaArgs& args) {
  c.add_option("-o,--output", args.output, "write to this file (atomically) instead of stdout");
  c.add_flag("--report", args.report, "the schema of `clearpath analyze --format json` instead");
  c.add_flag("--diff", args.diff, "the schema of `clearpath diff --format json` instead")->excludes("--report");
  c.footer(
      "Examples:\n  clearpath schema -o clearpath.schema.json\n"
      "  then add \"$schema\": \"./clearpath.schema.json\" to a model file for editor completion.\n"
      "  clearpath schema --report -o report.schema.json   to check analyze's JSON in a pipeline\n"
      "  clearpath schema --diff -o diff.schema.json       the same for diff's JSON");
  return &c;
}

int run_schema(Session& s, const SchemaArgs& args) {
  s.emit(args.output, std::string(args.diff ? diff_schema() : args.report ? report_schema() : format_schema()));
  return kExitOk;
}

}  // namespace clearpath
