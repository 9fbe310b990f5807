// `clearpath import hr`: the model of an HR export, new or merged into an existing model. The
// rows come checked from hr_rows.cpp; here they meet each other and the model: departments and
// their ids, managers, cycles, ids already taken. See docs/import-hr.md.
#include "clearpath/hr_import.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "clearpath/model.hpp"
#include "clearpath/model_builder.hpp"
#include "io/import/hr_rows.hpp"
#include "io/json/attributes_json.hpp"
#include "util/text.hpp"

namespace clearpath {
namespace {

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

struct Entity {
  EntityKind kind;
  std::size_t index;  // among the entities of its kind
};

// The merged model's people and departments as structs, edited in place; the --into model's
// other entities are copied unchanged. Its ids are interned first, in the order of their Refs,
// so every Ref of the --into model means the same in the new one.
class Builder {
 public:
  Builder(const HrSheet& sheet, const std::string& file, const HrImportOptions& options, const Model* into)
      : sheet_(sheet), file_(file), options_(options), into_(into) {
    if (into) {
      for (Ref r = 0; r < into->entity_count(); ++r) b_.intern(into->id(r));
      people_.assign(into->people().begin(), into->people().end());
      departments_.assign(into->departments().begin(), into->departments().end());
      for (Ref r = 0; r < into->entity_count(); ++r) ids_.emplace(into->id(r), Entity{into->kind(r), into->index(r)});
    }
    base_departments_ = departments_.size();
    for (const HrRow& r : sheet_.rows) rows_.emplace(r.id, &r);
  }

  HrImportResult build(std::vector<std::string>& problems) {
    resolve_departments(problems);
    apply_sides(problems);
    check_people(problems);
    check_cycles(problems);
    if (!problems.empty()) return {};
    write_people();
    write_heads();
    HrImportResult result;
    LoadResult checked = std::move(*this).finish();
    result.model = std::move(checked.model);
    result.diagnostics = std::move(checked.diagnostics);
    result.summary = summary_;
    result.summary.rows = sheet_.rows.size();
    return result;
  }

 private:
  std::string at(std::size_t line) const { return file_ + ":" + std::to_string(line) + ": "; }
  std::string id_of(Ref r) const { return r == kNoRef ? std::string() : b_.id(r); }
  Ref ref_of(const std::string& id) { return id.empty() ? kNoRef : b_.intern(id); }

  // A department the export names that must not be made: reported once.
  void refuse(const std::string& key, std::vector<std::string>& problems, std::string problem) {
    problems.push_back(std::move(problem));
    department_of_[key] = "";
  }

  // The department of every department name in the export: an existing one (same id or name),
  // or a new one with the id hr_department_id gives.
  void resolve_departments(std::vector<std::string>& problems) {
    std::map<std::string, std::size_t> new_by_id;  // new department id -> index in departments_
    std::set<std::size_t> matched;                 // the model's departments the export names
    for (const HrRow& r : sheet_.rows) {
      if (r.department.empty()) continue;
      const std::string key = hr_lower(r.department);
      if (department_of_.count(key)) continue;
      if (const std::optional<std::size_t> existing = existing_department(r.department)) {
        department_of_[key] = departments_[*existing].id;
        matched.insert(*existing);
        summary_.departments_matched = matched.size();
        continue;
      }
      const std::string id = hr_department_id(r.department);
      if (std::string problem = department_id_problem(r, id, new_by_id); !problem.empty()) {
        refuse(key, problems, std::move(problem));
        continue;
      }
      Department d;
      d.id = id;
      d.name = r.department;
      new_by_id[id] = departments_.size();
      department_line_[id] = r.line;
      ids_.emplace(id, Entity{EntityKind::department, departments_.size()});
      departments_.push_back(std::move(d));
      department_of_[key] = id;
      ++summary_.departments_added;
    }
  }

