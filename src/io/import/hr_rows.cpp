// The rows of an HR export: which column is which (given headers, defaults and their aliases),
// and every row checked on its own. See docs/import-hr.md.
#include "io/import/hr_rows.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

#include <re2/re2.h>

#include "io/import/csv_reader.hpp"
#include "util/text.hpp"

namespace clearpath {
namespace {

// The default header of each column first, then its aliases, all compared trimmed and
// case-insensitively; the first one the header has wins.
const std::vector<std::string> kIdHeaders = {"Employee ID",     "EmployeeID",  "Employee_ID", "Emp ID",    "EmpID",
                                             "Employee Number", "Employee No", "Staff ID",    "Worker ID", "ID"};
const std::vector<std::string> kNameHeaders = {"Name", "Full Name", "Employee Name", "Display Name"};
const std::vector<std::string> kTitleHeaders = {"Title", "Job Title", "Position", "Position Title"};
const std::vector<std::string> kManagerHeaders = {"Manager ID", "Manager Employee ID", "ManagerID",       "Manager_ID",
                                                  "Manager",    "Supervisor ID",       "Line Manager ID", "Reports To"};
const std::vector<std::string> kDepartmentHeaders = {"Department", "Dept", "Department Name", "Dept Name"};
// Without a name column, the name is "First Last" from these two when both are present.
const std::vector<std::string> kFirstNameHeaders = {"First Name", "FirstName", "Given Name"};
const std::vector<std::string> kLastNameHeaders = {"Last Name", "LastName", "Surname", "Family Name"};

constexpr std::size_t kNoColumn = static_cast<std::size_t>(-1);

class HeaderMap {
 public:
  HeaderMap(const std::vector<std::string>& header, const std::string& file, std::size_t line,
            std::vector<std::string>& problems)
      : header_(header), file_(file), line_(line), problems_(problems) {}

  // The column of `explicit_header` (an error when missing), or of the first of `defaults`.
  std::size_t find(const std::optional<std::string>& explicit_header, const std::vector<std::string>& defaults,
                   const char* option, bool required, const char* what) {
    if (explicit_header) {
      const std::size_t c = column(*explicit_header);
      if (c == kNoColumn)
        problems_.push_back(at() + "no column " + quote_text(hr_trim(*explicit_header)) + " (" + option +
                            ") in the header" + did_you_mean(*explicit_header) + "; the header has: " + list());
      return c;
    }
    for (const std::string& h : defaults)
      if (const std::size_t c = column(h); c != kNoColumn) return c;
    if (required)
      problems_.push_back(at() + "no " + what + " column: looked for " + quote_text(defaults.front()) + " and " +
                          join(defaults, 1) + "; name it with " + option + "; the header has: " + list());
    return kNoColumn;
  }

  // The column of `header` (trimmed, case-insensitive); a header given twice is a problem.
  std::size_t column(std::string_view header) {
    const std::string key = hr_lower(hr_trim(header));
    std::size_t found = kNoColumn;
    for (std::size_t c = 0; c < header_.size(); ++c) {
      if (hr_lower(hr_trim(header_[c])) != key) continue;
      if (found != kNoColumn) {
        problems_.push_back(at() + "column " + quote_text(hr_trim(header_[c])) +
                            " appears twice in the header (columns " + std::to_string(found + 1) + " and " +
                            std::to_string(c + 1) + ")");
        break;
      }
      found = c;
    }
    return found;
  }

 private:
  std::string at() const { return file_ + ":" + std::to_string(line_) + ": "; }
  std::string list() const {
    std::string out;
    for (const std::string& h : header_) out += (out.empty() ? "" : ", ") + quote_text(hr_trim(h));
    return out;
  }
  static std::string join(const std::vector<std::string>& v, std::size_t from) {
    std::string out;
    for (std::size_t k = from; k < v.size(); ++k) out += (k == from ? "" : ", ") + v[k];
    return out;
  }
  std::string did_you_mean(std::string_view header) const {
    std::vector<std::string> lowered;
    for (const std::string& h : header_) lowered.push_back(hr_lower(hr_trim(h)));
    std::vector<std::string_view> views(lowered.begin(), lowered.end());
    const std::string match = closest_match(hr_lower(hr_trim(header)), views);
    for (std::size_t c = 0; c < lowered.size(); ++c)
      if (!match.empty() && lowered[c] == match) return " (did you mean " + quote_text(hr_trim(header_[c])) + "?)";
    return "";
  }

