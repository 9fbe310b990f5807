#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "report/document.hpp"
#include "report/report_script.hpp"
#include "report/text_columns.hpp"

using namespace clearpath;

namespace {

Document sample(const std::string& hostile) {
  Document d;
  d.title = "Plan " + hostile;
  d.subtitle = {"from " + hostile};
  Section& s = d.section("summary", "Summary");
  s.facts({{"owner", {hostile, Look::bad}}, {"days", {"12.0", Look::plain}}});
  s.paragraph(
      "A paragraph that is long enough to need wrapping at one hundred columns, because it goes on and on "
      "and on, with a-very-long-identifier-that-has-no-spaces-in-it-at-all-and-is-longer-than-a-line-of-"
      "the-terminal-so-it-has-to-be-split-somewhere.");
  Table& t = s.table({"id", "days", "why"}, {false, true, false});
  t.rows.push_back({{hostile, Look::plain}, {"3.0", Look::plain}, {"because " + hostile, Look::warn}});
  t.rows.push_back({{"b", Look::plain}, {"12.5", Look::plain}, {"", Look::plain}});
  t.more = 4;
  s.figure({"deps", "Dependencies", "deps.svg",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg viewBox=\"0 0 1 1\"><g id=\"graph0\"><use href=\"#graph0\"/>"
            "<rect fill=\"url(#grad)\"/><text>see url(#top) id=\"x\"</text></g></svg>\n"});
  return d;
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("terminal columns: widths, cutting, wrapping", "[report]") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("佐藤 健二") == 9);  // four wide characters and a space
  CHECK(display_width("e\xCC\x81") == 1);  // e + combining acute
  CHECK(fit_columns("abcdef", 4) == "abc~");
  CHECK(fit_columns("abc", 4) == "abc");
  CHECK(fit_columns("佐藤健二", 5) == "佐藤~");
  CHECK(pad_columns("佐藤", 6) == "佐藤  ");
  CHECK(align_right("7", 3) == "  7");
  CHECK(terminal_safe("a\033[31mb\nc\x7f") == "a [31mb c ");
  CHECK(wrap_lines("aa bb cc", 5) == std::vector<std::string>{"aa bb", "cc"});
  CHECK(wrap_lines("abcdefghij", 4) == std::vector<std::string>{"abcd", "efgh", "ij"});
  CHECK(wrap_lines("", 10) == std::vector<std::string>{""});
  CHECK(wrap_lines("x 佐藤健二", 4) == std::vector<std::string>{"x", "佐藤", "健二"});
  // A zero-width word keeps its place before a long word that follows it.
  CHECK(wrap_lines("\xE2\x80\x8B abcdefgh", 4) == std::vector<std::string>{"\xE2\x80\x8B", "abcd", "efgh"});
}

TEST_CASE("text report: fits 100 columns, colour only when asked, no control characters", "[report]") {
  const Document d = sample("<b>\033[2Jevil</b>");
  std::ostringstream plain, color;
  write_text(plain, d, false);
  write_text(color, d, true);
  for (const std::string& line : lines_of(plain.str())) {
    INFO(line);
    CHECK(display_width(line) <= 100);
    CHECK(line.find('\033') == std::string::npos);
    CHECK((line.empty() || line.back() != ' '));
  }
  CHECK(color.str().find("\033[31m") != std::string::npos);  // the bad fact in red
  CHECK(color.str().find("\033[2J") == std::string::npos);   // the hostile escape is defused
  CHECK(plain.str().find("SUMMARY") != std::string::npos);
  CHECK(plain.str().find("... and 4 more") != std::string::npos);
  CHECK(plain.str().find("deps.svg") != std::string::npos);
}

TEST_CASE("text report: a wide numeric matrix still fits 100 columns", "[report]") {
  Document d;
  d.title = "T";
  Section& s = d.section("x", "Matrix");
  std::vector<std::string> cols{"department"};
  std::vector<bool> numeric{false};
  for (int i = 0; i < 8; ++i) {
    cols.push_back(std::string("an-initiative-with-a-long-id-").append(std::to_string(i)));
    numeric.push_back(true);
  }
  Table& t = s.table(cols, numeric);
  std::vector<Cell> row{{"a-department-with-a-rather-long-name", Look::plain}};
  for (int i = 0; i < 8; ++i) row.push_back({std::string("#").append(std::to_string(i + 1)), Look::plain});
  t.rows.push_back(row);
  Table& risk = s.table({"initiative-with-a-very-long-identifier", "finish", "payback month"}, {false, true, true});
  risk.rows.push_back({{"x", Look::plain}, {"187.0", Look::plain}, {"4", Look::plain}});
  std::ostringstream out;
  write_text(out, d, false);
  for (const std::string& line : lines_of(out.str())) {
    INFO(line);
    CHECK(display_width(line) <= 100);
  }
  CHECK(out.str().find("#8") != std::string::npos);
}

