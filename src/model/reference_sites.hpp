#pragma once
// Every place an entity names another, with the JSON pointer it came from. Private.
#include <string>

#include "clearpath/model.hpp"

namespace clearpath {

inline constexpr unsigned kind_bit(EntityKind k) { return 1u << static_cast<unsigned>(k); }

struct ReferenceSite {
  EntityKind from_kind;
  std::size_t from_index;     // position in its kind's list
  const char* field;          // "depends_on", "rule/slots", "demands", ...
  long element;               // index in a list field; -1 for a single reference
  const char* subfield;       // "department" for rule slots; nullptr otherwise
  Ref target;
  unsigned allowed;           // kind_bit()s the target may have
  const char* expected;       // "a person", "a step or an approval", ...

  // "/steps/12/depends_on/0" (demands: "/steps/12/demands/<target id>").
  std::string pointer(const Model& m) const;
  const EntityBase& from(const Model& m) const;
};

// Calls fn(const ReferenceSite&) for every reference of every entity, in file order.
template <class Fn>
void for_each_reference(const Model& m, Fn&& fn);

}  // namespace clearpath

#include "model/reference_sites_impl.hpp"
