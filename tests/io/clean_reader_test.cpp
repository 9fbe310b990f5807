// The fast clean reader (src/io/json/clean_reader.hpp) against the precise one: a clean file
// must give exactly the precise reader's model, Refs included, and anything else must fall
// back, so that load_model's result is the precise reader's for every input.
#include <cmath>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "clearpath/save.hpp"
#include "io/json/clean_reader.hpp"
#include "io/json/load_in_place.hpp"
#include "support/test_support.hpp"
#include "synthetic/synthetic.hpp"

namespace {

using namespace clearpath;

CleanRead clean_read(const std::string& text) {
  std::string padded = text + std::string(simdjson::SIMDJSON_PADDING, '\0');
  ModelBuilder builder;
  return read_clean_model(std::string_view(padded.data(), text.size()), builder);
}

std::string describe(const LoadResult& r) {
  std::string s;
  for (const Diagnostic& d : r.diagnostics.items())
    s += std::to_string(static_cast<int>(d.severity)) + " " + d.code + " " + d.pointer + " [" + d.entity + "] " +
         std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.message + "\n";
  s += "errors " + std::to_string(r.diagnostics.error_count()) + " warnings " +
       std::to_string(r.diagnostics.warning_count()) + "\n";
  for (const DependencyCycle& c : r.cycles) {
    for (const std::string& id : c.ids) s += id + " ";
    s += "\n";
  }
  if (!r.model) return s + "no model\n";
  for (Ref ref = 0; ref < r.model->entity_count(); ++ref) s += r.model->id(ref) + "\n";
  return s + save_model(*r.model);
}

// load_model and the precise reader agree on `text`, to the byte.
void check_agrees(const std::string& text) {
  const std::string fast = describe(load_model(text));
  const std::string precise = describe(load_model_precisely(text));
  INFO(text.substr(0, 400));
  REQUIRE(fast == precise);
}

std::vector<std::string> example_models() {
  std::vector<std::string> texts;
  for (const char* f : {"graphs/churn-model.json", "graphs/minimal.json", "graphs/fraud-rollout.json",
                        "tests/data/export/hostile.json"})
    texts.push_back(test::read_source_file(f));
  return texts;
}

}  // namespace

TEST_CASE("the example models are clean, and read clean exactly as the precise reader reads them", "[load][clean]") {
  for (const std::string& text : example_models()) {
    CHECK(clean_read(text) == CleanRead::clean);
    check_agrees(text);
  }
}

TEST_CASE("generated models of every shape read clean, with the same Refs as the precise reader", "[load][clean]") {
  for (unsigned seed : {1u, 7u, 42u}) {
    SyntheticOptions options;
    options.steps = 400;
    options.people = 60;
    options.gates = seed == 7u ? 12 : 0;
    options.seed = seed;
    const std::string text = synthetic_model(options);
    CHECK(clean_read(text) == CleanRead::clean);
    check_agrees(text);
  }
}

TEST_CASE("links with types and lags read clean, as the precise reader reads them", "[load][clean][links]") {
  const std::string text = R"({"clearpath": 2, "calendar": {"start": "2027-03-01"},
    "approvals": [{"id": "g", "depends_on": [{"on": "a", "type": "SS"}], "deadline": "2027-06-30"}],
    "steps": [{"id": "a", "duration": 2}, {"id": "b", "duration": 1, "depends_on": ["a", {"on": "g", "type": "FF",
    "lag": 1.5}, {"lag": -0, "on": "a", "type": "SF"}]}, {"id": "c", "duration": 1, "not_before": "2027-04-01",
    "depends_on": [{"on": "b"}]}]})";
  CHECK(clean_read(text) == CleanRead::clean);
  check_agrees(text);
  const Model m = test::load_valid(text);
  CHECK(m.steps()[1].link_timing ==
        std::vector<LinkTiming>{{}, {LinkType::finish_to_finish, 1.5}, {LinkType::start_to_finish, 0}});
  CHECK(std::signbit(m.steps()[1].link_timing[2].lag) == false);
  CHECK(m.steps()[2].link_timing.empty());
  CHECK(m.approvals()[0].link_timing == std::vector<LinkTiming>{{LinkType::start_to_start, 0}});
  CHECK(m.approvals()[0].dates.deadline.iso() == "2027-06-30");
  CHECK(m.steps()[2].dates.not_before.iso() == "2027-04-01");
}

TEST_CASE("escapes in keys and strings read clean, surrogate pairs included", "[load][clean]") {
  const std::string text =
      R"({"people": [{"id": "tr\\ail\""}], "steps": [{"i\u0064": "s\"\\", "name": "\ud83d\ude00 \u00e9\n",)"
      R"( "duration": 1, "demands": {"tr\\ail\"": 1}}]})";
  CHECK(clean_read(text) == CleanRead::clean);
  check_agrees(text);
  const Model m = test::load_valid(text);
  CHECK(m.steps()[0].id == "s\"\\");
  CHECK(m.steps()[0].name == "\xF0\x9F\x98\x80 \xC3\xA9\n");
  CHECK(m.id(m.steps()[0].demands[0].resource) == "tr\\ail\"");
}