TEST_CASE("text report: exact layout of facts and a table", "[report]") {
  Document d;
  d.title = "T";
  Section& s = d.section("x", "Numbers");
  s.facts({{"a", {"one", Look::plain}}, {"longer", {"two", Look::plain}}});
  Table& t = s.table({"id", "n", "note"}, {false, true, false});
  t.rows.push_back({{"x", Look::plain}, {"1.5", Look::plain}, {"fine", Look::plain}});
  std::ostringstream out;
  write_text(out, d, false);
  CHECK(out.str() ==
        "T\n"
        "\n"
        "NUMBERS\n"
        "  a       one\n"
        "  longer  two\n"
        "\n"
        "  id    n  note\n"
        "  x   1.5  fine\n");
}

TEST_CASE("markdown report: user text cannot become markup", "[report]") {
  std::ostringstream out;
  write_markdown(out, sample("<script>alert(1)</script> *x* | [l](u)"));
  const std::string md = out.str();
  CHECK(md.find("<script>") == std::string::npos);
  CHECK(md.find("&lt;script&gt;alert(1)&lt;/script&gt; \\*x\\* \\| \\[l\\](u)") != std::string::npos);
  CHECK(md.find("| id | days | why |\n| --- | ---: | --- |\n") != std::string::npos);
  // '#' is escaped only where it would start a heading.
  Document h;
  h.title = "T";
  h.section("s", "S").paragraph("# not a heading, rank #3");
  std::ostringstream hm;
  write_markdown(hm, h);
  CHECK(hm.str().find("\n\\# not a heading, rank #3\n") != std::string::npos);
  CHECK(md.find("![Dependencies](deps.svg)") != std::string::npos);
  CHECK(md.find("*... and 4 more") != std::string::npos);
}

TEST_CASE("html report: escaped, self-contained, SVG inline with ids made unique", "[report]") {
  std::ostringstream out;
  write_html(out, sample("<script>alert(1)</script> & \"q\" 'a'"));
  const std::string html = out.str();
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  // One script: clearpath's own, whole, at the end of the body, named by the CSP.
  const std::size_t script = html.find("<script");
  REQUIRE(script != std::string::npos);
  CHECK(html.find("<script", script + 1) == std::string::npos);
  CHECK(html.compare(script, 8, "<script>") == 0);
  CHECK(html.find(std::string(report_script())) == script + 8);
  CHECK(html.find("script-src '" + report_script_csp_source() + "'") != std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39;") != std::string::npos);
  CHECK(html.find("Content-Security-Policy") != std::string::npos);
  CHECK(html.find("<?xml") == std::string::npos);
  CHECK(html.find("<!DOCTYPE svg") == std::string::npos);
  CHECK(html.find("id=\"deps-graph0\"") != std::string::npos);
  CHECK(html.find("href=\"#deps-graph0\"") != std::string::npos);
  CHECK(html.find("url(#deps-grad)") != std::string::npos);
  CHECK(html.find("<text>see url(#top) id=\"x\"</text>") != std::string::npos);  // label text untouched
  CHECK(html.find("<figure id=\"diagram-deps\"") != std::string::npos);
  CHECK(html.find("http://") == std::string::npos);  // nothing fetched
  CHECK(html.find("https://") == std::string::npos);
}

TEST_CASE("html report: the search index and a row's subjects cannot end their element", "[report][hostile]") {
  Document d = sample("plain");
  const std::string hostile = "</script><script>alert(1)</script>\"'&";
  d.index.push_back({hostile, hostile, "<b>" + hostile, "step", "i"});
  d.index_of = 3;
  Table& t = d.sections.front().table({"finding"}, {false});
  t.row({"about it"});
  t.subjects.push_back({hostile, "b"});
  std::ostringstream out;
  write_html(out, d);
  const std::string html = out.str();
  // The index: JSON whose every '<' is \u003c, inside one application/json element.
  const std::size_t index = html.find("<script type=\"application/json\" id=\"cp-index\">");
  REQUIRE(index != std::string::npos);
  const std::size_t end = html.find("</script>", index);
  const std::string json = html.substr(index + 49, end - index - 49);
  CHECK(json.find('<') == std::string::npos);
  CHECK(json.find("\\u003c/script>\\u003cscript>alert(1)") != std::string::npos);
  // Two <script> start tags in all: the index and clearpath's own; no other.
  std::size_t starts = 0;
  for (std::size_t at = html.find("<script"); at != std::string::npos; at = html.find("<script", at + 1)) ++starts;
  CHECK(starts == 2);
  // The row's subjects: a JSON array in an escaped attribute.
  CHECK(html.find("<tr "
                  "data-subjects=\"[&quot;&lt;/script&gt;&lt;script&gt;alert(1)&lt;/"
                  "script&gt;\\&quot;&#39;&amp;&quot;,&quot;b&quot;]\">") != std::string::npos);
  CHECK(html.find("searches 1 of 3 entities") != std::string::npos);
  CHECK(html.find("id=\"cp-search\"") != std::string::npos);
}

TEST_CASE("html report: the CSP names the script by the SHA-256 CMake computed, in base64", "[report]") {
  const std::string source = report_script_csp_source();
  REQUIRE(source.rfind("sha256-", 0) == 0);
  const std::string b64 = source.substr(7);
  REQUIRE(b64.size() == 44);  // 32 bytes
  CHECK(b64.back() == '=');
  // Decoded, it is the hex digest.
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string bytes;
  unsigned bits = 0, value = 0;
  for (char c : b64) {
    if (c == '=') break;
    value = (value << 6) | static_cast<unsigned>(alphabet.find(c));
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes += static_cast<char>((value >> bits) & 0xFF);
    }
  }
  std::string hex;
  for (unsigned char c : bytes) {
    const char digits[] = "0123456789abcdef";
    hex += digits[c >> 4];
    hex += digits[c & 15];
  }
  CHECK(hex == report_script_sha256_hex());
  CHECK(report_script().find("clearpathHighlight") != std::string_view::npos);
}

