#pragma once
// Networks built many at a time, sharing their buffers. Private to the library.
#include <vector>

#include "clearpath/schedule.hpp"

namespace clearpath {

// build_network(model, {.initiative = id}) for each of `initiatives`, in their order: each
// initiative's items and all they depend on, expected remaining durations. One pass over the
// model for all of them, then work in proportion to each network's size.
std::vector<Network> initiative_networks(const Model& model, const std::vector<Ref>& initiatives);

}  // namespace clearpath