  // Why the id `id` cannot be the new department of row `r`'s department, or "".
  std::string department_id_problem(const HrRow& r, const std::string& id,
                                    const std::map<std::string, std::size_t>& new_by_id) const {
    if (id.empty() || !hr_id_problem(id).empty())
      return at(r.line) + "department " + quote_text(r.department) +
             (id.empty() ? " has no letter or digit to make its id of" : ": its id " + hr_id_problem(id));
    if (const auto it = new_by_id.find(id); it != new_by_id.end())
      return at(r.line) + "departments " + quote_text(departments_[it->second].name) + " (line " +
             std::to_string(department_line_.at(id)) + ") and " + quote_text(r.department) + " both get the id " +
             quote_text(id) + "; rename one of them";
    if (const auto it = ids_.find(id); it != ids_.end())
      return at(r.line) + "department " + quote_text(r.department) + " gets the id " + quote_text(id) +
             ", which is already a " + kind_name(it->second.kind) + " in the model";
    if (const auto it = rows_.find(id); it != rows_.end())
      return at(it->second->line) + "employee id " + quote_text(id) + " is also the id of department " +
             quote_text(r.department) + " (line " + std::to_string(r.line) + ")";
    return "";
  }

  std::optional<std::size_t> existing_department(const std::string& name) const {
    const std::string slug = hr_department_id(name), lowered = hr_lower(name);
    for (std::size_t k = 0; k < base_departments_; ++k) {
      const Department& d = departments_[k];
      if (hr_lower(d.id) == lowered || d.id == slug || (!d.name.empty() && hr_lower(d.name) == lowered)) return k;
    }
    return std::nullopt;
  }

  void apply_sides(std::vector<std::string>& problems) {
    for (const auto& [department, side] : options_.sides) {
      const std::string wanted = std::string(hr_trim(department));
      std::optional<std::size_t> found;
      std::vector<std::string> names;
      for (std::size_t k = 0; k < departments_.size(); ++k) {
        const Department& d = departments_[k];
        names.push_back(d.name.empty() ? d.id : d.name);
        if (d.id == wanted || hr_lower(names.back()) == hr_lower(wanted)) found = k;
      }
      if (!found) {
        std::vector<std::string_view> candidates(names.begin(), names.end());
        problems.push_back("--side-of " + quote_text(department + "=" + side) + ": no department " +
                           quote_text(wanted) + " in " + file_ + (into_ ? " or the model" : "") +
                           did_you_mean(wanted, candidates));
        continue;
      }
      departments_[*found].side = side;
    }
    if (options_.default_side.empty()) return;
    for (const auto& [name, id] : department_of_) {
      if (id.empty()) continue;
      for (Department& d : departments_)
        if (d.id == id && d.side.empty()) d.side = options_.default_side;
    }
  }

  void check_people(std::vector<std::string>& problems) {
    std::map<std::string, std::string> id_of_name;  // lower-cased name -> id, for a hint
    for (const HrRow& r : sheet_.rows)
      if (!r.name.empty()) id_of_name.emplace(hr_lower(r.name), r.id);
    // Suggestions for the first few unknown managers only: each one scans every id, and an
    // export whose manager column holds e-mails would otherwise take rows x ids.
    constexpr std::size_t kSuggested = 100;
    std::size_t unknown = 0;
    std::vector<std::string_view> candidates;
    for (const HrRow& r : sheet_.rows) {
      if (const auto it = ids_.find(r.id); it != ids_.end() && it->second.kind != EntityKind::person) {
        if (it->second.kind == EntityKind::department && department_line_.count(r.id))
          continue;  // reported with the department
        problems.push_back(at(r.line) + "employee id " + quote_text(r.id) + " is already the id of a " +
                           kind_name(it->second.kind) + " in the model");
      }
      if (r.manager.empty()) continue;
      ++summary_.reporting_lines;
      if (rows_.count(r.manager)) continue;
      if (const auto it = ids_.find(r.manager); it != ids_.end()) {
        if (it->second.kind != EntityKind::person)
          problems.push_back(at(r.line) + "manager " + quote_text(r.manager) + " of employee " + quote_text(r.id) +
                             " is a " + kind_name(it->second.kind) + " in the model, not a person");
        continue;
      }
      std::string hint;
      if (const auto it = id_of_name.find(hr_lower(r.manager)); it != id_of_name.end())
        hint = " (that is the name of employee " + quote_text(it->second) +
               ": the manager column must hold ids; choose it with --manager)";
      else if (unknown++ < kSuggested) {
        if (candidates.empty()) candidates = all_ids();
        hint = did_you_mean(r.manager, candidates);
      }
      problems.push_back(at(r.line) + "unknown manager " + quote_text(r.manager) + " of employee " + quote_text(r.id) +
                         hint);
    }
  }

