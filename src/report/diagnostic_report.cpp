#include "report/diagnostic_report.hpp"

#include <algorithm>
#include <ostream>

namespace clearpath {
namespace {

const char* kBold = "\033[1m";
const char* kRed = "\033[1;31m";
const char* kMagenta = "\033[1;35m";
const char* kReset = "\033[0m";

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

void print_diagnostics(std::ostream& out, const std::string& file, const Diagnostics& diag,
                       bool color) {
  const auto& items = diag.items();
  const std::size_t shown = std::min(items.size(), kDiagnosticsShown);
  for (std::size_t i = 0; i < shown; ++i) {
    const Diagnostic& d = items[i];
    std::string where = file;
    if (d.line > 0) where.append(":").append(std::to_string(d.line)).append(":").append(std::to_string(d.column));
    const bool error = d.severity == DiagnosticSeverity::error;
    if (color) out << kBold;
    out << where << ":";
    if (color) out << kReset;
    out << " ";
    if (color) out << (error ? kRed : kMagenta);
    out << (error ? "error:" : "warning:");
    if (color) out << kReset;
    out << " ";
    if (!d.pointer.empty()) out << d.pointer << ": ";
    out << d.message << "\n";
  }
  const std::size_t total = diag.error_count() + diag.warning_count();
  if (total > shown) {
    out << file << ": ... and " << plural(total - shown, "more problem") << " not shown ("
        << plural(diag.error_count(), "error") << ", " << plural(diag.warning_count(), "warning")
        << " in all)\n";
  }
}

nlohmann::ordered_json diagnostics_json(const std::string& file, const Diagnostics& diag) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  const auto& items = diag.items();
  const std::size_t shown = std::min(items.size(), kDiagnosticsShown);
  for (std::size_t i = 0; i < shown; ++i) {
    const Diagnostic& d = items[i];
    nlohmann::ordered_json j;
    j["severity"] = d.severity == DiagnosticSeverity::error ? "error" : "warning";
    j["code"] = d.code;
    j["message"] = d.message;
    j["file"] = file;
    j["line"] = d.line;
    j["column"] = d.column;
    j["pointer"] = d.pointer;
    j["entity"] = d.entity;
    list.push_back(std::move(j));
  }
  nlohmann::ordered_json out;
  out["errors"] = diag.error_count();
  out["warnings"] = diag.warning_count();
  out["diagnostics"] = std::move(list);
  out["omitted"] = diag.error_count() + diag.warning_count() - shown;
  return out;
}

}  // namespace clearpath
