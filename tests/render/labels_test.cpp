#include <catch2/catch.hpp>

#include "render/labels.hpp"

using clearpath::html_text;
using clearpath::wrap_words;
using Lines = std::vector<std::string>;

TEST_CASE("html_text escapes markup and turns control characters into spaces", "[render][labels]") {
  CHECK(html_text("a & b <c> \"d\" 'e'") == "a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39;");
  CHECK(html_text("one\ntwo") == "one<BR/>two");
  CHECK(html_text(std::string("x\ty\x01z\x7F", 6)) == "x y z ");
  CHECK(html_text("\\N \\G") == "\\\\N \\\\G");  // else Graphviz puts the node and graph names there
  CHECK(html_text("日本語 é") == "日本語 é");
}

TEST_CASE("dot_name percent-encodes only what Graphviz cannot write back", "[render][labels]") {
  CHECK(clearpath::dot_name("billing-extract") == "billing-extract");
  CHECK(clearpath::dot_name("a\\\"b%c <d> & 日本") == "a^5C^22b^25c <d> ^26 日本");
  CHECK(clearpath::dot_name("%1 &x; ^") == "^251 ^26x; ^5E");
}

TEST_CASE("wrap_words breaks at spaces, cuts long words and marks what was left out", "[render][labels]") {
  CHECK(wrap_words("Extract billing history", 12) == Lines{"Extract", "billing", "history"});
  CHECK(wrap_words("Extract billing history", 30) == Lines{"Extract billing history"});
  CHECK(wrap_words("abcdefghij", 4) == Lines{"abcd", "efgh", "ij"});
  CHECK(wrap_words("one two three four five", 9, 2) == Lines{"one two", "three..."});
  CHECK(wrap_words("日本語日本語", 3) == Lines{"日本語", "日本語"});  // counted in code points
  CHECK(wrap_words("", 10) == Lines{""});
  CHECK(wrap_words("first\nsecond", 30) == Lines{"first", "second"});
}

TEST_CASE("legend rows show each style and its explanation", "[render][labels]") {
  clearpath::DiagramStyle node{
      "critical", clearpath::DiagramStyle::Applies::node, "no float <0>", {{"color", "red"}, {"penwidth", "2"}}};
  clearpath::DiagramStyle edge{
      "dotted-line", clearpath::DiagramStyle::Applies::edge, "dotted-line manager", {{"style", "dashed"}}};
  const std::string legend = clearpath::legend_html({&node, &edge});
  CHECK(legend.find("<TD WIDTH=\"40\" HEIGHT=\"16\" BORDER=\"3\" COLOR=\"red\" BGCOLOR=\"white\"> </TD><TD "
                    "ALIGN=\"LEFT\">no float &lt;0&gt;</TD>") != std::string::npos);
  CHECK(legend.find("<FONT COLOR=\"#555555\">- - - - </FONT></TD><TD ALIGN=\"LEFT\">dotted-line manager</TD>") !=
        std::string::npos);
}
