#pragma once
// The output formats of every subcommand as one enum, parsed once at the --format option, and
// what the extension of -o FILE says about the format.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "clearpath/export.hpp"
#include "clearpath/render.hpp"

namespace clearpath {

enum class OutputFormat : std::uint8_t { text, json, markdown, html, svg, png, pdf, dot, graphml, mspdi };

// As written after --format ("md" for markdown; "markdown" is also parsed).
const char* output_format_name(OutputFormat f) noexcept;
std::optional<OutputFormat> parse_output_format(std::string_view name) noexcept;
// The file extension of a format, without the dot ("txt" for text).
const char* output_format_extension(OutputFormat f) noexcept;
// The format the extension of `path` names (any case; .htm is html and .gv dot), if any.
std::optional<OutputFormat> format_of_extension(const std::string& path);

// Why `command`'s -o FILE and --format disagree, or "" when they do not: the extension names
// another format than --format does. An extension that names no format (-o out, -o report.dat)
// or .txt (plain text, whatever is in it) goes with any --format; a folder is no file.
std::string output_contradiction(const CLI::App& command);

// The formats of render and export in their own libraries' terms. Only formats those commands
// accept are ever passed.
DiagramFormat diagram_format(OutputFormat f) noexcept;
ExportFormat export_format(OutputFormat f) noexcept;

// --format, offering exactly `choices` (listed in --help as CLI11's IsMember lists them) and
// parsed into `format` as the option is read; nullopt means not given.
CLI::Option* add_format_option(CLI::App* command, std::optional<OutputFormat>& format,
                               const std::vector<OutputFormat>& choices, const std::string& help);

}  // namespace clearpath
