#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "report/document.hpp"
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
  CHECK(html.find("<script") == std::string::npos);
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
