#include "report/diagnostic_report.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <ostream>
#include <vector>

namespace clearpath {
namespace {

const char* kBold = "\033[1m";
const char* kRed = "\033[1;31m";
const char* kMagenta = "\033[1;35m";
const char* kGreen = "\033[1;32m";
const char* kReset = "\033[0m";

std::string plural(std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// One source line as printed under a diagnostic: the line (or a window of it) and what goes
// before the caret.
struct Excerpt {
  std::string line;
  std::string before_caret;
};

// The lines of the source text that diagnostics point into. Columns count code points as the
// loader does (json_locator.cpp: every byte but UTF-8 continuation bytes, from after a byte
// order mark). Walking to a column is linear in it, so a minified file of a million steps on
// one line is walked once for all its diagnostics, in the order they are sorted in.
class SourceLines {
 public:
  SourceLines(std::string_view text, const std::vector<std::size_t>& lines) : text_(text) {
    std::vector<std::size_t> wanted(lines);
    std::sort(wanted.begin(), wanted.end());
    std::size_t line = 1, at = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    for (const std::size_t w : wanted) {
      while (line < w && at != std::string_view::npos) {
        at = text.find('\n', at);
        if (at != std::string_view::npos) ++at, ++line;
      }
      if (at == std::string_view::npos) break;
      starts_[w] = at;
    }
  }

  // Nothing when the line is not in the text.
  std::optional<Excerpt> excerpt(std::size_t line, std::size_t column) {
    const auto found = starts_.find(line);
    if (found == starts_.end()) return std::nullopt;
    const std::size_t start = found->second;
    if (cursor_.line != line || cursor_.count > column - 1) cursor_ = {line, start, 0};
    advance(cursor_, column - 1);  // stops at the end of the line if the column is past it
    const std::size_t caret = cursor_.byte;
    Cursor probe{line, start, 0};
    advance(probe, kSnippetLineLimit);
    if (at_end(probe.byte)) return make(start, probe.byte, caret, false, false);
    const std::size_t from = retreat(caret, kSnippetWindow / 2, start);
    Cursor window{line, from, 0};
    advance(window, kSnippetWindow);
    return make(from, window.byte, caret, from > start, !at_end(window.byte));
  }

 private:
  struct Cursor {
    std::size_t line = 0, byte = 0, count = 0;  // count: code points from the line's start to byte
  };

  bool at_end(std::size_t b) const {
    return b >= text_.size() || text_[b] == '\n' ||
           (text_[b] == '\r' && (b + 1 == text_.size() || text_[b + 1] == '\n'));
  }
  // To the start of code point number `target` of the line, or to its end.
  void advance(Cursor& c, std::size_t target) const {
    while (!at_end(c.byte) && (c.count < target || continuation(text_[c.byte]))) {
      if (!continuation(text_[c.byte])) ++c.count;
      ++c.byte;
    }
  }
  // Back `n` code points from byte b, not before the line's start.
  std::size_t retreat(std::size_t b, std::size_t n, std::size_t start) const {
    for (std::size_t k = 0; k < n && b > start; ++k)
      for (--b; b > start && continuation(text_[b]); --b) {}
    return b;
  }
  // Control characters other than tabs would move the terminal's cursor: shown as spaces.
  Excerpt make(std::size_t from, std::size_t to, std::size_t caret, bool cut_before, bool cut_after) const {
    Excerpt e;
    if (cut_before) e.line = "...", e.before_caret = "   ";
    for (std::size_t b = from; b < to; ++b) {
      const unsigned char c = static_cast<unsigned char>(text_[b]);
      e.line += c == '\t' || (c >= 0x20 && c != 0x7F) ? static_cast<char>(c) : ' ';
      if (b < caret && !continuation(text_[b])) e.before_caret += c == '\t' ? '\t' : ' ';
    }
    if (cut_after) e.line += "...";
    return e;
  }

  std::string_view text_;
  std::map<std::size_t, std::size_t> starts_;  // line -> byte offset of its start
  Cursor cursor_;
};

//    12 |       "depends_on": ["foo"],
//       |                      ^
void print_excerpt(std::ostream& out, std::size_t line, const Excerpt& e, bool color) {
  const std::string number = std::to_string(line);
  const std::size_t width = std::max<std::size_t>(5, number.size() + 1);
  out << std::string(width - number.size(), ' ') << number << " | " << e.line << "\n";
  out << std::string(width, ' ') << " | " << e.before_caret;
  if (color) out << kGreen;
  out << "^";
  if (color) out << kReset;
  out << "\n";
}

}  // namespace

void print_diagnostics(std::ostream& out, const std::string& file, const Diagnostics& diag, bool color,
                       std::string_view source) {
  const auto& items = diag.items();
  const std::size_t shown = std::min(items.size(), kDiagnosticsShown);
  std::vector<std::size_t> lines;
  for (std::size_t i = 0; i < shown; ++i)
    if (items[i].line > 0 && items[i].column > 0) lines.push_back(items[i].line);
  SourceLines text(source, source.empty() ? std::vector<std::size_t>{} : lines);
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
    if (d.line == 0 || d.column == 0) continue;
    if (const std::optional<Excerpt> e = text.excerpt(d.line, d.column)) print_excerpt(out, d.line, *e, color);
  }
  const std::size_t total = diag.error_count() + diag.warning_count();
  if (total > shown) {
    out << file << ": ... and " << plural(total - shown, "more problem") << " not shown ("
        << plural(diag.error_count(), "error") << ", " << plural(diag.warning_count(), "warning") << " in all)\n";
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
