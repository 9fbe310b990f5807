// Format names, extensions and the --format option.
#include "cli/output_format.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "util/text.hpp"

namespace clearpath {
namespace {

struct FormatName {
  OutputFormat format;
  const char* name;
  const char* extension;
};

constexpr FormatName kFormats[] = {
    {OutputFormat::text, "text", "txt"},
    {OutputFormat::json, "json", "json"},
    {OutputFormat::markdown, "md", "md"},
    {OutputFormat::html, "html", "html"},
    {OutputFormat::svg, "svg", "svg"},
    {OutputFormat::png, "png", "png"},
    {OutputFormat::pdf, "pdf", "pdf"},
    {OutputFormat::dot, "dot", "dot"},
    {OutputFormat::graphml, "graphml", "graphml"},
    {OutputFormat::mspdi, "mspdi", "xml"},
};

const FormatName& entry(OutputFormat f) noexcept { return kFormats[static_cast<std::size_t>(f)]; }

}  // namespace

const char* output_format_name(OutputFormat f) noexcept { return entry(f).name; }
const char* output_format_extension(OutputFormat f) noexcept { return entry(f).extension; }

std::optional<OutputFormat> parse_output_format(std::string_view name) noexcept {
  if (name == "markdown") return OutputFormat::markdown;  // what "md" stands for, also accepted
  for (const FormatName& f : kFormats)
    if (name == f.name) return f.format;
  return std::nullopt;
}

std::optional<OutputFormat> format_of_extension(const std::string& path) {
  std::string e = std::filesystem::path(path).extension().string();
  for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (e.empty()) return std::nullopt;
  if (e == ".htm") return OutputFormat::html;
  if (e == ".gv") return OutputFormat::dot;
  for (const FormatName& f : kFormats)
    if (e.compare(1, std::string::npos, f.extension) == 0) return f.format;
  return std::nullopt;
}

std::string output_contradiction(const CLI::App& command) {
  const CLI::Option* format = command.get_option_no_throw("--format");
  const CLI::Option* output = command.get_option_no_throw("--output");
  if (!format || !output || format->results().empty() || output->results().empty()) return {};
  const std::string& file = output->results().back();
  const auto asked = parse_output_format(format->results().back());
  const auto named = format_of_extension(file);
  std::error_code ec;
  if (!asked || !named || *named == OutputFormat::text || *named == *asked || std::filesystem::is_directory(file, ec))
    return {};
  return "-o " + quote_text(file) + " names the " + output_format_name(*named) + " format, but --format is " +
         output_format_name(*asked);
}

DiagramFormat diagram_format(OutputFormat f) noexcept {
  switch (f) {
    case OutputFormat::png: return DiagramFormat::png;
    case OutputFormat::pdf: return DiagramFormat::pdf;
    case OutputFormat::dot: return DiagramFormat::dot;
    default: return DiagramFormat::svg;
  }
}

ExportFormat export_format(OutputFormat f) noexcept {
  switch (f) {
    case OutputFormat::graphml: return ExportFormat::graphml;
    case OutputFormat::dot: return ExportFormat::dot;
    case OutputFormat::mspdi: return ExportFormat::mspdi;
    default: return ExportFormat::json;
  }
}

CLI::Option* add_format_option(CLI::App* command, std::optional<OutputFormat>& format,
                               const std::vector<OutputFormat>& choices, const std::string& help) {
  std::string listed;
  for (OutputFormat f : choices) listed += (listed.empty() ? "" : ",") + std::string(output_format_name(f));
  listed = "{" + listed + "}";
  // Like CLI::IsMember (the same description and message), but "markdown" is also "md". The
  // check runs first, so the callback only ever sees a name it can parse.
  const CLI::Validator one_of(
      [choices, listed](std::string& name) {
        const auto f = parse_output_format(name);
        const bool offered = f && std::find(choices.begin(), choices.end(), *f) != choices.end();
        return offered ? std::string() : name + " not in " + listed;
      },
      listed);
  return command
      ->add_option_function<std::string>(
          "--format", [&format](const std::string& name) { format = parse_output_format(name); }, help)
      ->check(one_of);
}

}  // namespace clearpath
