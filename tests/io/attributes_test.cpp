// Attributes: the opaque JSON object carried by entities and the model.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "clearpath/attributes.hpp"
#include "clearpath/save.hpp"
#include "io/json/attributes_json.hpp"
#include "support/test_support.hpp"

using namespace clearpath;

TEST_CASE("attributes: none, an empty object, and JSON text kept compact in key order", "[attributes]") {
  const Attributes none;
  CHECK_FALSE(none.has_value());
  CHECK(none.empty());
  CHECK(none.json().empty());
  CHECK_FALSE(none.string_member("as_of"));
  CHECK(json_of(none).is_null());

  const Attributes braces = Attributes::from_json(" { } ");
  CHECK(braces.has_value());
  CHECK(braces.json() == "{}");
  CHECK_FALSE(braces == none);

  const Attributes a = Attributes::from_json(R"({"z": 1, "as_of": "2027-03-01", "a": [1.5, {"b": null}], "n": 7})");
  CHECK(a.json() == R"({"z":1,"as_of":"2027-03-01","a":[1.5,{"b":null}],"n":7})");
  CHECK(a.string_member("as_of") == "2027-03-01");
  CHECK_FALSE(a.string_member("n"));  // not a string
  CHECK_FALSE(a.string_member("missing"));
  const Attributes copy = a;
  CHECK(copy == a);
  CHECK(copy.json() == a.json());
}

TEST_CASE("attributes: anything but a JSON object is refused", "[attributes]") {
  CHECK_THROWS_AS(Attributes::from_json("[1, 2]"), std::invalid_argument);
  CHECK_THROWS_AS(Attributes::from_json("\"text\""), std::invalid_argument);
  CHECK_THROWS_AS(Attributes::from_json("{\"a\": }"), std::invalid_argument);
  CHECK_THROWS_AS(Attributes::from_json(""), std::invalid_argument);
}

TEST_CASE("attributes: loaded and saved back byte for byte, key order and numbers kept", "[attributes]") {
  const std::string text = R"({
  "clearpath": 1,
  "attributes": {
    "z": 1.0,
    "big": 12345678901234567890,
    "neg": -3,
    "a": {
      "y": "é",
      "x": []
    }
  },
  "people": [
    {
      "id": "p",
      "attributes": {}
    }
  ]
}
)";
  const Model m = clearpath::test::load_valid(text);
  CHECK(m.attributes.json() == R"({"z":1.0,"big":12345678901234567890,"neg":-3,"a":{"y":"é","x":[]}})");
  CHECK(m.people()[0].attributes.json() == "{}");
  CHECK(save_model(m) == text);
}
