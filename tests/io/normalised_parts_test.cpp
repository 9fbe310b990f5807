// The normalised file in parts (src/io/json/normalised_parts.hpp): clearpath diff trusts an
// equal fingerprint to mean an unchanged entity, so every field of every kind must count in it.
// Each example is changed one member at a time (removed, a number moved, a list reversed), and
// for every entity of both versions the fingerprints must agree exactly when the JSON agrees.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "clearpath/load.hpp"
#include "clearpath/save.hpp"
#include "io/json/normalised_parts.hpp"
#include "support/test_support.hpp"

using namespace clearpath;
using json = nlohmann::ordered_json;

namespace {

std::string fingerprint(const Model& m, Ref r) {
  std::string out;
  entity_fingerprint(m, r, out);
  return out;
}

// Every variant of `value` with one member changed: each member removed, each number moved by
// one, each list of two or more reversed; objects (a rule, a duration) recursively.
void variants(json& value, const std::function<void()>& visit) {
  if (!value.is_object()) return;
  std::vector<std::string> keys;
  for (const auto& [key, member] : value.items()) keys.push_back(key);
  for (const std::string& key : keys) {
    if (key == "id") continue;
    json saved = value[key];
    value.erase(key);
    visit();
    value[key] = saved;  // back, at the end: the order of members is not compared
    json& member = value[key];
    if (member.is_number()) {
      member = member.get<double>() + 1;
      visit();
      member = saved;
    } else if (member.is_array() && member.size() > 1) {
      std::reverse(member.begin(), member.end());
      visit();
      member = saved;
    } else if (member.is_array()) {
      for (json& item : member) variants(item, visit);
    } else if (member.is_object()) {
      variants(member, visit);
    }
  }
}

struct Tally {
  int variants = 0;   // valid models made
  int differing = 0;  // entities whose JSON changed
  int same = 0;       // entities whose JSON did not
};

void check_against(const Model& original, const Model& changed, Tally& tally) {
  for (std::size_t k = 0; k < changed.entity_count(); ++k) {
    const Ref r = static_cast<Ref>(k);
    const std::optional<Ref> o = original.find(changed.id(r));
    if (!o || original.kind(*o) != changed.kind(r)) continue;
    const bool same_json = normalised_entity(original, *o) == normalised_entity(changed, r);
    INFO(changed.id(r) << ": " << normalised_entity(changed, r).dump());
    CHECK((fingerprint(original, *o) == fingerprint(changed, r)) == same_json);
    ++(same_json ? tally.same : tally.differing);
  }
}

}  // namespace

TEST_CASE("normalised parts: the fingerprint changes exactly when the entity's normalised JSON does",
          "[normalised][property]") {
  for (const char* example : {"graphs/churn-model.json", "graphs/fraud-rollout.json"}) {
    INFO(example);
    const std::string text = test::read_source_file(example);
    const Model original = test::load_valid(text);
    json file = json::parse(text);
    Tally tally;
    for (const char* array : {"people", "departments", "systems", "initiatives", "approvals", "steps"}) {
      if (!file.contains(array)) continue;
      for (json& e : file[array]) {
        variants(e, [&] {
          const LoadResult r = load_model(file.dump());
          if (!r.model) return;  // a required member, or a reference the file needs
          ++tally.variants;
          check_against(original, *r.model, tally);
        });
      }
    }
    CHECK(tally.variants > 100);
    CHECK(tally.differing > 100);
    CHECK(tally.same > tally.differing);
  }
}

TEST_CASE("normalised parts: an entity as JSON is the entity as the normalised file has it", "[normalised]") {
  const Model m = test::load_valid(test::read_source_file("graphs/fraud-rollout.json"));
  SaveOptions o;
  o.normalise = true;
  const json file = json::parse(save_model(m, o));
  int compared = 0;
  for (const char* array : {"people", "departments", "systems", "initiatives", "approvals", "steps"})
    for (const json& e : file.value(array, json::array())) {
      CHECK(normalised_entity(m, *m.find(e["id"].get<std::string>())) == e);
      ++compared;
    }
  CHECK(compared == static_cast<int>(m.entity_count()));
  // The file's own fields are the members before the entity arrays.
  json head = file;
  for (const char* array : {"people", "departments", "systems", "initiatives", "approvals", "steps"}) head.erase(array);
  CHECK(file_fields(m, true) == head);
}