  std::vector<std::string_view> all_ids() const {
    std::vector<std::string_view> out;
    for (const auto& [id, row] : rows_) out.push_back(id);
    for (const auto& [id, e] : ids_)
      if (e.kind == EntityKind::person) out.push_back(id);
    return out;
  }

  // The manager of `id` after the merge, or "".
  std::string manager_of(const std::string& id) const {
    if (const auto it = rows_.find(id); it != rows_.end())
      return sheet_.has_manager ? it->second->manager : existing_manager(id);
    return existing_manager(id);
  }
  std::string existing_manager(const std::string& id) const {
    const auto it = ids_.find(id);
    if (it == ids_.end() || it->second.kind != EntityKind::person) return "";
    return id_of(people_[it->second.index].reports_to);
  }

  // Each cycle of the merged reports_to relation once, from its member that comes first in the file.
  void check_cycles(std::vector<std::string>& problems) const {
    std::set<std::string> done;
    for (const HrRow& r : sheet_.rows) {
      std::vector<std::string> chain;
      std::map<std::string, std::size_t> position;
      std::string at_id = r.id;
      while (!at_id.empty() && !done.count(at_id) && !position.count(at_id)) {
        position[at_id] = chain.size();
        chain.push_back(at_id);
        at_id = manager_of(at_id);
      }
      for (const std::string& c : chain) done.insert(c);
      if (at_id.empty() || !position.count(at_id)) continue;
      const std::vector<std::string> cycle(chain.begin() + static_cast<std::ptrdiff_t>(position[at_id]), chain.end());
      problems.push_back(cycle_problem(cycle));
    }
  }

  // Abbreviated as the loader's cycles: a cycle of 100,000 people is a line, not megabytes.
  std::string cycle_problem(const std::vector<std::string>& cycle) const {
    std::vector<std::size_t> lines;
    for (const std::string& id : cycle)
      if (const auto it = rows_.find(id); it != rows_.end()) lines.push_back(it->second->line);
    const std::size_t first_line = lines.empty() ? 0 : *std::min_element(lines.begin(), lines.end());
    return at(first_line) + "manager cycle (" + std::to_string(cycle.size()) +
           " people): " + cycle_text(cycle.size(), [&](std::size_t i) { return cycle[i]; }) + " (lines " +
           list_text(lines.size(), [&](std::size_t i) { return std::to_string(lines[i]); }) + ")";
  }

  void write_people() {
    for (const HrRow& r : sheet_.rows) {
      const auto it = ids_.find(r.id);
      const bool existing = it != ids_.end();
      if (!existing) {
        people_.emplace_back().id = r.id;
        ++summary_.people_added;
      } else {
        ++summary_.people_updated;
      }
      write_person(r, existing ? people_[it->second.index] : people_.back());
    }
  }

  // The export's columns replace the model's values (an empty cell clears one); roles and
  // attributes are added to the model's.
  void write_person(const HrRow& r, Person& p) {
    if (sheet_.has_name) p.name = r.name;
    if (sheet_.has_title) p.title = r.title;
    if (sheet_.has_manager) p.reports_to = ref_of(r.manager);
    if (sheet_.has_department)
      p.department = ref_of(r.department.empty() ? std::string() : department_of_.at(hr_lower(r.department)));
    for (const std::string& role : r.roles)
      if (std::find(p.roles.begin(), p.roles.end(), role) == p.roles.end()) p.roles.push_back(role);
    if (!r.attributes.is_null()) {
      nlohmann::ordered_json a = json_of(p.attributes);
      if (!a.is_object()) a = nlohmann::ordered_json::object();
      for (const auto& [key, value] : r.attributes.items()) a[key] = value;
      p.attributes = attributes_of(a);
    }
  }

