// Hostile input: whatever the bytes, the loader gives a clear error (or accepts the file), and
// never crashes, hangs or grows without bound. Each case runs well under a second in a Release
// build, except the 10^7-element array, which takes a few seconds (10^6 in unoptimised or
// sanitized builds, see kGarbageElements).
#include <sys/stat.h>
#include <catch2/catch.hpp>

#include <cstdint>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "io/json/attributes_json.hpp"
#include "support/test_support.hpp"

using namespace clearpath;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

std::string describe(const Diagnostic& d) {
  std::ostringstream s;
  s << d.line << ":" << d.column << " [" << d.code << "] " << d.pointer.substr(0, 200) << " (entity '"
    << d.entity.substr(0, 40) << "'): " << d.message.substr(0, 300);
  return s.str();
}

// The first error of a result (REQUIREs there is one).
Diagnostic first_error(const LoadResult& r) {
  REQUIRE(r.diagnostics.has_errors());
  CHECK_FALSE(r.model.has_value());
  for (const Diagnostic& d : r.diagnostics.items())
    if (d.severity == DiagnosticSeverity::error) return d;
  FAIL("an error was counted but none was kept");
  return {};
}

const Diagnostic* find_code(const LoadResult& r, const std::string& code) {
  for (const Diagnostic& d : r.diagnostics.items())
    if (d.code == code) return &d;
  return nullptr;
}

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// 1-based column of the first byte where the nesting depth of `text` (one line, ASCII, no
// brackets inside strings) exceeds `limit`.
std::size_t column_of_first_level_beyond(const std::string& text, int limit) {
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' || text[i] == '[') {
      if (++depth > limit) return i + 1;
    } else if (text[i] == '}' || text[i] == ']') {
      --depth;
    }
  }
  return 0;
}

