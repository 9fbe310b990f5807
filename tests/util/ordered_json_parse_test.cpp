#include "util/ordered_json_parse.hpp"

#include <catch2/catch.hpp>
#include <string>

using clearpath::parse_ordered_json;

TEST_CASE("parse_ordered_json: keys keep their order, at every depth", "[util][json]") {
  const std::string text = R"({"b":1,"a":[true,null,{"z":"x","c":-2}],"d":1.5,"e":{},"f":[],"g":18446744073709551615})";
  const nlohmann::ordered_json v = parse_ordered_json(text);
  CHECK(v.dump() == text);
  CHECK(v["a"][2].begin().key() == "z");
  CHECK(v["g"].is_number_unsigned());
  CHECK(parse_ordered_json("7") == 7);
  CHECK(parse_ordered_json("\"\\u00e9\"").get<std::string>() == std::string("\xc3\xa9"));
}

TEST_CASE("parse_ordered_json: text that is not JSON is a parse_error", "[util][json]") {
  CHECK_THROWS_AS(parse_ordered_json("{\"a\":"), nlohmann::ordered_json::parse_error);
  CHECK_THROWS_AS(parse_ordered_json("[1,]"), nlohmann::ordered_json::parse_error);
  CHECK_THROWS_AS(parse_ordered_json(""), nlohmann::ordered_json::parse_error);
}

TEST_CASE("parse_ordered_json: an object of 200,000 keys keeps them all, in order", "[util][json]") {
  std::string text = "{";
  for (int i = 0; i < 200000; ++i) text += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":" + std::to_string(i);
  text += "}";
  const nlohmann::ordered_json v = parse_ordered_json(text);
  REQUIRE(v.size() == 200000);
  CHECK(v.begin().key() == "k0");
  CHECK((--v.end()).key() == "k199999");
  CHECK(v.dump() == text);
}
