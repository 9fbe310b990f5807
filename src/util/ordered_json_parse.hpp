#pragma once
// Parses JSON text into nlohmann::ordered_json in linear time. nlohmann's own parse inserts each
// member of an object with a linear search for its key (ordered_map), which is quadratic in the
// number of keys: 200,000 keys take minutes. Here members are appended as they come, so the
// text must not repeat a key within an object (text clearpath wrote after its own duplicate
// check). Throws nlohmann::json::parse_error on text that is not JSON.
#include <string_view>

#include <nlohmann/json.hpp>

namespace clearpath {

nlohmann::ordered_json parse_ordered_json(std::string_view text);

}  // namespace clearpath
