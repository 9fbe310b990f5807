#pragma once
// Problems found in an input file, with where they are: file:line:column, and for semantic
// problems also the JSON pointer (/steps/12/depends_on/0) and the entity id.
#include <cstddef>
#include <string>
#include <vector>

namespace clearpath {

enum class DiagnosticSeverity : unsigned char { error, warning };

struct Diagnostic {
  DiagnosticSeverity severity = DiagnosticSeverity::error;
  std::string code;        // stable machine-readable kind: "syntax", "unknown-reference", ...
  std::string message;     // one line, for people
  std::string pointer;     // JSON pointer to the offending value; empty for syntax errors
  std::string entity;      // id of the entity the problem is in, when there is one
  std::size_t line = 0;    // 1-based; 0 = unknown
  std::size_t column = 0;  // 1-based, in characters (UTF-8 code points); 0 = unknown
};

// The diagnostics of one file. Keeps at most `kept_limit` of them; `dropped_*` count the rest.
class Diagnostics {
 public:
  static constexpr std::size_t kept_limit = 1000;

  void add(Diagnostic d);
  void error(std::string code, std::string pointer, std::string entity, std::string message);
  void warning(std::string code, std::string pointer, std::string entity, std::string message);

  // True once no more diagnostics are kept: callers may then count() instead of building
  // messages nobody will see.
  bool full() const noexcept { return items_.size() >= kept_limit; }
  void count(DiagnosticSeverity s) noexcept { (s == DiagnosticSeverity::error ? errors_ : warnings_) += 1; }

  const std::vector<Diagnostic>& items() const noexcept { return items_; }
  std::vector<Diagnostic>& items() noexcept { return items_; }
  std::size_t error_count() const noexcept { return errors_; }
  std::size_t warning_count() const noexcept { return warnings_; }
  bool has_errors() const noexcept { return errors_ > 0; }
  // Sorts by line, column, then severity, code and message, so output is stable.
  void sort();

 private:
  std::vector<Diagnostic> items_;
  std::size_t errors_ = 0;
  std::size_t warnings_ = 0;
};

// A dependency cycle among steps and approvals, in order (each depends on the next; the last
// depends on the first).
struct DependencyCycle {
  std::vector<std::string> ids;
  std::vector<std::string> names;  // display names ("" when the entity has none)
};

}  // namespace clearpath
