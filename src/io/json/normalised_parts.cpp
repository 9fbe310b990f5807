// One entity of the normalised file, as JSON or as a fingerprint (normalised_parts.hpp).
#include "io/json/normalised_parts.hpp"

#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include "io/json/entity_fields.hpp"
#include "io/json/json_sink.hpp"

namespace clearpath {

namespace {

// Each field as a tag, then its key and value, every text with its length first, so that no two
// different sequences of fields encode alike. Numbers are kept as their bits.
class FingerprintSink {
 public:
  explicit FingerprintSink(std::string& out) : out_(out) {}
  void text(std::string_view key, std::string_view v) {
    field('s', key);
    word(v);
  }
  void number(std::string_view key, double v) {
    field('n', key);
    bits(v);
  }
  void integer(std::string_view key, long long v) {
    field('i', key);
    bits(v);
  }
  void boolean(std::string_view key, bool v) {
    field('b', key);
    out_.push_back(v ? '1' : '0');
  }
  void texts(std::string_view key, std::vector<std::string>&& v) {
    field('l', key);
    bits(static_cast<std::uint64_t>(v.size()));
    for (const std::string& t : v) word(t);
  }
  void links(std::string_view key, const std::vector<std::pair<std::string, LinkTiming>>& links) {
    field('k', key);
    bits(static_cast<std::uint64_t>(links.size()));
    for (const auto& [id, t] : links) {
      word(id);
      out_.push_back(static_cast<char>(t.type));
      bits(t.lag);
    }
  }
  void attributes(const Attributes& a) {
    field('a', "attributes");
    word(a.json());
  }
  template <class F>
  void object(std::string_view key, F&& fill) {
    field('o', key);
    fill(*this);
    out_.push_back('}');
  }
  template <class F>
  void objects(std::string_view key, std::size_t n, F&& fill) {
    field('O', key);
    bits(static_cast<std::uint64_t>(n));
    for (std::size_t k = 0; k < n; ++k) {
      fill(*this, k);
      out_.push_back('}');
    }
  }

 private:
  void field(char tag, std::string_view key) {
    out_.push_back(tag);
    word(key);
  }
  void word(std::string_view w) {
    bits(static_cast<std::uint64_t>(w.size()));
    out_.append(w);
  }
  template <class T>
  void bits(T v) {
    char b[sizeof v];
    std::memcpy(b, &v, sizeof v);
    out_.append(b, sizeof v);
  }
  std::string& out_;
};

}  // namespace

nlohmann::ordered_json normalised_entity(const Model& m, Ref r) {
  nlohmann::ordered_json o = nlohmann::ordered_json::object();
  JsonSink sink(o);
  EntityFields(m, true).entity(sink, r);
  return o;
}

void entity_fingerprint(const Model& m, Ref r, std::string& out) {
  FingerprintSink sink(out);
  EntityFields(m, true).entity(sink, r);
}

}  // namespace clearpath
