// The options and the format choice the analysis commands share.
#include <algorithm>
#include <filesystem>
#include <system_error>

#include "clearpath/error.hpp"
#include "cli/commands.hpp"
#include "util/text.hpp"

namespace clearpath {

void add_document_options(CLI::App* command, std::optional<OutputFormat>& format, std::string& output) {
  add_format_option(command, format, kDocumentFormats,
                    "text, json or md; by default the one the extension of -o names, else text");
  command->add_option("-o,--output", output, "write to this file (atomically) instead of stdout");
}

void add_report_options(CLI::App* command, std::optional<OutputFormat>& format, std::string& output,
                        std::string& fail_on) {
  add_document_options(command, format, output);
  command->add_option("--fail-on", fail_on, "exit 1 on findings of this severity or worse: error, warning, never")
      ->check(CLI::IsMember({"error", "warning", "never"}));
}

OutputFormat chosen_format(const std::optional<OutputFormat>& format, const std::string& output,
                           const std::vector<OutputFormat>& offered, std::optional<OutputFormat> fallback) {
  if (format) return *format;
  std::string names;
  for (OutputFormat f : offered)
    names += std::string(names.empty() ? "" : ", ") + output_format_name(f) + " (." + output_format_extension(f) + ")";
  std::error_code ec;
  const bool to_file = !output.empty() && output != "-" && !std::filesystem::is_directory(output, ec);
  if (const auto named = to_file ? format_of_extension(output) : std::nullopt; named) {
    if (std::find(offered.begin(), offered.end(), *named) != offered.end()) return *named;
    if (*named != OutputFormat::text)
      throw Error("-o " + quote_text(output) + " names the " + output_format_name(*named) +
                  " format, which this command does not write: " + names + "; or give --format");
  }
  if (fallback) return *fallback;
  throw Error("--format is required: " + names + ", or an -o file whose extension names one of them");
}

}  // namespace clearpath
