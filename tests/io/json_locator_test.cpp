#include <catch2/catch.hpp>

#include "io/json/json_locator.hpp"

using namespace clearpath;

TEST_CASE("position_of counts lines and UTF-8 characters", "[locator]") {
  const std::string text = "ab\ncd\n\xC3\xA9x";  // é is two bytes, one character
  CHECK(position_of(text, 0).line == 1);
  CHECK(position_of(text, 0).column == 1);
  CHECK(position_of(text, 4).line == 2);
  CHECK(position_of(text, 4).column == 2);
  CHECK(position_of(text, 8).line == 3);
  CHECK(position_of(text, 8).column == 2);  // after é
  CHECK(position_of(text, 999).line == 3);  // clamped
}

TEST_CASE("locate_pointers finds values by JSON pointer in one pass", "[locator]") {
  const std::string text = R"({
  "a": {"b": [10, {"c": "x"}, [1, 2]]},
  "d~e/f": true,
  "s": "q\"u{o}t[e",
  "z": 3
})";
  const std::vector<std::string> pointers = {"/a/b/1/c", "/a/b/2/1", "/d~0e~1f", "/z", "/a/b/9", "/nope", "", "/a"};
  const auto found = locate_pointers(text, pointers);
  REQUIRE(found.size() == pointers.size());
  REQUIRE(found[0]);
  CHECK(text.substr(*found[0], 3) == "\"x\"");
  REQUIRE(found[1]);
  CHECK(text[*found[1]] == '2');
  REQUIRE(found[2]);
  CHECK(text.substr(*found[2], 4) == "true");
  REQUIRE(found[3]);
  CHECK(text[*found[3]] == '3');  // found after skipping a string full of brackets
  CHECK_FALSE(found[4]);
  CHECK_FALSE(found[5]);
  REQUIRE(found[6]);
  CHECK(*found[6] == 0);  // the whole document
  REQUIRE(found[7]);
  CHECK(text[*found[7]] == '{');
}

TEST_CASE("locate_pointers decodes escaped keys and skips a byte order mark", "[locator]") {
  const std::string text = "\xEF\xBB\xBF{\"\\u00e9t\\u00e9\": [0, 1]}";
  const auto found = locate_pointers(text, {"/\xC3\xA9t\xC3\xA9/1"});
  REQUIRE(found[0]);
  CHECK(text[*found[0]] == '1');
}

TEST_CASE("locate_pointers skips very deep subtrees without recursion", "[locator]") {
  std::string text = "{\"deep\": " + std::string(200000, '[') + std::string(200000, ']') + ", \"x\": 1}";
  const auto found = locate_pointers(text, {"/x"});
  REQUIRE(found[0]);
  CHECK(text[*found[0]] == '1');
}