TEST_CASE("listing document: titled by subcommand, file and model name", "[report]") {
  const Document named = listing_document("path", "plan.json", "Churn model");
  CHECK(named.listing);
  CHECK(named.title == "clearpath path: plan.json - Churn model");
  CHECK(named.subtitle.empty());
  CHECK(named.sections.empty());
  const Document unnamed = listing_document("level", "dir/plan.json", "");
  CHECK(unnamed.listing);
  CHECK(unnamed.title == "clearpath level: dir/plan.json");
}

TEST_CASE("wrapping a word of 8 MB is linear", "[report][hostile]") {
  // Cutting the word line by line from its front was quadratic: a 1 MB model name took 15 s in
  // `analyze`, 4 MB over 200 s. Quadratic, this test would take hours.
  const std::string word(8u << 20, 'x');
  const std::vector<std::string> lines = wrap_lines("a " + word + "\xC3\xA9 b", 80);
  REQUIRE(lines.size() == 1 + (8u << 20) / 80 + 1);  // "a", the full lines, the rest with "b"
  CHECK(lines[0] == "a");
  CHECK(lines[1] == std::string(80, 'x'));
  CHECK(lines.back() == std::string((8u << 20) % 80, 'x') + "\xC3\xA9 b");
  std::size_t bytes = 0;
  for (const std::string& l : lines) bytes += l.size();
  CHECK(bytes == word.size() + 5);  // "a", "\xC3\xA9", " b": every byte once
}

TEST_CASE("text and Markdown reports: a NUL or another control character is never written", "[report][hostile]") {
  // "\u0000" in a name reached the text report raw, in a section heading.
  const std::string hostile = std::string(
      "a\0b\x01"
      "c\x1F"
      "d\x7F",
      8);
  Document d = sample(hostile);
  Section& s = d.section("extra", "Initiative " + hostile);
  s.note = "(" + hostile + ")";
  s.paragraph(hostile);
  std::ostringstream text, color, markdown;
  write_text(text, d, false);
  write_text(color, d, true);
  write_markdown(markdown, d);
  for (const std::string& out : {text.str(), markdown.str()}) {
    CHECK(out.find('\0') == std::string::npos);
    CHECK(std::count_if(out.begin(), out.end(),
                        [](char c) { return (static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7F; }) == 0);
  }
  CHECK(color.str().find('\0') == std::string::npos);
  CHECK(text.str().find("\nINITIATIVE A B C D  (a b c d )\n") != std::string::npos);
}