  // A department without a head gets the one member (in the export) whose manager is not in it,
  // when there is exactly one.
  void write_heads() {
    std::map<std::string, std::vector<std::string>> tops;
    for (const HrRow& r : sheet_.rows) {
      if (r.department.empty()) continue;
      const std::string& d = department_of_.at(hr_lower(r.department));
      const auto m = rows_.find(r.manager);
      const bool manager_inside =
          m != rows_.end() && !m->second->department.empty() && department_of_.at(hr_lower(m->second->department)) == d;
      if (!manager_inside) tops[d].push_back(r.id);
    }
    for (Department& d : departments_) {
      const auto it = tops.find(d.id);
      if (d.head != kNoRef || it == tops.end() || it->second.size() != 1) continue;
      d.head = b_.intern(it->second.front());
    }
  }

  // The merged model, checked as a loaded file is.
  LoadResult finish() && {
    if (into_) {
      b_.set_name(into_->name);
      b_.set_description(into_->description);
      b_.set_calendar(into_->calendar);
      b_.set_attributes(into_->attributes);
    } else {
      b_.set_name(options_.model_name);
    }
    for (Person& p : people_) b_.add(std::move(p));
    for (Department& d : departments_) b_.add(std::move(d));
    if (into_) {
      for (const System& s : into_->systems()) b_.add(s);
      for (const Initiative& i : into_->initiatives()) b_.add(i);
      for (const Approval& a : into_->approvals()) b_.add(a);
      for (const Step& s : into_->steps()) b_.add(s);
    }
    return std::move(b_).build();
  }

  const HrSheet& sheet_;
  const std::string& file_;
  const HrImportOptions& options_;
  const Model* into_;
  ModelBuilder b_;
  std::vector<Person> people_;                          // the --into model's, then the new ones
  std::vector<Department> departments_;                 // likewise
  std::map<std::string, Entity> ids_;                   // the model's ids, and new departments'
  std::map<std::string, const HrRow*> rows_;            // the export's employees by id
  std::map<std::string, std::string> department_of_;    // lower-cased department name -> id
  std::map<std::string, std::size_t> department_line_;  // new department id -> its first line
  std::size_t base_departments_ = 0;                    // how many departments the model had
  HrImportSummary summary_;
};

}  // namespace

HrImportError::HrImportError(std::vector<std::string> problems)
    : InputError(join_lines(problems)), problems_(std::move(problems)) {}

std::string hr_department_id(std::string_view name) {
  const std::string slug = kebab_id(name, std::string::npos);
  return slug.empty() ? std::string() : "dept-" + slug;
}

HrImportResult import_hr(std::string_view csv, const std::string& file, const HrImportOptions& options,
                         const Model* into) {
  std::vector<std::string> problems;
  check_hr_options(options, into, problems);
  if (!problems.empty()) throw HrImportError(std::move(problems));
  HrSheet sheet = read_hr_rows(csv, file, options);
  problems = std::move(sheet.problems);
  Builder builder(sheet, file, options, into);
  HrImportResult result = builder.build(problems);
  if (!problems.empty()) {
    // In file order: problems of the whole file and of options first, then by line.
    const auto line_of = [&](const std::string& p) -> std::size_t {
      if (p.rfind(file + ":", 0) != 0) return 0;
      return std::strtoul(p.c_str() + file.size() + 1, nullptr, 10);
    };
    std::stable_sort(problems.begin(), problems.end(),
                     [&](const std::string& a, const std::string& b) { return line_of(a) < line_of(b); });
    throw HrImportError(std::move(problems));
  }
  return result;
}

}  // namespace clearpath
