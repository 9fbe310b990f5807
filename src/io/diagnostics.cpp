#include "clearpath/diagnostic.hpp"

#include <algorithm>
#include <tuple>

#include "clearpath/finding.hpp"

namespace clearpath {

void Diagnostics::add(Diagnostic d) {
  (d.severity == DiagnosticSeverity::error ? errors_ : warnings_) += 1;
  if (items_.size() < kept_limit) items_.push_back(std::move(d));
}

void Diagnostics::error(std::string code, std::string pointer, std::string entity,
                        std::string message) {
  add({DiagnosticSeverity::error, std::move(code), std::move(message), std::move(pointer),
       std::move(entity), 0, 0});
}

void Diagnostics::warning(std::string code, std::string pointer, std::string entity,
                          std::string message) {
  add({DiagnosticSeverity::warning, std::move(code), std::move(message), std::move(pointer),
       std::move(entity), 0, 0});
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.line, a.column, a.severity, a.code, a.pointer, a.message) <
           std::tie(b.line, b.column, b.severity, b.code, b.pointer, b.message);
  });
}

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
  if (a.cost_of_delay != b.cost_of_delay) return a.cost_of_delay > b.cost_of_delay;
  return std::tie(a.kind, a.subjects, a.message) < std::tie(b.kind, b.subjects, b.message);
}

void sort_findings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), finding_order);
}

}  // namespace clearpath
