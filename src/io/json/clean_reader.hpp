#pragma once
// The fast path of load_model: reads a clean file -- well-formed JSON with only known keys,
// each once, holding values of the right type and range -- straight into a ModelBuilder with
// simdjson On-Demand: no JSON tree, no strings built for keys, no copies of ids until the
// builder keeps them. At the first thing the precise reader (loader.cpp, EntityDecoder) would
// report, even a warning, it gives up and the file is read again precisely, so every message
// and location stays exactly what that reader gives. Ids are interned in the order the
// precise reader interns them, so the two give the same Refs. Private to the library.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "clearpath/model_builder.hpp"
#include "clearpath/progress.hpp"
#include "io/json/clean_values.hpp"
#include "model/id_index.hpp"

namespace clearpath {

// How far a clean read got: `clean` when the builder holds the whole file; otherwise the
// builder is partly filled and must be dropped.
enum class CleanRead : std::uint8_t { clean, not_clean, not_json };

// Where a read that was not clean stopped: inside element `index` of the array of `kind`,
// which starts at byte `offset`, every entity and key before it clean. Empty (offset npos)
// when it stopped anywhere else.
struct CleanStop {
  std::size_t offset = std::string_view::npos;
  EntityKind kind = EntityKind::person;
  std::size_t index = 0;
};

// `text` must be readable (any content) for simdjson::SIMDJSON_PADDING bytes past its end.
// `progress`, when given, is advanced by the bytes read, every few thousand entities.
// `file_mapping`: see load_model_in_place.
CleanRead read_clean_model(std::string_view text, ModelBuilder& builder, CleanStop* stop = nullptr,
                           ProgressPhase* progress = nullptr, bool file_mapping = false);

namespace clean {

// A step as the reader read it, before its ids are interned: what the interning and building
// need, so that the two can run on another thread (clean_steps.cpp). Views point into the file
// or into simdjson's buffer of unescaped strings, both alive for the whole read.
struct PendingStep {
  Step step;
  std::string_view id, initiative, system, owner;
  std::vector<std::string_view> depends_on, demand_ids;
  std::vector<double> demand_amounts;
  // Their probes (IdProbe), worked out by the reader: initiative, system, owner, id, then
  // depends_on, then demands. The builder's thread has only its lookups left to do.
  std::vector<IdProbe> probes;
  std::uint32_t index = 0;  // in the file's steps array
  std::size_t offset = 0;   // where its object starts
  // Ready for the next step; the lists keep their storage.
  void reset() {
    step = Step{};
    id = initiative = system = owner = {};
    depends_on.clear();
    demand_ids.clear();
    demand_amounts.clear();
    probes.clear();
  }
};

class StepPipeline;  // clean_steps.cpp

class Reader {
 public:
  Reader(ModelBuilder& builder, std::string_view text, ProgressPhase* progress, bool file_mapping);
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;
  ~Reader();

  bool document(od::document& doc);
  const CleanStop& stop() const noexcept { return stop_; }

 private:
  friend class StepPipeline;  // builds the steps it is handed
  bool top_level(std::string_view key, od::value& v);
  bool file_version(od::value& v);
  bool calendar(od::value& v);
  bool entities(EntityKind kind, od::value& v);
  static constexpr std::uint32_t kSampleEntities = 64;
  static constexpr std::size_t kPipelinedBytes = std::size_t{8} << 20;  // from this file size on
  void reserve_like_sample(EntityKind kind, std::size_t first, std::size_t now);
  // Gives back the pages of a file mapping before `offset`, less a margin (file_mapping_ only).
  void release_read_pages(std::size_t offset);
  bool entity(EntityKind kind, std::uint32_t index, od::object& o);
  bool person(od::object& o, std::uint32_t index);
  bool department(od::object& o, std::uint32_t index);
  bool system(od::object& o, std::uint32_t index);
  bool initiative(od::object& o, std::uint32_t index);
  bool approval(od::object& o, std::uint32_t index);
  bool rule(od::value& v, Rule& out);
  bool step(od::object& o, std::uint32_t index);
  bool read_step(od::object& o, PendingStep& out);  // the fields only: no interning
  bool build_step(PendingStep& p);                  // interns its ids and adds it
  // From the steps after the sample on, in a large file: read here, built on a second thread.
  bool pipelined_step(od::object& o, std::uint32_t index);
  bool finish_pipeline();  // waits for the steps handed over; false (and stop_ set) if one was refused
  bool duration(od::value& v, Duration& out);
  bool demands(od::value& v, std::vector<std::string_view>& ids, std::vector<double>& amounts);

  template <class E>
  bool add(E&& e, std::string_view id, std::uint32_t index);
  void intern_all(const std::vector<std::string_view>& ids, std::vector<Ref>& out);

  ModelBuilder& builder_;
  const char* text_;
  std::size_t size_;
  ProgressPhase* progress_;
  bool file_mapping_;
  std::size_t released_ = 0;  // bytes from text_ given back
  // An entity was refused for an id defined before it: a message that only the whole file can
  // give, so the read has no stop from which the rest could be read alone.
  bool defined_twice_ = false;
  CleanStop stop_;
  // Scratch lists of ids, kept between entities so their storage is reused.
  std::vector<std::string_view> ids_a_, ids_b_, ids_c_;
  PendingStep pending_;
  std::unique_ptr<StepPipeline> pipeline_;
};

// Calls visit(k, value) for each field, k being the key's position in `keys`; false for an
// unknown or repeated key, or when visit returns false.
template <class Visit>
bool fields(od::object& o, std::initializer_list<std::string_view> keys, Visit&& visit) {
  std::uint32_t seen = 0;
  for (auto result : o) {
    od::field f;
    std::string_view key;
    if (std::move(result).get(f) || !key_of(f, key)) return false;
    std::uint32_t k = 0;
    for (std::string_view known : keys) {
      if (known == key) break;
      ++k;
    }
    if (k == keys.size() || (seen >> k & 1u)) return false;
    seen |= 1u << k;
    if (!visit(k, f.value())) return false;
  }
  return true;
}

// Calls visit(value) for each element; false when one is not a value or visit returns false.
template <class Visit>
bool elements(od::array& a, Visit&& visit) {
  for (auto result : a) {
    od::value item;
    // get() takes an rvalue; the move is what the API asks for, even of a trivially copyable result.
    if (std::move(result).get(item) || !visit(item)) return false;  // NOLINT(performance-move-const-arg)
  }
  return true;
}
template <class Visit>
bool elements(od::value& v, Visit&& visit) {
  od::array a;
  return !v.get_array().get(a) && elements(a, std::forward<Visit>(visit));
}

bool text(od::value& v, std::string& out);
bool texts(od::value& v, std::vector<std::string>& out);
bool ids(od::value& v, std::vector<std::string_view>& out);
// depends_on: ids, or {"on", "type", "lag"} links; `timing` stays empty while every link is plain.
bool dependencies(od::value& v, std::vector<std::string_view>& out, std::vector<LinkTiming>& timing);
// An entity's own id as the precise reader accepts it: at most kMaxIdBytes, no control character.
bool entity_id(std::string_view id);
// An attributes object: no repeated key at any depth, nested less deep than the reader allows
// below `depth` (the levels already open).
bool attributes(od::value& v, int depth, Attributes& out);

}  // namespace clean
}  // namespace clearpath
