#pragma once
// `clearpath path` output: a readable text report, or the documented JSON (docs/path.md).
#include <iosfwd>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "clearpath/load.hpp"
#include "clearpath/path_analysis.hpp"
#include "report/document.hpp"

namespace clearpath {

struct PathReportOptions {
  std::string file;     // as named on the command line
  std::string explain;  // an activity id for --explain, or ""
  bool color = false;
};

// The text report (path_document.cpp): the document written as text, or as Markdown.
// The PROGRESS section (the plan against the forecast), when the analysis has progress; also
// part of the analyze report.
void add_progress_section(Document& d, const Model& model, const PathAnalysis& a);

Document path_document(const Model& model, const PathAnalysis& a, const PathOptions& options,
                       const PathReportOptions& report);
void print_path_report(std::ostream& out, const Model& model, const PathAnalysis& a, const PathOptions& options,
                       const PathReportOptions& report);
void write_path_markdown(std::ostream& out, const Model& model, const PathAnalysis& a, const PathOptions& options,
                         const PathReportOptions& report);
// The JSON report, written as it goes (the items are never held as one DOM). `depth` > 0
// writes it as a value nested that many levels deep (indented to match, no final newline).
void write_path_json(std::ostream& out, const Model& model, const PathAnalysis& a, const PathOptions& options,
                     const PathReportOptions& report, int depth = 0);
// Everything but the items (which it leaves null).
nlohmann::ordered_json path_json(const Model& model, const PathAnalysis& a, const PathOptions& options,
                                 const PathReportOptions& report);

// Dependency cycles (the model did not load): text lines, or {"cycles": [[ids...]], ...}.
void print_cycles(std::ostream& out, const std::vector<DependencyCycle>& cycles);
nlohmann::ordered_json cycles_json(const std::vector<DependencyCycle>& cycles);

}  // namespace clearpath
