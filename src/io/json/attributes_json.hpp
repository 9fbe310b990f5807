#pragma once
// Attributes to and from nlohmann's JSON values, for the loader, save, the GraphML export and
// the HR import. Private to the library.
#include <nlohmann/json.hpp>

#include "clearpath/attributes.hpp"
#include "util/ordered_json_parse.hpp"

namespace clearpath {

struct AttributesAccess {
  // `object` must be a JSON object; it came from a parse, so it is valid JSON with valid UTF-8
  // strings and needs no second check.
  static Attributes of(const nlohmann::ordered_json& object) {
    Attributes a;
    a.text_ = std::make_unique<const std::string>(object.dump());
    return a;
  }
};

inline Attributes attributes_of(const nlohmann::ordered_json& object) { return AttributesAccess::of(object); }

// The object again (null when there are no attributes), keys in their order; linear in its
// size (the text has no repeated key).
inline nlohmann::ordered_json json_of(const Attributes& a) {
  return a.has_value() ? parse_ordered_json(a.json()) : nlohmann::ordered_json();
}

}  // namespace clearpath
