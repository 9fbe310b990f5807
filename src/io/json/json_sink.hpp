#pragma once
// The JSON of one object, as a sink of EntityFields (entity_fields.hpp). Private to the library.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "clearpath/attributes.hpp"
#include "clearpath/entities.hpp"
#include "io/json/attributes_json.hpp"
#include "util/json_number.hpp"

namespace clearpath {

// The JSON of one object: a sink of EntityFields.
class JsonSink {
 public:
  explicit JsonSink(nlohmann::ordered_json& o) : o_(o) {}
  void text(std::string_view key, std::string_view v) { at(key) = v; }
  void number(std::string_view key, double v) { at(key) = json_number(v); }
  void integer(std::string_view key, long long v) { at(key) = v; }
  void boolean(std::string_view key, bool v) { at(key) = v; }
  void texts(std::string_view key, std::vector<std::string>&& v) { at(key) = std::move(v); }
  // A link with no type or lag as the id alone, else {"on", "type", "lag"} (lag only when not 0).
  void links(std::string_view key, const std::vector<std::pair<std::string, LinkTiming>>& links) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& [id, t] : links) {
      if (t.plain()) {
        list.push_back(id);
        continue;
      }
      nlohmann::ordered_json link = {{"on", id}, {"type", link_type_name(t.type)}};
      if (t.lag != 0) link["lag"] = json_number(t.lag);
      list.push_back(std::move(link));
    }
    at(key) = std::move(list);
  }
  void attributes(const Attributes& a) { at("attributes") = json_of(a); }
  template <class F>
  void object(std::string_view key, F&& fill) {
    nlohmann::ordered_json child = nlohmann::ordered_json::object();
    JsonSink sink(child);
    fill(sink);
    at(key) = std::move(child);
  }
  template <class F>
  void objects(std::string_view key, std::size_t n, F&& fill) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (std::size_t k = 0; k < n; ++k) {
      nlohmann::ordered_json child = nlohmann::ordered_json::object();
      JsonSink sink(child);
      fill(sink, k);
      list.push_back(std::move(child));
    }
    at(key) = std::move(list);
  }

 private:
  nlohmann::ordered_json& at(std::string_view key) { return o_[std::string(key)]; }
  nlohmann::ordered_json& o_;
};

}  // namespace clearpath
