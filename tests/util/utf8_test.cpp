#include "util/utf8.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <string>

using clearpath::find_invalid_utf8;
using clearpath::utf8_length;

namespace {

constexpr auto npos = std::string_view::npos;

// The reference: one sequence after another, from the first byte.
std::size_t first_invalid_by_walk(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_length(text, i);
    if (n == 0) return i;
    i += n;
  }
  return npos;
}

}  // namespace

TEST_CASE("utf8_length: the length of each valid sequence, 0 for each invalid one", "[util][utf8]") {
  CHECK(utf8_length("a", 0) == 1);
  CHECK(utf8_length("\xc3\xa9", 0) == 2);          // é
  CHECK(utf8_length("\xe2\x82\xac", 0) == 3);      // €
  CHECK(utf8_length("\xf0\x9f\x93\x88", 0) == 4);  // 📈
  CHECK(utf8_length("\xc0\xaf", 0) == 0);          // overlong '/'
  CHECK(utf8_length("\xe0\x80\xaf", 0) == 0);      // overlong, three bytes
  CHECK(utf8_length("\xed\xa0\x80", 0) == 0);      // a surrogate
  CHECK(utf8_length("\xf4\x90\x80\x80", 0) == 0);  // above U+10FFFF
  CHECK(utf8_length("\x96", 0) == 0);              // a continuation byte alone
  CHECK(utf8_length("\xe2\x82", 0) == 0);          // cut short
}

TEST_CASE("find_invalid_utf8: the offset of the first bad byte, before, in and after runs of ASCII", "[util][utf8]") {
  CHECK(find_invalid_utf8("") == npos);
  CHECK(find_invalid_utf8("plain ASCII, longer than one word of eight bytes") == npos);
  CHECK(find_invalid_utf8("Caf\xc3\xa9 au lait, 3 \xe2\x82\xac, and a chart \xf0\x9f\x93\x88 to end") == npos);
  CHECK(find_invalid_utf8("\x96 first") == 0);
  CHECK(find_invalid_utf8("1234567\x96") == 7);   // the last byte of the first word
  CHECK(find_invalid_utf8("12345678\x96") == 8);  // the first byte after it
  CHECK(find_invalid_utf8("12345678abcdefg\x96") == 15);
  CHECK(find_invalid_utf8("1234567\xc3\xa9"
                          "abcdefg\x96") == 16);                // a sequence across two words
  CHECK(find_invalid_utf8("12345678abcdef\xe2\x82") == 14);     // cut short at the end
  CHECK(find_invalid_utf8("12345678\xc3\xa9\xa9 rest") == 10);  // one continuation byte too many
}

TEST_CASE("find_invalid_utf8 agrees with a walk over every sequence, on random text", "[util][utf8][property]") {
  std::mt19937 rng(19);
  // Mostly ASCII with valid sequences, and now and then a stray byte, as in a file from elsewhere.
  const std::string pieces[] = {"a",
                                "Z",
                                " ",
                                "\n",
                                "<Task>",
                                "12345678",
                                "\xc3\xa9",
                                "\xe2\x82\xac",
                                "\xf0\x9f\x93\x88",
                                "\xc3",
                                "\x96",
                                "\xed\xa0\x80",
                                "\xff",
                                "\xc0\xaf"};
  constexpr std::size_t kValid = 9;  // the pieces before this one are valid on their own
  for (int trial = 0; trial < 2000; ++trial) {
    std::string text;
    const std::size_t length = std::uniform_int_distribution<std::size_t>(0, 80)(rng);
    const bool clean = trial % 2 == 0;
    for (std::size_t k = 0; k < length; ++k) {
      const std::size_t limit = clean ? kValid - 1 : std::size(pieces) - 1;
      // Bad pieces are rare, so that many texts hold long valid runs before the first.
      std::size_t pick = std::uniform_int_distribution<std::size_t>(0, limit)(rng);
      if (pick >= kValid && std::uniform_int_distribution<int>(0, 9)(rng) != 0) pick %= kValid;
      text += pieces[pick];
    }
    INFO("trial " << trial << ", " << text.size() << " bytes");
    const std::size_t expected = first_invalid_by_walk(text);
    if (clean) CHECK(expected == npos);
    CHECK(find_invalid_utf8(text) == expected);
  }
}
