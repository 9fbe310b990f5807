#pragma once
// Where an entity sits in the model file, as a JSON pointer. Private to the library.
#include <cstddef>
#include <string>

#include "clearpath/entities.hpp"
#include "util/text.hpp"

namespace clearpath {

// "/steps/12": where an entity of that kind sits in the file.
inline std::string entity_pointer(EntityKind kind, std::size_t source_index) {
  return pointer_join(pointer_join("", kind_array(kind)), source_index);
}

}  // namespace clearpath
