#pragma once
// Formatting shared by the reports: numbers, money, fixed-width columns, headed sections, and
// the JSON of findings. Private to the library.
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "clearpath/finding.hpp"
#include "clearpath/model.hpp"

namespace clearpath {

// JSON numbers rounded to 6 decimals, so 186.99999999997 prints as 187.
nlohmann::ordered_json num(double v);
// 2.5 -> "2.5" (decimals fixed)
std::string fixed(double v, int decimals = 1);
// 123456.7 -> "123,457"
std::string money(double v);
// 0.8 -> "80%", with "under 0.1%" and "over 99.9%" at the ends.
std::string percent(double p);
// A column of w characters (UTF-8 code points) and at least one space after it: text that
// does not fit is cut and ends in "~".
std::string pad(const std::string& s, std::size_t w);
void append_pad(std::string& out, const std::string& s, std::size_t w);  // pad(s, w) appended to out
// Right-aligned in w characters.
std::string rpad(const std::string& s, std::size_t w);
void append_rpad(std::string& out, const std::string& s, std::size_t w);  // rpad(s, w) appended to out
// Words of `s` in lines that, after `indent`, fit `width` columns (a longer word gets a line of
// its own); every line starts with `indent` and ends with a newline.
std::string wrap(const std::string& s, const std::string& indent, std::size_t width = 100);
// The same with a hanging first line: `first` (e.g. "    ciso        ") starts it, and the
// following lines are indented by as many spaces.
std::string hang(const std::string& first, const std::string& s, std::size_t width = 100);

// "production-funding (Production funding)", or the id alone when the entity has no name.
std::string entity_label(const Model& m, Ref r);

// Sections with bold headings on a colour terminal, and indented lines.
class Text {
 public:
  Text(std::ostream& out, bool color) : out_(out), color_(color) {}
  void heading(const std::string& h) {
    out_ << "\n" << (color_ ? "\033[1m" : "") << h << (color_ ? "\033[0m" : "") << "\n";
  }
  std::ostream& line() { return out_ << "  "; }

 private:
  std::ostream& out_;
  bool color_;
};

// value.dump(2) as it reads nested `depth` levels deep in a document written by hand (its
// inner lines indented by 2 x depth more), for reports that stream part of their JSON.
std::string nested_dump(const nlohmann::ordered_json& value, int depth);

// [{kind, severity, subjects, message, days_held_back, cost_of_delay}]
nlohmann::ordered_json findings_json(const std::vector<Finding>& findings);

}  // namespace clearpath
