#pragma once
// HR exports (CSV: one row per employee, with a manager column) as a clearpath model of people,
// departments and reporting lines (`clearpath import hr`), on their own or merged into an
// existing model. See docs/import-hr.md for the columns, the id rules and the merge rules.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "clearpath/diagnostic.hpp"
#include "clearpath/load.hpp"
#include "clearpath/model.hpp"

namespace clearpath {

// The header of each column; nullopt = the default header or one of its aliases
// (docs/import-hr.md). A column given explicitly must be in the file; of the defaults only the
// id and name columns must be.
struct HrColumns {
  std::optional<std::string> id;          // default "Employee ID"
  std::optional<std::string> name;        // default "Name"
  std::optional<std::string> title;       // default "Title"
  std::optional<std::string> manager;     // default "Manager ID"
  std::optional<std::string> department;  // default "Department"
};

struct HrImportOptions {
  HrColumns columns;
  char delimiter = 0;        // ',', ';', '\t'; 0 = detect from the header line
  bool windows1252 = false;  // the file is Windows-1252 (--encoding windows-1252 or latin1), not UTF-8
  // --side-of: department (its name or id) -> side, in the order given.
  std::vector<std::pair<std::string, std::string>> sides;
  // --default-side: the side of every department the export names that has none after `sides`
  // ("" = leave them without).
  std::string default_side;
  // --roles-from-title: ECMAScript regular expression (case-insensitive, searched in the
  // title) -> role; every expression that matches adds its role.
  std::vector<std::pair<std::string, std::string>> title_roles;
  // --attribute: further columns copied into each person's attributes, under their header.
  std::vector<std::string> attribute_columns;
  std::string model_name;  // the new model's name; ignored when merging (the model keeps its own)
};

// What an import did, for a one-line summary.
struct HrImportSummary {
  std::size_t rows = 0;  // employees read
  std::size_t people_added = 0, people_updated = 0;
  std::size_t departments_added = 0, departments_matched = 0;
  std::size_t reporting_lines = 0;  // employees with a manager
};

struct HrImportResult {
  // The model, checked as load_model checks a file: present only when `diagnostics` has no
  // errors. Errors are still possible with a valid export (a --side-of that leaves a rule slot
  // of the --into model with no department on its side); warnings may come from the --into model.
  std::optional<Model> model;
  Diagnostics diagnostics;
  HrImportSummary summary;
};

// Every problem found, each "FILE:LINE: what is wrong" (or "FILE: ..." for the whole file, or
// "--option ...: ..." for a bad option). what() is all of them, one per line.
class HrImportError : public InputError {
 public:
  explicit HrImportError(std::vector<std::string> problems);
  const std::vector<std::string>& problems() const noexcept { return problems_; }

 private:
  std::vector<std::string> problems_;
};

// The department id of a department name: "dept-" and the name lower-cased (ASCII letters),
// every run of characters other than ASCII letters and digits made one '-' (other UTF-8 text is
// kept), '-' trimmed at both ends: "R&D (Paris)" -> "dept-r-d-paris". "" when nothing is left.
std::string hr_department_id(std::string_view name);

// Reads the export `csv` (`file` is its name in messages) and builds the model: new, or, when
// `into` is given, `into` with the export merged in (nothing of it lost; see docs/import-hr.md).
// Throws HrImportError listing every problem of every row; nothing is returned then.
HrImportResult import_hr(std::string_view csv, const std::string& file, const HrImportOptions& options,
                         const Model* into = nullptr);

}  // namespace clearpath
