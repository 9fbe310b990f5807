#pragma once
// `clearpath conflicts` and `clearpath level` output: text, or the documented JSON
// (docs/conflicts.md).
#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

#include "clearpath/conflicts.hpp"
#include "report/document.hpp"

namespace clearpath {

struct ConflictReportOptions {
  std::string file;  // as named on the command line
  bool color = false;
};

// The text reports (conflicts_document.cpp): the documents written as text, or as Markdown.
Document conflicts_document(const Model& model, const ConflictAnalysis& a, const ConflictOptions& options,
                            const ConflictReportOptions& report);
void print_conflicts_report(std::ostream& out, const Model& model, const ConflictAnalysis& a,
                            const ConflictOptions& options, const ConflictReportOptions& report);
void write_conflicts_markdown(std::ostream& out, const Model& model, const ConflictAnalysis& a,
                              const ConflictOptions& options, const ConflictReportOptions& report);
nlohmann::ordered_json conflicts_json(const Model& model, const ConflictAnalysis& a, const ConflictOptions& options,
                                      const ConflictReportOptions& report);

// The levelled schedule alone (`clearpath level`); `a.levelled` must be set.
Document levelled_document(const Model& model, const ConflictAnalysis& a, const ConflictReportOptions& report);
void print_levelled_schedule(std::ostream& out, const Model& model, const ConflictAnalysis& a,
                             const ConflictReportOptions& report);
void write_levelled_markdown(std::ostream& out, const Model& model, const ConflictAnalysis& a,
                             const ConflictReportOptions& report);
nlohmann::ordered_json levelled_json(const Model& model, const ConflictAnalysis& a, const ConflictOptions& options,
                                     const ConflictReportOptions& report);

}  // namespace clearpath
