#pragma once
// The rows of an HR export, read and checked one by one (hr_rows.cpp); hr_import.cpp builds the
// model from them. Private to the library.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "clearpath/entities.hpp"
#include "clearpath/hr_import.hpp"

namespace clearpath {

struct HrRow {
  std::size_t line = 0;                              // where the record starts
  std::string id, name, title, manager, department;  // trimmed; "" = empty or no such column
  std::vector<std::string> roles;                    // from --roles-from-title, in option order
  nlohmann::ordered_json attributes;                 // --attribute columns; null when none
};

struct HrSheet {
  std::vector<HrRow> rows;  // the good rows, in file order
  bool has_name = false, has_title = false, has_manager = false, has_department = false;
  std::size_t header_line = 1;
  std::vector<std::string> problems;
};

// Reads the export: header mapping, then every row (field count, UTF-8, empty, invalid and
// duplicate ids, self-management). Bad rows are left out of `rows` and listed in `problems`.
HrSheet read_hr_rows(std::string_view csv, const std::string& file, const HrImportOptions& options);

// Whether `id` is a valid clearpath id (non-empty, at most 256 bytes, no control character);
// otherwise why not ("contains a control character").
std::string hr_id_problem(std::string_view id);

// Why `pattern` is not a valid --roles-from-title expression (RE2 syntax, matched in linear
// time: no backreferences, no lookaround), or "" when it is.
std::string title_pattern_problem(const std::string& pattern);

// The options' problems (hr_options.cpp): invalid regular expressions, roles a typo away from
// a known one, invalid sides, an unusable delimiter.
void check_hr_options(const HrImportOptions& options, const Model* into, std::vector<std::string>& problems);

// Trims spaces and tabs (and a stray CR) at both ends.
std::string_view hr_trim(std::string_view s);
std::string hr_lower(std::string_view s);  // ASCII letters lower-cased

}  // namespace clearpath
