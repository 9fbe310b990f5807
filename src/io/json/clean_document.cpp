// The clean reader's file level (clean_reader.hpp): the top-level object, the calendar, free-form
// attributes, and the small value readers the entities share.
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "clearpath/version.hpp"
#include "io/json/attributes_json.hpp"
#include "io/json/clean_reader.hpp"
#include "io/json/entity_decoder.hpp"
#include "model/model_builder_access.hpp"

namespace clearpath {
namespace clean {
namespace {

// The precise reader's nesting limit (loader.cpp) less a margin: anything near it is left to
// the precise reader, which reports the exact place.
constexpr int kCleanDepth = 60;

constexpr std::string_view kTopLevelKeys[] = {"clearpath", "$schema", "name",        "description", "attributes",
                                              "calendar",  "people",  "departments", "systems",     "initiatives",
                                              "approvals", "steps",   "status_date"};

}  // namespace

bool text(od::value& v, std::string& out) {
  std::string_view s;
  if (!string_of(v, s)) return false;
  out.assign(s);
  return true;
}

bool texts(od::value& v, std::vector<std::string>& out) {
  return elements(v, [&](od::value& item) {
    std::string_view s;
    if (!string_of(item, s)) return false;
    out.emplace_back(s);
    return true;
  });
}

bool ids(od::value& v, std::vector<std::string_view>& out) {
  return elements(v, [&](od::value& item) {
    std::string_view s;
    if (!id_of(item, s)) return false;
    out.push_back(s);
    return true;
  });
}

bool dependencies(od::value& v, std::vector<std::string_view>& out, std::vector<LinkTiming>& timing) {
  return elements(v, [&](od::value& item) {
    std::string_view id;
    od::json_type type;
    if (item.type().get(type)) return false;
    if (type != od::json_type::object) {
      if (!id_of(item, id)) return false;
      out.push_back(id);
      if (!timing.empty()) timing.emplace_back();
      return true;
    }
    od::object o;
    if (item.get_object().get(o)) return false;
    LinkTiming link;
    const bool ok = fields(o, {"on", "type", "lag"}, [&](std::uint32_t k, od::value& field) {
      if (k == 0) return id_of(field, id);
      if (k == 1) {
        std::string_view name;
        const std::optional<LinkType> t = string_of(field, name) ? parse_link_type(name) : std::nullopt;
        if (t) link.type = *t;
        return t.has_value();
      }
      return number_of(field, Range{-HUGE_VAL, false, HUGE_VAL, false}, link.lag);
    });
    if (!ok || id.empty()) return false;
    if (link.lag == 0) link.lag = 0;  // -0 is 0, as the precise reader reads it
    out.push_back(id);
    if (!link.plain() || !timing.empty()) {
      timing.resize(out.size() - 1);  // the links before it, all plain
      timing.push_back(link);
    }
    return true;
  });
}

bool entity_id(std::string_view id) {
  if (id.empty() || id.size() > kMaxIdBytes) return false;
  return std::none_of(id.begin(), id.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
  });
}

// Checks what the precise reader would report inside an attributes object: a repeated key at
// any depth, nesting near its limit, and anything that is not JSON (numbers too large included).
class AttributesCheck : public nlohmann::json_sax<nlohmann::ordered_json> {
 public:
  explicit AttributesCheck(int depth) : depth_(depth) {}
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return false; }
  bool start_object(std::size_t) override { return open(true); }
  bool start_array(std::size_t) override { return open(false); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& k) override { return levels_.back().insert(k).second; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  bool open(bool object) {
    levels_.emplace_back();
    if (!object) levels_.back().insert("");  // arrays have no keys; the set stays unused
    return depth_ + static_cast<int>(levels_.size()) < kCleanDepth;
  }
  bool close() {
    levels_.pop_back();
    return true;
  }
  int depth_;
  std::vector<std::unordered_set<std::string>> levels_;
};

// Parsed again by nlohmann, so the attributes keep exactly the text the precise reader gives
// them (its number formatting included).
bool attributes(od::value& v, int depth, Attributes& out) {
  od::object o;
  std::string_view raw;
  if (v.get_object().get(o) || o.raw_json().get(raw)) return false;
  AttributesCheck check(depth);
  if (!nlohmann::ordered_json::sax_parse(raw.begin(), raw.end(), &check)) return false;
  out = attributes_of(parse_ordered_json(raw));
  return true;
}

bool Reader::file_version(od::value& v) {
  double version = 0;
  return number_of(v, Range{1, false, HUGE_VAL, true}, version) && version <= kFormatVersion;
}

bool Reader::calendar(od::value& v) {
  od::object o;
  if (v.get_object().get(o)) return false;
  Calendar cal;
  unsigned weekdays = 0;
  const bool ok = fields(o, {"start", "holidays", "working_days"}, [&](std::uint32_t k, od::value& field) {
    if (k == 0) return text(field, cal.start) && (cal.start.empty() || is_iso_date(cal.start));
    if (k == 2) {
      // Each day once, and at least one: anything else is for the precise reader to report.
      const bool read = elements(field, [&](od::value& item) {
        std::string_view name;
        const std::optional<int> day = string_of(item, name) ? parse_weekday(name) : std::nullopt;
        if (!day || (weekdays >> *day) & 1u) return false;
        weekdays |= 1u << *day;
        cal.working_days.emplace_back(name);
        return true;
      });
      return read && weekdays != 0;
    }
    return elements(field, [&](od::value& item) {
      std::string_view date;
      if (!string_of(item, date) || !is_iso_date(date)) return false;
      cal.holidays.emplace_back(date);
      return true;
    });
  });
  if (ok) builder_.set_calendar(std::move(cal));
  return ok;
}

bool Reader::entities(EntityKind kind, od::value& v) {
  // No count_elements() first to reserve the list: it fails on an array cut short without
  // saying where, and the stop point below is what lets such a file be rejected quickly.
  od::array a;
  if (v.get_array().get(a)) return false;
  std::uint32_t index = 0;
  std::size_t first = 0;
  // The steps after the sample of a large file are built on a second thread (clean_steps.cpp):
  // it starts once the list is reserved, which the builder's thread must not see happen.
  const bool pipelined = kind == EntityKind::step && size_ >= kPipelinedBytes;
  bool ok = elements(a, [&](od::value& item) {
    const char* at = nullptr;
    if (item.current_location().get(at)) return false;
    stop_ = {static_cast<std::size_t>(at - text_), kind, index};
    if (index == 0) first = stop_.offset;
    if (index == kSampleEntities) reserve_like_sample(kind, first, stop_.offset);
    if (index % 4096 == 0) {
      if (progress_) progress_->advance(stop_.offset, size_);
      if (file_mapping_) release_read_pages(stop_.offset);
    }
    od::object o;
    if (item.get_object().get(o)) return false;
    if (pipelined && index > kSampleEntities) return pipelined_step(o, index++);
    return entity(kind, index++, o);
  });
  // Steps refused by the builder's thread came before wherever the walk stopped: the first of
  // them is where the read stops.
  if (!finish_pipeline()) ok = false;
  if (ok || defined_twice_) stop_ = {};
  return ok;
}

// Room for as many more entities as the rest of the file would hold if they were all like the
// first few: the list then grows once, not by doubling (each doubling moved every entity so far
// into memory never touched before). A guess too large costs address space only: the pages of
// a large allocation that are never written are never given memory.
void Reader::reserve_like_sample(EntityKind kind, std::size_t first, std::size_t now) {
  // At least 32 bytes an entity, so that a sample of tiny ones does not reserve gigabytes.
  const std::size_t per_entity = std::max<std::size_t>((now - first) / kSampleEntities, 32);
  ModelBuilderAccess::reserve(builder_, kind, (size_ - now) / per_entity + 1);
}

void Reader::release_read_pages(std::size_t offset) {
  // The entity being read, and the steps handed to the builder's thread but not yet built.
  constexpr std::size_t kMargin = std::size_t{8} << 20;
  constexpr std::size_t kStep = std::size_t{16} << 20;  // no system call for less
  const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const auto base = reinterpret_cast<std::uintptr_t>(text_);
  if (offset < kMargin || base % page != 0) return;
  const std::size_t end = (offset - kMargin) / page * page;
  if (end < released_ + kStep) return;
  // An unwritten page of a private file mapping is read again from the file if touched again.
  ::madvise(const_cast<char*>(text_) + released_, end - released_, MADV_DONTNEED);
  released_ = end;
}

bool Reader::top_level(std::string_view key, od::value& v) {
  std::string s;
  if (key == "clearpath") return file_version(v);
  if (key == "$schema") return text(v, s);
  if (key == "name") return text(v, s) && (builder_.set_name(std::move(s)), true);
  if (key == "description") return text(v, s) && (builder_.set_description(std::move(s)), true);
  if (key == "calendar") return calendar(v);
  if (key == "status_date") {
    std::string_view iso;
    const std::optional<Date> date = string_of(v, iso) ? Date::parse(iso) : std::nullopt;
    if (date) builder_.set_status_date(*date);
    return date.has_value();
  }
  if (key == "attributes") {
    Attributes a;
    return attributes(v, 1, a) && (builder_.set_attributes(std::move(a)), true);
  }
  for (int k = 0; k < kEntityKindCount; ++k)
    if (key == kind_array(static_cast<EntityKind>(k))) return entities(static_cast<EntityKind>(k), v);
  return false;
}

bool Reader::document(od::document& doc) {
  od::object root;
  if (doc.get_object().get(root)) return false;
  std::uint32_t seen = 0;
  for (auto result : root) {
    od::field f;
    std::string_view key;
    if (std::move(result).get(f) || !key_of(f, key)) return false;
    const auto* known = std::find(std::begin(kTopLevelKeys), std::end(kTopLevelKeys), key);
    const auto k = static_cast<std::uint32_t>(known - std::begin(kTopLevelKeys));
    if (known == std::end(kTopLevelKeys) || (seen >> k & 1u)) return false;
    seen |= 1u << k;
    if (!top_level(key, f.value())) return false;
  }
  // Anything after the root object: simdjson has a location for it only when there is one.
  const char* after = nullptr;
  return doc.current_location().get(after) != simdjson::SUCCESS;
}

}  // namespace clean

