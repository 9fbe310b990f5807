#pragma once
// `clearpath copilots` output: a readable text report, or the documented JSON (docs/copilots.md).
#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

#include "clearpath/copilots.hpp"
#include "report/document.hpp"

namespace clearpath {

struct CopilotReportOptions {
  std::string file;  // as named on the command line
  bool color = false;
};

// The text report (copilots_document.cpp): the document written as text, or as Markdown.
Document copilots_document(const Model& model, const CopilotAnalysis& a, const CopilotOptions& options,
                           const CopilotReportOptions& report);
void print_copilots_report(std::ostream& out, const Model& model, const CopilotAnalysis& a,
                           const CopilotOptions& options, const CopilotReportOptions& report);
void write_copilots_markdown(std::ostream& out, const Model& model, const CopilotAnalysis& a,
                             const CopilotOptions& options, const CopilotReportOptions& report);
nlohmann::ordered_json copilots_json(const Model& model, const CopilotAnalysis& a, const CopilotOptions& options,
                                     const CopilotReportOptions& report);

}  // namespace clearpath
