#pragma once
// `clearpath analyze` output: the report document (written as text, Markdown or HTML) and the
// JSON of the whole result (docs/analyze.md, schema/report.schema.json).
#include <iosfwd>
#include <string>
#include <vector>

#include "clearpath/analyze.hpp"
#include "clearpath/diagnostic.hpp"
#include "report/document.hpp"

namespace clearpath {

// A diagram written next to the report (file = its name there, "" when not written) and, for
// the HTML page, its SVG.
struct ReportDiagram {
  std::string view;   // "org", "approvals", "deps", "conflicts"
  std::string title;  // what it shows, for the caption
  std::string file;
  std::string svg;
  std::string error;  // why it could not be drawn, or ""
};

struct AnalyzeReportOptions {
  std::string file;                          // as named on the command line
  const Diagnostics* diagnostics = nullptr;  // the loader's warnings ("model checks")
  std::vector<ReportDiagram> diagrams;
};

// At most this many rows in a table of the text, Markdown and HTML reports; the JSON has all.
inline constexpr std::size_t kReportRows = 30;

Document analyze_document(const Model& model, const Analysis& a, const AnalyzeReportOptions& report);
void write_analyze_json(std::ostream& out, const Model& model, const Analysis& a, const AnalyzeOptions& options,
                        const AnalyzeReportOptions& report);

// The sections of each analysis (analyze_sections.cpp).
void add_path_sections(Document& d, const Model& m, const Analysis& a, const AnalyzeReportOptions& report);
void add_copilot_sections(Document& d, const Model& m, const Analysis& a, const AnalyzeReportOptions& report);
void add_conflict_sections(Document& d, const Model& m, const Analysis& a, const AnalyzeReportOptions& report);

// "working day 187 (2027-11-19)"
std::string day_text(const Model& m, double day);

}  // namespace clearpath
