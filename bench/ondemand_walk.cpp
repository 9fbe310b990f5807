// The reference for issue 15's loading target: simdjson On-Demand visiting every value of a
// file (keys, strings as views of the text, numbers parsed, booleans, nulls) and building
// nothing. A loader cannot be faster than this; clearpath's is measured against it.
//
//   ondemand_walk FILE     prints the number of values visited
#include <cstdio>

#include <simdjson.h>

namespace {

namespace od = simdjson::ondemand;

std::size_t walk(od::value v) {
  std::size_t n = 1;
  switch (v.type()) {
    case od::json_type::object:
      for (auto field : v.get_object()) n += walk(field.value());
      break;
    case od::json_type::array:
      for (auto item : v.get_array()) n += walk(item.value());
      break;
    case od::json_type::string: n += v.raw_json_token().size() > 0 ? 0 : 1; break;
    case od::json_type::number: n += double(v.get_double()) < 0 ? 1 : 0; break;
    case od::json_type::boolean: n += bool(v.get_bool()) ? 0 : 1; break;
    case od::json_type::null: n += v.is_null() ? 0 : 1; break;
  }
  return n;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: ondemand_walk FILE\n");
    return 2;
  }
  try {
    const simdjson::padded_string text = simdjson::padded_string::load(argv[1]);
    od::parser parser;
    od::document doc = parser.iterate(text);
    std::size_t n = 0;
    for (auto field : doc.get_object()) n += walk(field.value());
    std::printf("%zu values\n", n);
  } catch (const simdjson::simdjson_error& e) {
    std::fprintf(stderr, "ondemand_walk: %s\n", e.what());
    return 1;
  }
  return 0;
}
