// The options and the format choice the analysis commands share.
#include "cli/commands.hpp"

namespace clearpath {

void add_document_options(CLI::App* command, std::optional<OutputFormat>& format, std::string& output) {
  add_format_option(command, format, {OutputFormat::text, OutputFormat::json, OutputFormat::markdown},
                    "text, json or md");
  command->add_option("-o,--output", output, "write to this file (atomically) instead of stdout");
}

void add_report_options(CLI::App* command, std::optional<OutputFormat>& format, std::string& output,
                        std::string& fail_on) {
  add_document_options(command, format, output);
  command->add_option("--fail-on", fail_on, "exit 1 on findings of this severity or worse: error, warning, never")
      ->check(CLI::IsMember({"error", "warning", "never"}));
}

OutputFormat chosen_format(const std::optional<OutputFormat>& format, const std::string&, OutputFormat fallback) {
  return format.value_or(fallback);
}

}  // namespace clearpath
