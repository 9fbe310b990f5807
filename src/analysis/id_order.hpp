#pragma once
// Entities ordered by id: the tie-break of every analysis, so that no output depends on the
// order of the file. Private to the library.
#include <algorithm>
#include <vector>

#include "clearpath/model.hpp"

namespace clearpath {

inline bool id_less(const Model& m, Ref a, Ref b) { return m.id(a) < m.id(b); }

// Sorts by id and drops repeats.
inline void sort_unique_by_id(const Model& m, std::vector<Ref>& refs) {
  std::sort(refs.begin(), refs.end(), [&](Ref a, Ref b) { return id_less(m, a, b); });
  refs.erase(std::unique(refs.begin(), refs.end()), refs.end());
}

}  // namespace clearpath