// A file whose person 'ana' has `levels` nested objects as attributes ({"a": {"a": ... 1}}),
// so the deepest value is at nesting level 3 + levels (root, people, the person, ...).
std::string deep_attributes(std::size_t levels) {
  return R"({"people":[{"id":"ana","attributes":)" + repeat(R"({"a":)", levels) + "1" + repeat("}", levels) + "}]}";
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Deep nesting.

TEST_CASE("100,000 nested arrays at the root: an error, no crash", "[hostile][depth]") {
  const LoadResult r = clearpath::test::load(repeat("[", 100000));
  const Diagnostic d = first_error(r);
  INFO(describe(d));
  // The root is not even an object, which is what the loader says first.
  CHECK((d.code == "too-deep" || d.code == "syntax" || d.code == "wrong-type"));
  CHECK(d.line == 1);
}

TEST_CASE("100,000 nested arrays inside a top-level field: too-deep", "[hostile][depth]") {
  for (const char* key : {"attributes", "steps", "unknown"}) {
    INFO("key: " << key);
    const std::string text = "{\"" + std::string(key) + "\": " + repeat("[", 100000);
    const LoadResult r = clearpath::test::load(text);
    const Diagnostic d = first_error(r);
    INFO(describe(d));
    CHECK(d.code == "too-deep");
    CHECK_THAT(d.message, Contains("64 levels"));
    CHECK(r.diagnostics.error_count() == 1);
  }
}

TEST_CASE("100,000 nested objects (a: a: a: ...): too-deep", "[hostile][depth]") {
  const std::string text = repeat(R"({"a":)", 100000);
  const LoadResult r = clearpath::test::load(text);
  const Diagnostic d = first_error(r);
  INFO(describe(d));
  CHECK(d.code == "too-deep");
  CHECK(r.diagnostics.error_count() == 1);
  // Closed properly, it is still too deep.
  const LoadResult closed = clearpath::test::load(text + "1" + repeat("}", 100000));
  CHECK(first_error(closed).code == "too-deep");
}

TEST_CASE("too-deep nesting is placed at the first level beyond 64", "[hostile][depth]") {
  // `{"a":{"a":...` -- the 65th `{` is at column 5 * 64 + 1 = 321.
  const std::string text = repeat(R"({"a":)", 100000);
  const Diagnostic d = first_error(clearpath::test::load(text));
  INFO(describe(d));
  CHECK(d.line == 1);
  CHECK(d.column == column_of_first_level_beyond(text, 64));
  CHECK(d.column == 321);
}

TEST_CASE("64 levels are allowed, 65 are not (attributes of a top-level field)", "[hostile][depth]") {
  // Root + attributes + k arrays = 2 + k levels.
  auto text = [](std::size_t k) { return R"({"attributes": {"x": )" + repeat("[", k) + repeat("]", k) + "}}"; };
  clearpath::test::load_valid(text(62));
  const LoadResult r = clearpath::test::load(text(63));
  const Diagnostic d = first_error(r);
  INFO(describe(d));
  CHECK(d.code == "too-deep");
  CHECK_THAT(d.pointer, StartsWith("/attributes/x"));
}

TEST_CASE("deep nesting inside an entity's attributes: too-deep, pointing into the entity", "[hostile][depth]") {
  // Levels: root 1, people 2, the person 3, attributes 4 ... attributes with 61 objects -> 64.
  const Model m = clearpath::test::load_valid(deep_attributes(61));
  CHECK(m.people().size() == 1);

  for (std::size_t levels : {62u, 70u, 1000u, 100000u}) {
    INFO("levels of attributes: " << levels);
    const LoadResult r = clearpath::test::load(deep_attributes(levels));
    const Diagnostic d = first_error(r);
    INFO(describe(d));
    CHECK(d.code == "too-deep");
    CHECK_THAT(d.pointer, StartsWith("/people/0/attributes/a/a/a"));
    CHECK(d.pointer.size() < 1000);
    CHECK(d.entity == "ana");
    CHECK(d.line == 1);
    CHECK(d.column > 0);
    CHECK(r.diagnostics.error_count() == 1);
  }
}

TEST_CASE("too-deep in attributes is placed at the first level beyond 64", "[hostile][depth]") {
  // The offending value is the 65th-level object: at column 36 + 5 * 61 + 1 = 342 (the text
  // before the attributes is 36 characters), pointer /people/0/attributes + 61 x /a, in person
  // 'ana' (whose id came before).
  const std::string text = deep_attributes(70);
  const Diagnostic d = first_error(clearpath::test::load(text));
  INFO(describe(d));
  CHECK(d.code == "too-deep");
  CHECK(d.line == 1);
  CHECK(d.column == column_of_first_level_beyond(text, 64));
  CHECK(d.column == 342);
  CHECK(d.pointer == "/people/0/attributes" + repeat("/a", 61));
  CHECK(d.entity == "ana");
}

// ---------------------------------------------------------------------------------------------
// Huge values.

TEST_CASE("a 10 MB string as a name is accepted (or rejected cleanly)", "[hostile][size]") {
  const std::string huge(10u << 20, 'x');
  const LoadResult r =
      clearpath::test::load(R"({"name": ")" + huge + R"(", "people": [{"id": "p", "name": ")" + huge + R"("}]})");
  if (r.model) {
    CHECK(r.model->name.size() == huge.size());
    REQUIRE(r.model->people().size() == 1);
    CHECK(r.model->people()[0].name.size() == huge.size());
  } else {
    CHECK(r.diagnostics.has_errors());
    for (const Diagnostic& d : r.diagnostics.items()) CHECK(d.message.size() < 1000);
  }
}

TEST_CASE("an id longer than 256 bytes: bad-id", "[hostile][size]") {
  // 256 bytes is the limit, in bytes, not characters.
  clearpath::test::load_valid(R"({"people": [{"id": ")" + std::string(256, 'i') + R"("}]})");
  clearpath::test::load_valid(R"({"people": [{"id": ")" + repeat("\xC3\xA9", 128) + R"("}]})");  // 128 x é

  for (const std::string& id : {std::string(257, 'i'), repeat("\xC3\xA9", 128) + "i", std::string(10u << 20, 'i')}) {
    INFO("id of " << id.size() << " bytes");
    const LoadResult r = clearpath::test::load(R"({"people": [{"id": ")" + id + R"("}]})");
    const Diagnostic d = first_error(r);
    INFO(describe(d));
    CHECK(d.code == "bad-id");
    CHECK(d.pointer == "/people/0/id");
    CHECK(d.line == 1);
    CHECK(d.column == 20);  // `{"people": [{"id": ` is 19 characters
    CHECK_THAT(d.message, Contains(std::to_string(id.size()) + " bytes"));
    CHECK(d.message.size() < 1000);
    CHECK(r.diagnostics.error_count() == 1);
  }
}

TEST_CASE("huge ids in references and keys give short messages", "[hostile][size]") {
  const std::string huge(1u << 20, 'z');
  const LoadResult r = clearpath::test::load(R"({"steps": [{"id": "s", "duration": 1, "depends_on": [")" + huge +
                                             R"("], ")" + huge + R"(": 1}]})");
  const Diagnostic* unknown = find_code(r, "unknown-reference");
  REQUIRE(unknown != nullptr);
  CHECK(unknown->pointer == "/steps/0/depends_on/0");
  CHECK(unknown->message.size() < 1000);
  const Diagnostic* key = find_code(r, "unknown-key");
  REQUIRE(key != nullptr);
  CHECK(key->message.size() < 1000);
  CHECK(r.diagnostics.error_count() == 1);
  CHECK(r.diagnostics.warning_count() == 1);
}

