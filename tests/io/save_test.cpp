// load -> save -> load gives the same model, and save is a fixed point after one round.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>

#include "clearpath/save.hpp"
#include "support/test_support.hpp"
#include "synthetic/synthetic.hpp"

using namespace clearpath;
using clearpath::test::load_valid;

TEST_CASE("save writes what was read: values, not defaults", "[save]") {
  const std::string in = R"({"clearpath": 1, "name": "x", "people": [{"id": "p", "capacity": 0.5,
      "attributes": {"a": [1, {"b": null}], "z": "\u00e9"}}],
      "steps": [{"id": "s", "owner": "p", "duration": {"optimistic": 1, "likely": 2.5, "pessimistic": 4},
                 "demands": {"p": 0.25}, "status": "done"}]})";
  const nlohmann::json out = nlohmann::json::parse(save_model(load_valid(in)));
  const nlohmann::json expected = nlohmann::json::parse(R"({"clearpath": 1, "name": "x",
      "people": [{"id": "p", "capacity": 0.5, "attributes": {"a": [1, {"b": null}], "z": "\u00e9"}}],
      "steps": [{"id": "s", "owner": "p", "duration": {"optimistic": 1, "likely": 2.5, "pessimistic": 4},
                 "demands": {"p": 0.25}, "status": "done"}]})");
  CHECK(out == expected);
}

namespace {

// Whether `saved` says what `original` says, where save may leave out a key whose value is
// the documented default.
using J = nlohmann::ordered_json;  // keeps key order, so attributes compare exactly

bool is_default(const std::string& key, const J& v) {
  static const J defaults = {{"status", {"pending", "not-started"}},
                             {"min_approvers", {1}},
                             {"capacity", {1}},
                             {"available", {true}},
                             {"legacy", {false}},
                             {"lead_time", {0}},
                             {"distinct_departments", {false}},
                             {"independent", {false}},
                             {"value_per_month", {0}},
                             {"build_cost", {0}},
                             {"run_cost_per_month", {0}},
                             {"type", {"FS"}},
                             {"lag", {0}}};
  if ((v.is_array() || v.is_object()) && v.empty()) return true;
  if (v.is_object()) {  // e.g. a rule that only restates defaults
    for (auto it = v.begin(); it != v.end(); ++it)
      if (!is_default(it.key(), it.value())) return false;
    return true;
  }
  if (!defaults.contains(key)) return false;
  for (const auto& d : defaults[key])
    if (d == v) return true;
  return false;
}

bool same_with_defaults(const J& original, const J& saved) {
  if (!original.is_object() || !saved.is_object()) {
    if (original.is_array() && saved.is_array() && original.size() == saved.size()) {
      for (std::size_t i = 0; i < original.size(); ++i)
        if (!same_with_defaults(original[i], saved[i])) return false;
      return true;
    }
    return original == saved;
  }
  for (auto it = original.begin(); it != original.end(); ++it) {
    if (!saved.contains(it.key())) {
      if (!is_default(it.key(), it.value())) return false;
    } else if (it.key() == "attributes" ? it.value() != saved[it.key()]
                                        : !same_with_defaults(it.value(), saved[it.key()])) {
      return false;
    }
  }
  for (auto it = saved.begin(); it != saved.end(); ++it)
    if (!original.contains(it.key()) && !(it.key() == "clearpath" && it.value() == 1) &&
        !(it.key() == "type" && it.value() == "FS"))  // a link object says its type
      return false;
  return true;
}

}  // namespace

TEST_CASE("round trip keeps every example graph, attributes included", "[save]") {
  for (const char* f : {"graphs/minimal.json", "graphs/churn-model.json", "graphs/fraud-rollout.json"}) {
    INFO(f);
    const std::string original = clearpath::test::read_source_file(f);
    const std::string saved = save_model(load_valid(original));
    // Everything the file says is in what was saved (defaults aside), attributes to the byte.
    CHECK(same_with_defaults(nlohmann::ordered_json::parse(original), nlohmann::ordered_json::parse(saved)));
    CHECK(save_model(load_valid(saved)) == saved);  // a fixed point
  }
}

TEST_CASE("property: synthetic models survive the round trip unchanged", "[save][property]") {
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    INFO("seed " << seed);
    const std::string text = synthetic_model({300 * seed, 40 * seed, seed});
    const Model m = load_valid(text);
    const std::string saved = save_model(m);
    CHECK(same_with_defaults(J::parse(text), J::parse(saved)));
    CHECK(save_model(load_valid(saved)) == saved);
  }
}

TEST_CASE("the round-trip comparison itself notices a changed value", "[save]") {
  CHECK(same_with_defaults(J::parse(R"({"a": [{"status": "pending"}]})"), J::parse(R"({"a": [{}]})")));
  CHECK_FALSE(same_with_defaults(J::parse(R"({"a": [{"status": "done"}]})"), J::parse(R"({"a": [{}]})")));
  CHECK_FALSE(same_with_defaults(J::parse(R"({"a": [1, 2]})"), J::parse(R"({"a": [2, 1]})")));
  CHECK_FALSE(same_with_defaults(J::parse(R"({"attributes": {"x": 1, "y": 2}})"),
                                 J::parse(R"({"attributes": {"y": 2, "x": 1}})")));  // order kept
}

TEST_CASE("write_file_atomically replaces the file whole and leaves no temporary", "[save]") {
  const std::string dir = clearpath::test::temp_dir();
  const std::string path = dir + "/out.json";
  write_file_atomically(path, "first");
  write_file_atomically(path, "second");
  CHECK(read_input(path) == "second");
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++files;
  CHECK(files == 1);
  CHECK_THROWS_AS(write_file_atomically(dir + "/no/such/dir/x", "x"), InputError);
}

TEST_CASE("write_file_atomically writes to a device in place and never replaces it", "[save]") {
  // -o /dev/null must discard the output, not turn /dev/null into a plain file (as root,
  // renaming a temporary file onto it would).
  write_file_atomically("/dev/null", "discarded");
  CHECK(std::filesystem::is_character_file("/dev/null"));
  CHECK(read_input("/dev/null").empty());
}
