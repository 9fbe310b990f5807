#include "clearpath/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace clearpath {

void Diagnostics::add(Diagnostic d) {
  (d.severity == DiagnosticSeverity::error ? errors_ : warnings_) += 1;
  if (items_.size() < kept_limit) items_.push_back(std::move(d));
}

void Diagnostics::error(std::string code, std::string pointer, std::string entity, std::string message) {
  add({DiagnosticSeverity::error, std::move(code), std::move(message), std::move(pointer), std::move(entity), 0, 0});
}

void Diagnostics::warning(std::string code, std::string pointer, std::string entity, std::string message) {
  add({DiagnosticSeverity::warning, std::move(code), std::move(message), std::move(pointer), std::move(entity), 0, 0});
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.line, a.column, a.severity, a.code, a.pointer, a.message) <
           std::tie(b.line, b.column, b.severity, b.code, b.pointer, b.message);
  });
}

}  // namespace clearpath
