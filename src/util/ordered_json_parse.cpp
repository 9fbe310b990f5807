#include "util/ordered_json_parse.hpp"

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace clearpath {
namespace {

using ojson = nlohmann::ordered_json;
// ordered_map is a vector of pairs: appending to it skips the search for the key.
using MemberVector = std::vector<std::pair<const std::string, ojson>>;

// Builds the value bottom-up: each open array or object waits on a stack, with the key its
// next member goes under.
class LinearBuilder : public nlohmann::json_sax<ojson> {
 public:
  ojson take() { return std::move(root_); }

  bool null() override { return add(ojson(nullptr)); }
  bool boolean(bool v) override { return add(ojson(v)); }
  bool number_integer(number_integer_t v) override { return add(ojson(v)); }
  bool number_unsigned(number_unsigned_t v) override { return add(ojson(v)); }
  bool number_float(number_float_t v, const string_t&) override { return add(ojson(v)); }
  bool string(string_t& v) override { return add(ojson(std::move(v))); }
  bool binary(binary_t& v) override { return add(ojson::binary(std::move(v))); }
  bool start_object(std::size_t) override { return open(ojson::object()); }
  bool key(string_t& k) override {
    open_.back().key = std::move(k);
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(ojson::array()); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    if (const auto* pe = dynamic_cast<const ojson::parse_error*>(&e)) throw *pe;
    throw std::runtime_error(e.what());
  }

 private:
  struct Open {
    ojson value;
    std::string key;
  };

  bool add(ojson v) {
    if (open_.empty()) {
      root_ = std::move(v);
    } else if (Open& top = open_.back(); top.value.is_object()) {
      auto& members = static_cast<MemberVector&>(top.value.get_ref<ojson::object_t&>());
      members.emplace_back(std::move(top.key), std::move(v));
    } else {
      top.value.get_ref<ojson::array_t&>().push_back(std::move(v));
    }
    return true;
  }
  bool open(ojson v) {
    open_.push_back(Open{std::move(v), {}});
    return true;
  }
  bool close() {
    ojson done = std::move(open_.back().value);
    open_.pop_back();
    return add(std::move(done));
  }

  std::vector<Open> open_;
  ojson root_;
};

}  // namespace

ojson parse_ordered_json(std::string_view text) {
  LinearBuilder builder;
  ojson::sax_parse(text, &builder);
  return builder.take();
}

}  // namespace clearpath