// 10^7 elements in an optimised build. Unoptimised or sanitized builds (the CI's ASan/UBSan
// configuration is Debug) take 20x longer, so they use 10^6, which checks the same thing.
#if defined(NDEBUG) && !defined(__SANITIZE_ADDRESS__)
constexpr std::size_t kGarbageElements = 10'000'000;
#else
constexpr std::size_t kGarbageElements = 1'000'000;
#endif

TEST_CASE("10^7 garbage array elements: all counted, at most kept_limit kept", "[hostile][size][slow]") {
  constexpr std::size_t n = kGarbageElements;
  std::string text = R"({"steps": [)";
  text.reserve(text.size() + 2 * n + 4);
  for (std::size_t i = 0; i < n; ++i) text += i ? ",1" : "1";
  text += "]}";
  const LoadResult r = clearpath::test::load(text);
  CHECK_FALSE(r.model.has_value());
  CHECK(r.diagnostics.error_count() == n);
  CHECK(r.diagnostics.items().size() == Diagnostics::kept_limit);
  const Diagnostic& d = r.diagnostics.items().front();
  INFO(describe(d));
  CHECK(d.code == "wrong-type");
  CHECK(d.pointer == "/steps/0");
  CHECK(d.line == 1);
  CHECK(d.column == 12);  // `{"steps": [` is 11 characters
}

// ---------------------------------------------------------------------------------------------
// Garbage, truncation, mutation.

TEST_CASE("random garbage bytes: never a crash, always an error", "[hostile][fuzz]") {
  std::mt19937 rng(20270301);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<std::size_t> length(1, 3000);
  for (int round = 0; round < 300; ++round) {
    std::string text(length(rng), '\0');
    for (char& c : text) c = static_cast<char>(byte(rng));
    INFO("round " << round);
    CHECK(clearpath::test::load(text).diagnostics.has_errors());
  }
}

TEST_CASE("random JSON-like token soup: never a crash, always an error", "[hostile][fuzz]") {
  const std::string alphabet = "{}[]\",:0123456789.eE+-truefalsn \n\\u\xC3\xA9";
  std::mt19937 rng(42);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::uniform_int_distribution<std::size_t> length(8, 3000);
  for (int round = 0; round < 300; ++round) {
    std::string text = round % 2 ? "{\"steps\": [" : "{";
    for (std::size_t n = length(rng); n > 0; --n) text += alphabet[pick(rng)];
    INFO("round " << round);
    CHECK(clearpath::test::load(text).diagnostics.has_errors());
  }
}

TEST_CASE("truncated prefixes of churn-model.json: never a crash, always an error", "[hostile][fuzz]") {
  const std::string full = clearpath::test::read_source_file("graphs/churn-model.json");
  REQUIRE(full.size() > 1000);
  clearpath::test::load_valid(full);
  std::size_t tried = 0;
  for (std::size_t len = 0; len < full.size(); len += 97, ++tried) {
    INFO("prefix of " << len << " bytes");
    const LoadResult r = clearpath::test::load(full.substr(0, len));
    CHECK(r.diagnostics.has_errors());
    CHECK_FALSE(r.model.has_value());
  }
  CHECK(tried > 100);
}