namespace {

// The last quote that is not escaped: for a file whose strings do not all close, the one that
// opens the string left open.
std::size_t last_quote(std::string_view text) {
  for (std::size_t i = text.rfind('"'); i != std::string_view::npos && i > 0; i = text.rfind('"', i - 1)) {
    std::size_t backslashes = 0;
    while (backslashes < i && text[i - 1 - backslashes] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return i;
  }
  return text.empty() || text[0] != '"' ? std::string_view::npos : 0;
}

CleanRead read(std::string_view text, ModelBuilder& builder, CleanStop* stop, ProgressPhase* progress,
               bool file_mapping) {
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document doc;
  const simdjson::padded_string_view view(text.data(), text.size(), text.size() + simdjson::SIMDJSON_PADDING);
  if (parser.iterate(view).get(doc)) return CleanRead::not_json;
  clean::Reader reader(builder, text, progress, file_mapping);
  const bool clean = reader.document(doc);
  if (stop) *stop = reader.stop();
  return clean ? CleanRead::clean : CleanRead::not_clean;
}

}  // namespace

CleanRead read_clean_model(std::string_view text, ModelBuilder& builder, CleanStop* stop, ProgressPhase* progress,
                           bool file_mapping) {
  const CleanRead r = read(text, builder, stop, progress, file_mapping);
  if (r == CleanRead::clean || !stop || stop->offset != std::string_view::npos) return r;
  // A file cut short: simdjson refuses it before reading anything, as a string is left open
  // or the root object is not closed. Read it again up to that string with a '}' added, so
  // that the read stops inside the entity that was cut, and say where that entity starts.
  std::size_t end = text.find_last_not_of(" \t\r\n");
  if (r == CleanRead::not_json) end = last_quote(text);
  else if (end != std::string_view::npos && text[end] == '}') return r;  // closed: not cut short
  else if (end != std::string_view::npos) ++end;
  if (end == std::string_view::npos) return r;
  std::string closed;
  closed.reserve(end + 1 + simdjson::SIMDJSON_PADDING);
  closed.append(text.substr(0, end)).push_back('}');
  ModelBuilder scratch;
  read(closed, scratch, stop, nullptr, false);
  return r;
}

}  // namespace clearpath