TEST_CASE("anything the precise reader would report makes the clean reader give up", "[load][clean]") {
  const std::string step = R"({"id": "s", "duration": 1})";
  const std::vector<std::string> not_clean = {
      R"({"steps": [{"id": "s", "duration": 1, "colour": "red"}]})",  // unknown key: a warning
      R"({"steps": [{"id": "s", "duration": 1, "duration": 2}]})",    // repeated key
      R"({"steps": [{"id": "s", "duration": -1}]})",                  // out of range
      R"({"steps": [{"id": "s", "duration": "1"}]})",                 // wrong type
      R"({"steps": [{"id": "s"}]})",                                  // missing duration
      R"({"steps": [{"id": "", "duration": 1}]})",                    // empty id
      R"({"steps": [{"duration": 1}]})",                              // no id
      R"({"steps": [{"id": "s", "duration": {"optimistic": 3, "likely": 2, "pessimistic": 4}}]})",
      R"({"steps": [{"id": "s", "duration": 1, "demands": {"a": 1, "a": 2}}]})",  // repeated resource
      R"({"steps": [{"id": "s", "duration": 1, "demands": {"": 1}}]})",
      R"({"steps": [{"id": "s", "duration": 1, "status": "finished"}]})",
      R"({"steps": [{"id": "s\ud800", "duration": 1}]})",  // lone surrogate escape
      R"({"steps": [{"id": "s", "duration": 1, "attributes": {"a": 1, "a": 2}}]})",
      R"({"people": [{"id": "p", "capacity": 1.5}]})", R"({"departments": [{"id": "d", "side": "IT"}]})",
      R"({"approvals": [{"id": "a", "rule": {"slots": [{}]}}]})",  // empty slot
      R"({"approvals": [{"id": "a", "rule": {"min_approvers": 1.5}}]})", R"({"clearpath": 3})",
      R"({"steps": [{"id": "s", "duration": 1, "depends_on": [{"on": "s2", "type": "XX"}]}]})",  // unknown link type
      R"({"steps": [{"id": "s", "duration": 1, "depends_on": [{"type": "SS"}]}]})",              // no "on"
      R"({"steps": [{"id": "s", "duration": 1, "depends_on": [{"on": "s2", "lag": "1"}]}]})",
      R"({"steps": [{"id": "s", "duration": 1, "depends_on": [{"on": "s2", "on": "s3"}]}]})",
      R"({"steps": [{"id": "s", "duration": 1, "depends_on": [{"on": "s2", "why": 1}]}]})",
      R"({"steps": [{"id": "s", "duration": 1, "deadline": "2027-02-29"}]})",
      // Not JSON, though simdjson 3.0 iterates them when a string value is only peeked at.
      R"({"steps": [{"id": "a", "duration": 1}, {"id": "b", "duration": 1, "depends_on": [ "on": "a"}]}]})",
      R"({"people": [{"id": "a", "title": "x" ]}]})", R"({"people": [{"id": "p", "roles": ["x": "y"}]}]})",
      R"({"approvals": [{"id": "a", "not_before": 1}]})", R"({"calendar": {"start": "2027-02-30"}})",
      R"({"name": "a", "name": "b"})", R"({"steps": {}})", R"({"steps": [1]})", R"({"extra": 1})",
      "{\"steps\": [" + step + "," + step + "]}",  // duplicate id
  };
  for (const std::string& text : not_clean) {
    INFO(text);
    CHECK(clean_read(text) != CleanRead::clean);
    check_agrees(text);
  }
  for (const std::string& text :
       {std::string("{} x"), std::string("{\"steps\": [}"), std::string(R"({"initiatives": [ ]  { "id": "i" } ]})"),
        std::string("[]"), std::string("{\"a\": 1e400}"), std::string("\"x\"")}) {
    INFO(text);
    CHECK(clean_read(text) != CleanRead::clean);
    check_agrees(text);
  }
}

TEST_CASE("every error fixture gives the precise reader's diagnostics through load_model", "[load][clean]") {
  for (const auto& entry : std::filesystem::directory_iterator(test::source_path("tests/data/errors"))) {
    INFO(entry.path().string());
    check_agrees(test::read_source_file("tests/data/errors/" + entry.path().filename().string()));
  }
}