TEST_CASE("random mutations of minimal.json: never a crash, model iff no errors", "[hostile][fuzz]") {
  const std::string original = clearpath::test::read_source_file("graphs/minimal.json");
  const std::string replacements = "{}[]\",:-01e.x \\\n";
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::size_t> pick(0, replacements.size() - 1);
  std::size_t invalid = 0;
  for (int round = 0; round < 500; ++round) {
    std::string text = original;
    std::uniform_int_distribution<std::size_t> where(0, text.size() - 1);
    for (int edits = 1 + round % 4; edits > 0; --edits) {
      const std::size_t at = where(rng) % text.size();
      switch (rng() % 3) {
        case 0: text[at] = replacements[pick(rng)]; break;
        case 1: text.erase(at, 1 + rng() % 40); break;
        default: {
          // Built anew rather than insert(): g++ 12 -O3 warns falsely (-Wrestrict) on insert.
          const std::string piece = text.substr(where(rng) % text.size(), 1 + rng() % 40);
          text = text.substr(0, at) + piece + text.substr(at);
          break;
        }
      }
      if (text.empty()) text.assign(1, 'x');
    }
    INFO("round " << round);
    const LoadResult r = clearpath::test::load(text);
    CHECK(r.model.has_value() == !r.diagnostics.has_errors());
    for (const Diagnostic& d : r.diagnostics.items())
      if (d.severity == DiagnosticSeverity::error) CHECK(d.line > 0);
    invalid += r.diagnostics.has_errors() ? 1 : 0;
  }
  CHECK(invalid > 250);  // most mutations break something
}

TEST_CASE("garbage on standard input: validate exits 2", "[hostile][cli]") {
  const clearpath::test::CliRun run = clearpath::test::run({"validate", "-"}, std::string("\x00\x01{[\xff", 5));
  CHECK(run.status == 2);
  CHECK_THAT(run.err, Contains("<stdin>"));
  CHECK_THAT(run.err, Contains("error"));
}

// ---------------------------------------------------------------------------------------------
// Encoding and odd literals.

TEST_CASE("invalid UTF-8 in a string: syntax error at the bad byte", "[hostile][encoding]") {
  // `{"name": "a` is 11 characters; the byte 0xFF is the 12th.
  const Diagnostic d =
      first_error(clearpath::test::load("{\"name\": \"a\xff\xfe"
                                        "b\"}"));
  INFO(describe(d));
  CHECK(d.code == "syntax");
  CHECK(d.line == 1);
  CHECK(d.column == 12);
  CHECK_THAT(d.message, Contains("UTF-8"));

  for (const std::string& bad : {std::string("\xC0\xAF"),      // overlong '/'
                                 std::string("\xED\xA0\x80"),  // a UTF-16 surrogate
                                 std::string("\xE2\x82"),      // truncated sequence
                                 std::string("\\ud800"),       // lone surrogate escape
                                 std::string("\x80")}) {       // stray continuation byte
    INFO("bytes: " << bad.size());
    CHECK(first_error(clearpath::test::load("{\"name\": \"" + bad + "\"}")).code == "syntax");
    CHECK(first_error(clearpath::test::load("{\"" + bad + "\": 1}")).code == "syntax");
  }
}

TEST_CASE("a NUL byte or a raw control character in a string: syntax error", "[hostile][encoding]") {
  CHECK(first_error(clearpath::test::load(std::string("{\"name\": \"a\0b\"}", 15))).code == "syntax");
  CHECK(first_error(clearpath::test::load("{\"name\": \"a\x01"
                                          "b\"}"))
            .code == "syntax");
}

TEST_CASE("a UTF-8 byte order mark before a valid file is accepted", "[hostile][encoding]") {
  const Model m =
      clearpath::test::load_valid("\xEF\xBB\xBF" + clearpath::test::read_source_file("graphs/minimal.json"));
  CHECK(m.people().size() == 4);
  clearpath::test::load_valid("\xEF\xBB\xBF{}");
  // A BOM and nothing else is an empty file.
  CHECK(clearpath::test::load("\xEF\xBB\xBF").diagnostics.has_errors());
  CHECK(clearpath::test::load("\xEF\xBB\xBF  \n").diagnostics.has_errors());
  // Errors after the first line are placed as without the BOM.
  const Diagnostic d = first_error(clearpath::test::load("\xEF\xBB\xBF{\n  \"clearpath\": 3\n}"));
  INFO(describe(d));
  CHECK(d.code == "unsupported-version");
  CHECK(d.line == 2);
  CHECK(d.column == 16);
}

TEST_CASE("a byte order mark does not count as a column", "[hostile][encoding]") {
  // With a BOM, `{"clearpath": 2}` has the 2 at column 15, as an editor shows it: the BOM is not
  // part of the text.
  const Diagnostic d = first_error(clearpath::test::load("\xEF\xBB\xBF{\"clearpath\": 3}"));
  INFO(describe(d));
  CHECK(d.code == "unsupported-version");
  CHECK(d.line == 1);
  CHECK(d.column == 15);
  // A syntax error on the first line too: `{"name": x}` -- x at column 10.
  const Diagnostic s = first_error(clearpath::test::load("\xEF\xBB\xBF{\"name\": x}"));
  INFO(describe(s));
  CHECK(s.code == "syntax");
  CHECK(s.column == 10);
}

