#pragma once
// The normalised file (clearpath export --format json) in parts, for clearpath diff: the file's
// own fields, one entity, and a fingerprint to tell cheaply whether two entities are the same.
// Private to the library.
#include <string>

#include <nlohmann/json.hpp>

#include "clearpath/model.hpp"

namespace clearpath {

// The members before the entity arrays: "clearpath" (the format version), name, description,
// calendar, status_date, attributes; the lists that are sets sorted when `normalise`.
nlohmann::ordered_json file_fields(const Model& m, bool normalise);

// The whole file as save_model writes it (normalised or not), before it is printed.
nlohmann::ordered_json model_json(const Model& m, bool normalise);

// The entity `r` as the normalised file has it.
nlohmann::ordered_json normalised_entity(const Model& m, Ref r);

// Appends to `out` a compact encoding of the entity `r` as the normalised file has it: two
// entities with the same fingerprint have the same normalised JSON. (Two with different ones
// usually differ too, but not always: -0 and 0 are written alike.) Much cheaper than the JSON.
void entity_fingerprint(const Model& m, Ref r, std::string& out);

}  // namespace clearpath
