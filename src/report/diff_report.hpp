#pragma once
// The report of `clearpath diff`: a Document (text, Markdown, HTML) and JSON. Private to the
// library.
#include <iosfwd>
#include <string>

#include "clearpath/diff.hpp"
#include "report/document.hpp"

namespace clearpath {

// `before_file` and `after_file` name the two versions as the user gave them.
Document diff_document(const PlanDiff& d, const Model& after, const std::string& before_file,
                       const std::string& after_file);
void write_diff_json(std::ostream& out, const PlanDiff& d, const std::string& before_file,
                     const std::string& after_file);

}  // namespace clearpath
