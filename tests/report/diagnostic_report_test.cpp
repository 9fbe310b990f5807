// Text diagnostics with the source line and a caret under the column (issue 14, point 10).
// Expected carets are written out from the columns, counted by hand in code points.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "report/diagnostic_report.hpp"

using namespace clearpath;

namespace {

Diagnostic error_at(std::size_t line, std::size_t column, std::string message, std::string pointer = "") {
  return {DiagnosticSeverity::error, "test", std::move(message), std::move(pointer), "", line, column};
}

std::string printed(const Diagnostics& diag, std::string_view source, bool color = false) {
  std::ostringstream out;
  print_diagnostics(out, "x.json", diag, color, source);
  return out.str();
}

std::string printed(const Diagnostic& d, std::string_view source, bool color = false) {
  Diagnostics diag;
  diag.add(d);
  return printed(diag, source, color);
}

std::string spaces(std::size_t n) { return std::string(n, ' '); }

}  // namespace

TEST_CASE("diagnostics: the source line and a caret under the column", "[report][diagnostics]") {
  struct Case {
    const char* what;
    std::string source;
    Diagnostic diagnostic;
    std::string heading, shown_line, before_caret;
  };
  const Case cases[] = {
      // "fob" starts at column 40: 2 spaces, "steps": (8), a space, [{ (2), "id": (5), a space,
      // "a", (4), a space, "depends_on": (13), a space, [ (1) = 39 before it.
      {"the column of a value", "{\n  \"steps\": [{\"id\": \"a\", \"depends_on\": [\"fob\"]}]\n}\n",
       error_at(2, 40, "unknown reference 'fob'", "/steps/0/depends_on/0"),
       "x.json:2:40: error: /steps/0/depends_on/0: unknown reference 'fob'",
       "    2 |   \"steps\": [{\"id\": \"a\", \"depends_on\": [\"fob\"]}]", spaces(39)},
      // {"id": "佐藤", "x": 1}: the 1 is the 19th character (the 23rd byte).
      {"the caret counts code points, not bytes", "{\"id\": \"\xE4\xBD\x90\xE8\x97\xA4\", \"x\": 1}",
       error_at(1, 19, "bad"), "x.json:1:19: error: bad", "    1 | {\"id\": \"\xE4\xBD\x90\xE8\x97\xA4\", \"x\": 1}",
       spaces(18)},
      {"tabs before the column are copied so the caret lines up", "{\n\t\t\"x\": 1\n}", error_at(2, 8, "bad"),
       "x.json:2:8: error: bad", "    2 | \t\t\"x\": 1", "\t\t" + spaces(5)},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    CHECK(printed(c.diagnostic, c.source) == c.heading + "\n" + c.shown_line + "\n      | " + c.before_caret + "^\n");
  }
}

TEST_CASE("diagnostics: a very long line is cut to a window around the column", "[report][diagnostics]") {
  // 10,000 characters: 5,000 a, X (column 5001), 4,999 b. The window is 80 characters, 40
  // before the caret; "..." marks each cut.
  const std::string source = std::string(5000, 'a') + "X" + std::string(4999, 'b') + "\n";
  Diagnostics diag;
  diag.add(error_at(1, 3, "near the start"));
  diag.add(error_at(1, 5001, "in the middle"));
  diag.add(error_at(1, 10000, "at the last character"));
  diag.add(error_at(1, 20000, "past the end of the line"));
  diag.add(error_at(1, 4, "back again"));  // out of order: walked again from the line's start
  const std::string gutter = "    1 | ", under = "      | ";
  CHECK(printed(diag, source) ==
        "x.json:1:3: error: near the start\n" + gutter + std::string(80, 'a') + "...\n" + under + spaces(2) + "^\n" +
            "x.json:1:5001: error: in the middle\n" + gutter + "..." + std::string(40, 'a') + "X" +
            std::string(39, 'b') + "...\n" + under + spaces(3 + 40) + "^\n" +
            "x.json:1:10000: error: at the last character\n" + gutter + "..." + std::string(41, 'b') + "\n" + under +
            spaces(3 + 40) + "^\n" + "x.json:1:20000: error: past the end of the line\n" + gutter + "..." +
            std::string(40, 'b') + "\n" + under + spaces(3 + 40) + "^\n" + "x.json:1:4: error: back again\n" + gutter +
            std::string(80, 'a') + "...\n" + under + spaces(3) + "^\n");
}