// Random small edits of real models, each read both ways: byte deletions and insertions,
// interesting characters, numbers made huge, keys repeated, values turned into other types.
TEST_CASE("random edits of real models: load_model always agrees with the precise reader", "[load][clean][property]") {
  const std::vector<std::string> bases = example_models();
  const std::string inserts[] = {"\"",    "{",   "}",    "[",       "]",    ",",        ":",
                                 "1e400", "-",   "\\",   "\\u00e9", "null", "\"x\":1,", "\"id\":\"p\",",
                                 " ",     "0.5", "true", "\"\"",    "\x7f", "\xc3"};
  std::mt19937 rng(20261203);
  for (int round = 0; round < 1500; ++round) {
    std::string text = bases[rng() % bases.size()];
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = rng() % text.size();
      switch (rng() % 3) {
        case 0: text.erase(at, 1 + rng() % 4); break;
        case 1: text.insert(at, inserts[rng() % std::size(inserts)]); break;
        default: text[at] = inserts[rng() % std::size(inserts)][0]; break;
      }
    }
    check_agrees(text);
  }
}

TEST_CASE("a file cut short at any byte: load_model gives the precise reader's error", "[load][clean][truncated]") {
  for (const char* file : {"graphs/minimal.json", "tests/data/export/hostile.json"}) {
    const std::string text = test::read_source_file(file);
    for (std::size_t cut = 0; cut < text.size(); ++cut) check_agrees(text.substr(0, cut));
  }
}

TEST_CASE("a file cut short inside an entity: the clean read says which entity, and where it starts",
          "[load][clean][truncated]") {
  const std::string text = test::read_source_file("graphs/minimal.json");
  const std::size_t train = text.find("{ \"id\": \"train\"");
  REQUIRE(train != std::string::npos);
  for (std::size_t cut : {train + 1, train + 12, train + 40}) {  // after '{', inside the id, after a key
    std::string cut_text = text.substr(0, cut) + std::string(simdjson::SIMDJSON_PADDING, '\0');
    ModelBuilder builder;
    CleanStop stop;
    CHECK(read_clean_model(std::string_view(cut_text.data(), cut), builder, &stop) != CleanRead::clean);
    CHECK(stop.offset == train);
    CHECK(stop.kind == EntityKind::step);
    CHECK(stop.index == 1);
  }
}

// ---------------------------------------------------------------------------------------------
// Files of 8 MB and more: their steps (after the first 64) are read on one thread and built on
// another (clean_steps.cpp). Same Refs, same model, same messages as the precise reader.

namespace {

std::string large_model() {
  SyntheticOptions options;
  options.steps = 60'000;
  options.people = 3'000;
  options.gates = 40;
  options.seed = 11;
  std::string text = synthetic_model(options);
  REQUIRE(text.size() >= (std::size_t{8} << 20));
  return text;
}

// The text with the id of the step `s<n>` replaced (its definition only, not mentions).
std::string rename_step(std::string text, int n, const std::string& id) {
  const std::string from = "{\"id\":\"s" + std::to_string(n) + "\"";
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), "{\"id\":\"" + id + "\"");
}

}  // namespace

TEST_CASE("a large file's steps built on a second thread: the precise reader's model, to the byte",
          "[load][clean][pipeline]") {
  const std::string text = large_model();
  CHECK(clean_read(text) == CleanRead::clean);
  check_agrees(text);
}

TEST_CASE("a large file with a step the builder's thread refuses: the precise reader's messages",
          "[load][clean][pipeline]") {
  const std::string text = large_model();
  // A late step takes the id of an early one (defined twice), or an id with a control character.
  const std::string twice = rename_step(text, 55'000, "s10");
  CHECK(clean_read(twice) == CleanRead::not_clean);
  check_agrees(twice);
  check_agrees(rename_step(text, 59'990, "bad\\u0001id"));
  // ... and the file is also cut short further on: the read stops at the refused step first.
  check_agrees(twice.substr(0, twice.size() - 200));
}

TEST_CASE("calendar working_days: read clean as the precise reader reads them, and bad lists fall back to its errors",
          "[load][clean][calendar]") {
  const std::string good =
      R"({"clearpath": 2, "calendar": {"start": "2027-03-01", "working_days": ["sat", "mon", "tue"]}})";
  CHECK(clean_read(good) == CleanRead::clean);
  check_agrees(good);
  const LoadResult r = load_model(good);
  REQUIRE(r.model);
  CHECK(r.model->calendar.working_days == std::vector<std::string>{"sat", "mon", "tue"});
  // Saved in the order of the week, as format version 2.
  CHECK_THAT(
      save_model(*r.model),
      Catch::Matchers::Contains(R"("clearpath": 2)") &&
          Catch::Matchers::Contains("\"working_days\": [\n      \"mon\",\n      \"tue\",\n      \"sat\"\n    ]"));
  for (const char* bad : {R"({"calendar": {"working_days": ["mon", "Mon"]}})",
                          R"({"calendar": {"working_days": ["mon", "mon"]}})", R"({"calendar": {"working_days": []}})",
                          R"({"calendar": {"working_days": "mon"}})", R"({"calendar": {"working_days": [1]}})"}) {
    INFO(bad);
    CHECK(clean_read(bad) != CleanRead::clean);
    check_agrees(bad);
    CHECK_FALSE(load_model(bad).model);
  }
}
