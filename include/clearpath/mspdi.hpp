#pragma once
// MS Project's XML exchange format (MSPDI: what MS Project writes with File > Save As > XML, and
// what ProjectLibre, GanttProject and Primavera P6 read and write): a project file in, as a
// clearpath model (`clearpath import mspdi`), and a model out (`clearpath export --format
// mspdi`). docs/import-mspdi.md has the mapping, field by field.
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "clearpath/diagnostic.hpp"
#include "clearpath/model.hpp"

namespace clearpath {

// What an import found, for a one-line summary.
struct MspdiImportSummary {
  std::size_t tasks = 0;          // tasks that became steps
  std::size_t summary_tasks = 0;  // summary tasks (a grouping: the steps' `summary` attribute)
  std::size_t milestones = 0;     // of `tasks`
  std::size_t links = 0;          // dependencies of the steps
  std::size_t resources = 0;      // work resources: people, or departments when over 100 %
  std::size_t assignments = 0;    // demands of the steps
  std::size_t holidays = 0;       // non-working days of the project calendar
  std::size_t skipped_tasks = 0;  // blank rows and inactive tasks
};

struct MspdiImportResult {
  // The model, checked as load_model checks a file: present only when `diagnostics` has no
  // errors.
  std::optional<Model> model;
  // Warnings about what the file holds that clearpath does not schedule the way MS Project
  // does, or does not read (each unknown element once, with where it first is); line and
  // column are the XML file's. Errors come from the checks of the model built.
  Diagnostics diagnostics;
  MspdiImportSummary summary;
};

// How imported steps and people get their ids (a custom field "clearpath id", as clearpath's
// export writes, always wins):
enum class MspdiIds : std::uint8_t {
  names,  // from their names in kebab case ("Train the model" -> train-the-model), made unique
          // with the UID ("testing-17") where two share one: readable reports
  uids,   // task-UID and res-UID: they stay the same when tasks are renamed (week-to-week diffs)
};

struct MspdiImportOptions {
  MspdiIds ids = MspdiIds::names;
};

// Imports the MSPDI document `xml`; `file` names it in messages. A file that is not well-formed
// XML, not an MSPDI project, or hostile (a DOCTYPE, nesting deeper than 64 elements, a text of
// over 8 MiB) throws InputError with its line and column; no entity is ever expanded and nothing
// outside `xml` is ever read.
MspdiImportResult import_mspdi(std::string_view xml, const std::string& file, const MspdiImportOptions& options = {});

// The model as an MSPDI project that import_mspdi reads back to the same steps, people,
// departments, links, dates, progress and calendar (docs/import-mspdi.md lists what MSPDI cannot
// hold: approvals, systems, initiatives, org structure). Each step's id is kept in a task custom
// field named "clearpath id", so MS Project keeps it too. Deterministic: tasks in id order.
void write_mspdi(std::ostream& out, const Model& model);

}  // namespace clearpath
