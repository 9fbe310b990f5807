#include "clearpath/finding.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace clearpath {

const char* severity_name(Severity s) noexcept {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "info";
}

std::optional<Severity> parse_severity(std::string_view s) noexcept {
  if (s == "info") return Severity::info;
  if (s == "warning") return Severity::warning;
  if (s == "error") return Severity::error;
  return std::nullopt;
}

bool finding_order(const Finding& a, const Finding& b) noexcept {
  if (a.severity != b.severity) return a.severity > b.severity;
  // NaN sorts as no cost, so the order stays a strict weak ordering.
  const double ca = std::isnan(a.cost_of_delay) ? 0.0 : a.cost_of_delay;
  const double cb = std::isnan(b.cost_of_delay) ? 0.0 : b.cost_of_delay;
  if (ca != cb) return ca > cb;
  return std::tie(a.kind, a.subjects, a.message) < std::tie(b.kind, b.subjects, b.message);
}

void sort_findings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), finding_order);
}

}  // namespace clearpath
