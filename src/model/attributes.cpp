#include "clearpath/attributes.hpp"

#include <stdexcept>

#include <nlohmann/json.hpp>

#include "util/ordered_json_parse.hpp"

namespace clearpath {

namespace {
const std::string kNone;
}  // namespace

Attributes::Attributes(const Attributes& other)
    : text_(other.text_ ? std::make_unique<const std::string>(*other.text_) : nullptr) {}

Attributes& Attributes::operator=(const Attributes& other) {
  if (this != &other) text_ = other.text_ ? std::make_unique<const std::string>(*other.text_) : nullptr;
  return *this;
}

Attributes::~Attributes() = default;

Attributes Attributes::from_json(std::string_view json) {
  nlohmann::ordered_json value;
  try {
    value = nlohmann::ordered_json::parse(json);
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(std::string("attributes: not valid JSON: ") + e.what());
  }
  if (!value.is_object()) throw std::invalid_argument("attributes must be a JSON object");
  Attributes a;
  a.text_ = std::make_unique<const std::string>(value.dump());
  return a;
}

const std::string& Attributes::json() const noexcept { return text_ ? *text_ : kNone; }

std::optional<std::string> Attributes::string_member(std::string_view key) const {
  if (!text_) return std::nullopt;
  const nlohmann::ordered_json value = parse_ordered_json(*text_);
  const auto it = value.find(std::string(key));
  if (it == value.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

}  // namespace clearpath