TEST_CASE("diagnostics: a line of exactly the limit is shown whole, one more is cut", "[report][diagnostics]") {
  const std::string whole(kSnippetLineLimit, 'a');
  CHECK(printed(error_at(1, 1, "m"), whole) == "x.json:1:1: error: m\n    1 | " + whole + "\n      | ^\n");
  const std::string longer(kSnippetLineLimit + 1, 'a');
  CHECK(printed(error_at(1, 1, "m"), longer) ==
        "x.json:1:1: error: m\n    1 | " + std::string(kSnippetWindow, 'a') + "...\n      | ^\n");
}

TEST_CASE("diagnostics: a minified file on one line prints a few hundred bytes per problem", "[report][diagnostics]") {
  std::string source = "[";
  for (int i = 0; i < 1'000'000; ++i) source += "{\"id\":\"s" + std::to_string(i) + "\"},";
  source += "0]";
  Diagnostics diag;
  for (std::size_t k = 0; k < 40; ++k) diag.add(error_at(1, source.size() - 400 + k * 10, "m"));
  const std::string out = printed(diag, source);
  CHECK(out.size() < std::size_t{40} * 250);
  CHECK(out.find("...") != std::string::npos);
}

TEST_CASE("diagnostics: no snippet without a line, past the text's end, or without the text", "[report][diagnostics]") {
  const std::string source = "{\n  \"a\": 1\n}";
  CHECK(printed(error_at(0, 0, "the file is empty"), source) == "x.json: error: the file is empty\n");
  CHECK(printed(error_at(4, 1, "where?"), source) == "x.json:4:1: error: where?\n");
  CHECK(printed(error_at(2, 8, "no text"), "") == "x.json:2:8: error: no text\n");
  // A column past the end of its line: the caret just after the last character.
  CHECK(printed(error_at(2, 30, "late"), source) ==
        "x.json:2:30: error: late\n    2 |   \"a\": 1\n      | " + spaces(8) + "^\n");
}

TEST_CASE("diagnostics: carriage returns, a byte order mark and control characters are not printed",
          "[report][diagnostics]") {
  CHECK(printed(error_at(2, 8, "crlf"), "{\r\n  \"a\": x\r\n}\r\n") ==
        "x.json:2:8: error: crlf\n    2 |   \"a\": x\n      | " + spaces(7) + "^\n");
  // The loader counts columns from after the mark.
  CHECK(printed(error_at(1, 7, "bom"), "\xEF\xBB\xBF{\"a\": x}") ==
        "x.json:1:7: error: bom\n    1 | {\"a\": x}\n      | " + spaces(6) + "^\n");
  CHECK(printed(error_at(1, 4, "escape"), "\"\x1b[2J\" x") ==
        "x.json:1:4: error: escape\n    1 | \" [2J\" x\n      | " + spaces(3) + "^\n");
}

TEST_CASE("diagnostics: line numbers widen the gutter, colour only the caret", "[report][diagnostics]") {
  std::string source;
  for (int i = 1; i < 123456; ++i) source += "\n";
  source += "  oops\n";
  CHECK(printed(error_at(123456, 3, "deep"), source) ==
        "x.json:123456:3: error: deep\n 123456 |   oops\n        |   ^\n");
  CHECK(printed(error_at(1, 1, "m"), "x", true) ==
        "\033[1mx.json:1:1:\033[0m \033[1;31merror:\033[0m m\n    1 | x\n      | \033[1;32m^\033[0m\n");
}
