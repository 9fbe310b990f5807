#pragma once
// `clearpath stats` and the validate summary, as text or JSON. Private to the library.
#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

#include "clearpath/stats.hpp"
#include "report/document.hpp"

namespace clearpath {

// "42 people, 7 departments, 4 systems (3 legacy), 3 initiatives, 5 approvals, 24 steps"
std::string stats_summary(const ModelStats& s);
// The counts as a document: its text is print_stats', its Markdown write_stats_markdown's.
Document stats_document(const std::string& file, const std::string& model_name, const ModelStats& s);
void print_stats(std::ostream& out, const std::string& file, const std::string& model_name, const ModelStats& s);
void write_stats_markdown(std::ostream& out, const std::string& file, const std::string& model_name,
                          const ModelStats& s);
nlohmann::ordered_json stats_json(const ModelStats& s);

}  // namespace clearpath