  const std::vector<std::string>& header_;
  const std::string& file_;
  std::size_t line_;
  std::vector<std::string>& problems_;
};

std::string field(const CsvRecord& r, std::size_t column) {
  return column == kNoColumn ? std::string() : std::string(hr_trim(r.fields[column]));
}

}  // namespace

std::string_view hr_trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string hr_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string hr_id_problem(std::string_view id) {
  if (id.empty()) return "is empty";
  if (id.size() > 256) return "is longer than 256 bytes";
  for (unsigned char c : id)
    if (c < 0x20 || c == 0x7f) return "contains a control character";
  return "";
}

namespace {

// --roles-from-title expressions: RE2 (linear time whatever the pattern and title, where
// std::regex backtracks: '^(a+)+$' on 31 characters ran for minutes), case-insensitive, UTF-8.
RE2::Options title_options() {
  RE2::Options o;
  o.set_case_sensitive(false);
  o.set_log_errors(false);
  return o;
}

}  // namespace

std::string title_pattern_problem(const std::string& pattern) {
  const RE2 re(pattern, title_options());
  return re.ok() ? std::string() : re.error();
}

namespace {

// A title no longer than this is matched; a longer one is a problem of its row (no job title
// is that long).
constexpr std::size_t kMaxMatchedTitle = 1024;

// Which column holds what; kNoColumn where the export has none.
struct Columns {
  std::size_t id = kNoColumn, name = kNoColumn, first = kNoColumn, last = kNoColumn;
  std::size_t title = kNoColumn, manager = kNoColumn, department = kNoColumn;
  std::vector<std::pair<std::string, std::size_t>> attributes;  // header -> column
};

// The columns of `header`; false (with the problems in `sheet`) when one that is needed is missing.
bool map_columns(const CsvRecord& header, const std::string& file, const HrImportOptions& options, HrSheet& sheet,
                 Columns& c) {
  HeaderMap map(header.fields, file, header.line, sheet.problems);
  const HrColumns& given = options.columns;
  const std::size_t problems_before = sheet.problems.size();
  c.id = map.find(given.id, kIdHeaders, "--id", true, "employee id");
  c.name = map.find(given.name, kNameHeaders, "--name", false, "name");
  if (c.name == kNoColumn && !given.name) {
    c.first = map.find(std::nullopt, kFirstNameHeaders, "--name", false, "first name");
    c.last = map.find(std::nullopt, kLastNameHeaders, "--name", false, "last name");
    if (c.first == kNoColumn || c.last == kNoColumn) {
      c.first = c.last = kNoColumn;
      map.find(std::nullopt, kNameHeaders, "--name", true, "name");  // reports the missing column
    }
  }
  c.title = map.find(given.title, kTitleHeaders, "--title", false, "title");
  c.manager = map.find(given.manager, kManagerHeaders, "--manager", false, "manager");
  c.department = map.find(given.department, kDepartmentHeaders, "--department", false, "department");
  for (const std::string& a : options.attribute_columns)
    c.attributes.emplace_back(std::string(hr_trim(a)), map.find(a, {}, "--attribute", true, "attribute"));
  if (sheet.problems.size() > problems_before) return false;  // no use reading rows with a wrong header
  sheet.has_name = c.name != kNoColumn || c.first != kNoColumn;
  sheet.has_title = c.title != kNoColumn;
  sheet.has_manager = c.manager != kNoColumn;
  sheet.has_department = c.department != kNoColumn;
  return true;
}

using TitleRoles = std::vector<std::pair<std::unique_ptr<RE2>, std::string>>;

// The fields of one record, checked on its own and against the ids before it (`seen`: id ->
// line); the problem ("" when none) names the row's employee where it can.
std::string read_row(const CsvRecord& r, const Columns& c, const TitleRoles& title_roles,
                     std::map<std::string, std::size_t>& seen, HrRow& row) {
  row.line = r.line;
  row.id = field(r, c.id);
  if (c.first != kNoColumn) row.name = std::string(hr_trim(field(r, c.first) + " " + field(r, c.last)));
  else row.name = field(r, c.name);
  row.title = field(r, c.title);
  row.manager = field(r, c.manager);
  row.department = field(r, c.department);
  if (row.id.empty())
    return "empty employee id" + (row.name.empty() ? std::string() : " (name " + quote_text(row.name) + ")");
  if (const std::string why = hr_id_problem(row.id); !why.empty())
    return "invalid employee id " + quote_text(row.id) + ": it " + why;
  if (const auto [it, fresh] = seen.emplace(row.id, r.line); !fresh)
    return "duplicate employee id " + quote_text(row.id) + ": already on line " + std::to_string(it->second);
  if (!row.manager.empty() && row.manager == row.id) return "employee " + quote_text(row.id) + " is their own manager";
  if (!row.manager.empty())
    if (const std::string why = hr_id_problem(row.manager); !why.empty())
      return "invalid manager id " + quote_text(row.manager) + " of employee " + quote_text(row.id) + ": it " + why;
  if (!title_roles.empty() && row.title.size() > kMaxMatchedTitle)
    return "the title of employee " + quote_text(row.id) + " is " + std::to_string(row.title.size()) +
           " bytes long; --roles-from-title matches titles of up to " + std::to_string(kMaxMatchedTitle) + " bytes";
  for (const auto& [re, role] : title_roles) {
    if (row.title.empty() || !RE2::PartialMatch(row.title, *re)) continue;
    if (std::find(row.roles.begin(), row.roles.end(), role) == row.roles.end()) row.roles.push_back(role);
  }
  for (const auto& [name, col] : c.attributes) {
    if (row.attributes.is_null()) row.attributes = nlohmann::ordered_json::object();
    row.attributes[name] = field(r, col);
  }
  return "";
}

std::string wrong_width(const CsvRecord& r, const Columns& c, std::size_t width) {
  const std::string id = c.id < r.fields.size() ? std::string(hr_trim(r.fields[c.id])) : std::string();
  return "wrong number of fields: " + std::to_string(r.fields.size()) + ", the header has " + std::to_string(width) +
         (id.empty() ? std::string() : " (employee " + quote_text(id) + ")") +
         (r.fields.size() > width ? "; quote fields that contain the delimiter" : "");
}

}  // namespace

HrSheet read_hr_rows(std::string_view csv, const std::string& file, const HrImportOptions& options) {
  HrSheet sheet;
  std::string converted;
  if (options.windows1252) csv = converted = windows1252_to_utf8(csv);
  CsvTable table = read_csv(csv, file, options.delimiter);
  sheet.problems = std::move(table.problems);
  if (table.records.empty()) {
    if (sheet.problems.empty()) sheet.problems.push_back(file + ": empty: no header line");
    return sheet;
  }
  const CsvRecord& header = table.records.front();
  sheet.header_line = header.line;
  Columns columns;
  if (header.invalid_utf8 || !map_columns(header, file, options, sheet, columns)) return sheet;
  TitleRoles title_roles;
  for (const auto& [pattern, role] : options.title_roles)
    title_roles.emplace_back(std::make_unique<RE2>(pattern, title_options()), role);

  if (table.records.size() == 1 && sheet.problems.empty())
    sheet.problems.push_back(file + ":" + std::to_string(header.line) +
                             ": no employees: the file has a header line only");
  std::map<std::string, std::size_t> seen;  // id -> line
  for (std::size_t k = 1; k < table.records.size(); ++k) {
    const CsvRecord& r = table.records[k];
    if (r.invalid_utf8) continue;  // reported by the reader
    const std::string at = file + ":" + std::to_string(r.line) + ": ";
    if (r.fields.size() != header.fields.size()) {
      sheet.problems.push_back(at + wrong_width(r, columns, header.fields.size()));
      continue;
    }
    HrRow row;
    const std::string problem = read_row(r, columns, title_roles, seen, row);
    if (!problem.empty()) sheet.problems.push_back(at + problem);
    else sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

}  // namespace clearpath
