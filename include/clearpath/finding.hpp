#pragma once
// The common shape of what every analysis reports.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clearpath {

enum class Severity : unsigned char { info, warning, error };  // ordered: error is worst

const char* severity_name(Severity s) noexcept;
std::optional<Severity> parse_severity(std::string_view s) noexcept;

struct Finding {
  std::string kind;  // e.g. "missing-copilot", "critical-blocker"
  Severity severity = Severity::info;
  std::vector<std::string> subjects;  // ids of the entities concerned, most specific first
  std::string message;
  double days_held_back = 0;  // working days the finding holds production back
  double cost_of_delay = 0;   // days_held_back x the initiative's value per working day
};

// Severity (worst first), then cost of delay (largest first), then kind, subjects, message.
bool finding_order(const Finding& a, const Finding& b) noexcept;
void sort_findings(std::vector<Finding>& findings);

}  // namespace clearpath
