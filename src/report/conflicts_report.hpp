#pragma once
// `clearpath conflicts` and `clearpath level` output: text, or the documented JSON
// (docs/conflicts.md).
#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

#include "clearpath/conflicts.hpp"

namespace clearpath {

struct ConflictReportOptions {
  std::string file;  // as named on the command line
  bool color = false;
};

void print_conflicts_report(std::ostream& out, const Model& model, const ConflictAnalysis& a, const ConflictOptions& options,
                            const ConflictReportOptions& report);
nlohmann::ordered_json conflicts_json(const Model& model, const ConflictAnalysis& a, const ConflictOptions& options,
                                      const ConflictReportOptions& report);

// The levelled schedule alone (`clearpath level`).
void print_levelled_schedule(std::ostream& out, const Model& model, const ConflictAnalysis& a, const ConflictReportOptions& report);
nlohmann::ordered_json levelled_json(const Model& model, const ConflictAnalysis& a, const ConflictOptions& options,
                                     const ConflictReportOptions& report);

}  // namespace clearpath