TEST_CASE("an empty file and a whitespace-only file are errors", "[hostile][empty]") {
  for (const std::string& text : {std::string(), std::string(" "), std::string("\n\n"), std::string(" \t\r\n  \n")}) {
    INFO("text of " << text.size() << " bytes");
    const LoadResult r = clearpath::test::load(text);
    const Diagnostic d = first_error(r);
    INFO(describe(d));
    CHECK(d.code == "syntax");
    CHECK_THAT(d.message, Contains("empty"));
    CHECK(r.diagnostics.error_count() == 1);
  }
  const clearpath::test::CliRun run = clearpath::test::run({"validate", "-"}, "");
  CHECK(run.status == 2);
}

TEST_CASE("NaN and Infinity literals: syntax error at the literal", "[hostile][literals]") {
  // `{"steps": [{"id": "a", "duration": ` is 35 characters: the literal starts at column 36.
  for (const char* literal : {"NaN", "Infinity", "nan", "inf", "-Infinity", "+1"}) {
    INFO("literal: " << literal);
    const LoadResult r = clearpath::test::load(std::string(R"({"steps": [{"id": "a", "duration": )") + literal + "}]}");
    const Diagnostic d = first_error(r);
    INFO(describe(d));
    CHECK(d.code == "syntax");
    CHECK(d.line == 1);
    CHECK(d.column == 36);
    CHECK(r.diagnostics.error_count() == 1);
  }
}

TEST_CASE("trailing content after the object: syntax error", "[hostile][literals]") {
  // `{"name": "x"} ` is 14 characters; the stray token starts at column 15.
  for (const char* tail : {"x", "{}", "1", "\"s\""}) {
    INFO("tail: " << tail);
    const Diagnostic d = first_error(clearpath::test::load(std::string(R"({"name": "x"} )") + tail));
    INFO(describe(d));
    CHECK(d.code == "syntax");
    CHECK(d.line == 1);
    CHECK(d.column == 15);
  }
}

TEST_CASE("a NUL byte after the object, and what follows it: syntax error at the NUL", "[hostile][literals]") {
  // Used to be valid: nlohmann's lexer reads a NUL as the end of the input.
  for (const std::string& text :
       {std::string("{\"name\":\"ab\"}\0xyz garbage", 25), std::string("{\"name\":\"ab\"}\0", 14),
        std::string("{\"name\":\"ab\"} \n\0{}", 17)}) {
    INFO("bytes: " << text.size());
    const LoadResult r = clearpath::test::load(text);
    const Diagnostic d = first_error(r);
    INFO(describe(d));
    CHECK(d.code == "syntax");
    CHECK(d.message == "syntax error: a NUL byte after the end of the JSON object; nothing may follow it");
    CHECK(d.line == (text.size() == 17 ? 2 : 1));
    CHECK(d.column == (text.size() == 17 ? 1 : 14));
    CHECK(r.diagnostics.error_count() == 1);
  }
  const clearpath::test::CliRun run =
      clearpath::test::run({"validate", "-"}, std::string("{\"name\":\"ab\"}\0xyz garbage", 25));
  CHECK(run.status == 2);
  CHECK_THAT(run.err, StartsWith("<stdin>:1:14: error: syntax error: a NUL byte after the end of the JSON object"));
}

