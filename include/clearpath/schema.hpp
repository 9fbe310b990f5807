#pragma once
#include <string_view>

namespace clearpath {
// The JSON Schema (draft 2020-12) of the file format: schema/clearpath.schema.json.
std::string_view format_schema() noexcept;
// The JSON Schema of `clearpath analyze --format json`: schema/report.schema.json.
std::string_view report_schema() noexcept;
// The JSON Schema of `clearpath diff --format json`: schema/diff.schema.json.
std::string_view diff_schema() noexcept;
}  // namespace clearpath
