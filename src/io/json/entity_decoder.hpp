#pragma once
// Turns one parsed JSON value (an entity, or a top-level field) into typed model data,
// reporting every problem with its JSON pointer. Private to the library.
#include <string>

#include <nlohmann/json.hpp>

#include "clearpath/diagnostic.hpp"
#include "clearpath/entities.hpp"
#include "clearpath/model_builder.hpp"

namespace clearpath {

inline constexpr std::size_t kMaxIdBytes = 256;

class EntityDecoder {
 public:
  EntityDecoder(ModelBuilder& builder, Diagnostics& diagnostics) : builder_(builder), diagnostics_(diagnostics) {}

  // `value` is element `index` of the array of `kind`; consumed (attributes are moved out).
  void decode(EntityKind kind, std::size_t index, nlohmann::ordered_json&& value);
  // A value of the top-level object: name, description, calendar, attributes, clearpath, ...
  void decode_top_level(const std::string& key, nlohmann::ordered_json&& value);

 private:
  ModelBuilder& builder_;
  Diagnostics& diagnostics_;
};

// True for a valid calendar date written YYYY-MM-DD.
bool is_iso_date(std::string_view text) noexcept;
// True for a side name: a lower-case letter, then lower-case letters, digits, '-' or '_';
// at most 64 characters.
bool is_side_name(std::string_view text) noexcept;

}  // namespace clearpath
