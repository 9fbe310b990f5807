#pragma once
// Free-form attributes of an entity or of the model file: a JSON object, kept as its compact
// text with the keys in the order they were given, so that save and export write it back
// unchanged. clearpath itself reads only a few top-level members of the model's attributes
// ("as_of"); everything else is for the people who wrote them.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace clearpath {

struct AttributesAccess;  // private: src/io/json/attributes_json.hpp

class Attributes {
 public:
  Attributes() noexcept = default;  // none given
  Attributes(const Attributes& other);
  Attributes& operator=(const Attributes& other);
  Attributes(Attributes&&) noexcept = default;
  Attributes& operator=(Attributes&&) noexcept = default;
  ~Attributes();

  // The attributes written as `json`, which must be a JSON object ({"ticket": "CHG-1"});
  // throws std::invalid_argument otherwise. Kept compact, with its keys in their order.
  static Attributes from_json(std::string_view json);

  // Whether attributes were given at all ({} counts: it is written back as {}).
  bool has_value() const noexcept { return text_ != nullptr; }
  bool empty() const noexcept { return text_ == nullptr; }
  // The compact JSON text of the object ({"a":1}); "" when there are none.
  const std::string& json() const noexcept;
  // The top-level member `key` when it holds a string ("as_of": "2027-03-01"); nullopt when
  // it is absent or holds another type.
  std::optional<std::string> string_member(std::string_view key) const;

  friend bool operator==(const Attributes& a, const Attributes& b) noexcept {
    return a.has_value() == b.has_value() && a.json() == b.json();
  }

 private:
  friend struct AttributesAccess;
  // Null when none: most entities have no attributes, and a pointer costs 8 bytes each.
  std::unique_ptr<const std::string> text_;
};

}  // namespace clearpath