TEST_CASE("an unterminated string of 10 MB: a short message quoting its start", "[hostile][size]") {
  // The message used to quote the whole string: one line of 10 MB (100 MB for 100 MB).
  for (const std::string& lead : {std::string(R"({"name": ")"), std::string(R"({"people": [{"id": "p", "name": ")")}) {
    const LoadResult r = clearpath::test::load(lead + std::string(10u << 20, 'x'));
    const Diagnostic d = first_error(r);
    INFO(describe(d));
    CHECK(d.code == "syntax");
    CHECK(d.message.size() < 250);
    CHECK_THAT(d.message, Contains("last read: '\"" + std::string(79, 'x') + "\u2026'"));
  }
  // Short tokens are quoted whole, as before.
  CHECK_THAT(first_error(clearpath::test::load(R"({"name": "abc)")).message, Contains("last read: '\"abc'"));
}

TEST_CASE("objects with very many keys stay linear, and a late duplicate is still found", "[hostile][keys]") {
  // 200,000 keys in one attributes object: members are kept in a vector, so duplicate
  // detection must not search it linearly for every key (that would be 2e10 comparisons).
  std::string attrs;
  for (int i = 0; i < 200000; ++i) attrs += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":1";
  const std::string head = "{\"people\": [{\"id\": \"p\", \"attributes\": {";
  const LoadResult ok = clearpath::test::load(head + attrs + "}}]}");
  REQUIRE(ok.model.has_value());
  CHECK(json_of(ok.model->people()[0].attributes).size() == 200000);
  const LoadResult dup = clearpath::test::load(head + attrs + ",\"k1234567\":2,\"k7\":3}}]}");
  const Diagnostic d = first_error(dup);
  INFO(describe(d));
  CHECK(d.code == "duplicate-key");
  CHECK(d.pointer == "/people/0/attributes/k7");
  CHECK(d.entity == "p");
  CHECK(dup.diagnostics.error_count() == 1);  // k1234567 is new (keys go up to k199999)
}

// ---------------------------------------------------------------------------------------------
// Inputs that are not files: a directory, a device, a pipe.

TEST_CASE("a directory as input: 'is a directory', not 'larger than 2048 MB'", "[hostile][read]") {
  const std::string dir = clearpath::test::temp_dir();
  CHECK_THROWS_WITH(read_input(dir), dir + ": is a directory");
  const clearpath::test::CliRun run = clearpath::test::run({"path", dir + "/"});
  CHECK(run.status == 2);
  CHECK(run.err == "clearpath: error: " + dir + "/: is a directory\n");
}

TEST_CASE("a device without end is read only up to its first NUL byte", "[hostile][read]") {
  for (const char* device : {"/dev/zero", "/dev/urandom"}) {
    INFO(device);
    const std::string text = read_input(device, std::size_t{1} << 20);
    CHECK(text.size() <= std::size_t{1} << 16);  // one chunk
    CHECK(text.find('\0') != std::string::npos);
  }
  // ... which the loader reports where it stands: /dev/zero's first byte.
  const auto r = clearpath::test::run({"validate", "/dev/zero"});
  CHECK(r.status == 2);
  CHECK_THAT(r.err, Contains("/dev/zero:1:1: error: syntax error: a NUL byte; JSON text holds none (is this a binary "
                             "file?)"));
}

TEST_CASE("XML where a model is expected says so, and names the MS Project reader", "[hostile][encoding]") {
  for (const std::string& text : {std::string("<?xml version=\"1.0\"?>\n<Project/>"), std::string("\n  <Project/>")}) {
    const auto d = first_error(clearpath::test::load(text));
    CHECK(d.code == "syntax");
    CHECK_THAT(d.message, Catch::Matchers::EndsWith("(this is XML, not a clearpath model: read an MS Project file with "
                                                    "`clearpath import mspdi FILE -o model.json`)"));
  }
  // A '<' later in a JSON text is an ordinary syntax error.
  const auto d = first_error(clearpath::test::load("{\"name\": <"));
  CHECK_THAT(d.message, !Catch::Matchers::Contains("XML"));
}

TEST_CASE("a NUL byte inside the JSON is named, where it is", "[hostile][encoding]") {
  const auto d = first_error(clearpath::test::load(std::string("{\"steps\": [\0]}", 14)));
  CHECK(d.code == "syntax");
  CHECK(d.message == "syntax error: a NUL byte; JSON text holds none (is this a binary file?)");
  CHECK(d.line == 1);
  CHECK(d.column == 12);
}

TEST_CASE("a pipe is read whole up to the limit, into a buffer no larger than the limit", "[hostile][read]") {
  // Not a power of two: a buffer grown by doubling alone would end well past it.
  constexpr std::size_t limit = 3'000'000;
  const std::string fifo = clearpath::test::temp_dir() + "/input.fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  for (const std::size_t size : {limit, limit + 1}) {
    INFO("bytes written: " << size);
    std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << std::string(size, ' '); });
    std::string text;
    bool refused = false;
    try {
      text = read_input(fifo, limit);
    } catch (const InputError& e) {
      refused = true;
      CHECK_THAT(e.what(), Contains("is larger than 2 MB"));  // after reading the last byte: the writer is done
    }
    writer.join();
    CHECK(refused == (size > limit));
    if (!refused) {
      CHECK(text.size() == limit);
      CHECK(text.capacity() <= limit + 64);
    }
  }
}
