// Reads the file format. A clean file (clean_reader.hpp) is read at simdjson's speed; any other
// is read again by the precise reader here, nlohmann's SAX interface with entities decoded one
// at a time as their objects close, which reports every problem where it is.
#include <algorithm>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "clearpath/load.hpp"
#include "io/json/clean_reader.hpp"
#include "io/json/entity_decoder.hpp"
#include "io/json/json_locator.hpp"
#include "io/json/load_in_place.hpp"
#include "model/checks.hpp"
#include "model/model_builder_access.hpp"
#include "util/text.hpp"

namespace clearpath {
namespace {

using json = nlohmann::ordered_json;  // ordered: objects are small vectors, cheap to build per entity

constexpr int kMaxDepth = 64;

std::optional<EntityKind> entity_array(const std::string& key) {
  for (int k = 0; k < kEntityKindCount; ++k)
    if (key == kind_array(static_cast<EntityKind>(k))) return static_cast<EntityKind>(k);
  return std::nullopt;
}

bool is_known_top_level(const std::string& key) {
  return key == "clearpath" || key == "$schema" || key == "name" || key == "description" || key == "attributes" ||
         key == "calendar" || key == "status_date";
}

// nlohmann's message quotes the text it last read whole, so an unterminated string of 100 MB
// made a message of 100 MB: at most kMostQuoted characters of it are kept, then "\u2026".
constexpr std::size_t kMostQuoted = 80;

std::string shorten_last_read(std::string reason) {
  const std::string mark = "last read: '";
  const std::size_t from = reason.find(mark);
  if (from == std::string::npos) return reason;
  const std::size_t begin = from + mark.size();
  std::size_t end = reason.rfind("'; expected ");
  if (end == std::string::npos || end < begin) end = reason.rfind('\'');
  if (end == std::string::npos || end < begin) return reason;
  std::size_t i = begin;
  for (std::size_t seen = 0; i < end && seen < kMostQuoted; ++seen)
    for (++i; i < end && (static_cast<unsigned char>(reason[i]) & 0xC0) == 0x80;) ++i;
  if (i >= end) return reason;
  return reason.substr(0, i) + "\u2026" + reason.substr(end);
}

// Builds one value (an entity, or a top-level field) from SAX events, keeping its path so
// that duplicate keys and excessive nesting can be reported where they are. The JSON pointer
// itself is only spelled out when a message needs it.
class ValueBuilder {
 public:
  // The value is /name (index < 0) or /name/index.
  void reset(std::string_view name, long index) {
    root_ = json();
    stack_.clear();
    segments_.clear();
    base_name_.assign(name);
    base_index_ = index;
    key_.clear();
  }
  std::string path() const {
    std::string p = pointer_join("", base_name_);
    if (base_index_ >= 0) pointer_append(p, static_cast<std::size_t>(base_index_));
    for (const std::string& s : segments_) pointer_append(p, s);
    return p;
  }
  json& root() { return root_; }

  // The pointer of the next value to be added to the innermost open container.
  std::string child_path() const {
    const json& top = *stack_.back().value;
    return top.is_array() ? pointer_join(path(), top.size()) : pointer_join(path(), key_);
  }

  // Takes the next key of the innermost object. Returns the pointer of a duplicate key, or ""
  // when the key is new.
  std::string key(std::string& k) {
    key_ = std::move(k);
    duplicate_ = stack_.back().has_key(key_);
    return duplicate_ ? pointer_join(path(), key_) : std::string();
  }
  template <class V>
  void scalar(V&& v) {
    if (stack_.empty()) {
      root_ = json(std::forward<V>(v));
      return;
    }
    add(json(std::forward<V>(v)));
  }
  void open(json::value_t type) {
    if (stack_.empty()) {
      root_ = json(type);
      // An entity has a dozen keys at most: one allocation instead of several.
      if (type == json::value_t::object) root_.get_ptr<json::object_t*>()->reserve(16);
      stack_.push_back({&root_, {}});
      return;
    }
    const json& top = *stack_.back().value;
    segments_.push_back(top.is_array() ? std::to_string(top.size()) : key_);
    stack_.push_back({&add(json(type)), {}});
  }
  // Returns true when the value is complete.
  bool close() {
    stack_.pop_back();
    if (stack_.empty()) return true;
    segments_.pop_back();
    return false;
  }

 private:
  // An open container. Objects are vectors of members (they keep the file's order); past a
  // few keys, a set of them keeps duplicate detection linear however many keys there are.
  struct Level {
    json* value;
    std::unique_ptr<std::unordered_set<std::string>> keys;

    bool has_key(const std::string& k) {
      json::object_t& members = *value->get_ptr<json::object_t*>();
      if (!keys && members.size() < 16) {
        for (const auto& m : members)
          if (m.first == k) return true;
        return false;
      }
      if (!keys) {
        keys = std::make_unique<std::unordered_set<std::string>>();
        for (const auto& m : members) keys->insert(m.first);
      }
      return !keys->insert(k).second;
    }
  };

  // Adds a value to the innermost container (a duplicate key replaces the earlier value,
  // after the error is reported).
  json& add(json&& v) {
    json& top = *stack_.back().value;
    if (top.is_array()) {
      top.get_ptr<json::array_t*>()->push_back(std::move(v));
      return top.back();
    }
    json::object_t& members = *top.get_ptr<json::object_t*>();
    if (duplicate_) {
      json& slot = members[key_];
      slot = std::move(v);
      return slot;
    }
    members.emplace_back(key_, std::move(v));  // the vector's own append: no search
    return members.back().second;
  }

  json root_;
  std::vector<Level> stack_;
  std::vector<std::string> segments_;
  std::string base_name_;
  long base_index_ = -1;
  std::string key_;
  bool duplicate_ = false;
};

class SaxLoader : public nlohmann::json_sax<json> {
 public:
  SaxLoader(std::string_view text, ModelBuilder& builder, Diagnostics& diag)
      : text_(text), decoder_(builder, diag), diag_(diag) {}

  bool failed() const { return failed_; }
  bool inside_entity_array() const { return streaming_; }

  bool null() override { return scalar(nullptr); }
  bool boolean(bool v) override { return scalar(v); }
  bool number_integer(number_integer_t v) override { return scalar(v); }
  bool number_unsigned(number_unsigned_t v) override { return scalar(v); }
  bool number_float(number_float_t v, const string_t&) override { return scalar(v); }
  bool string(string_t& v) override { return scalar(std::move(v)); }
  bool binary(binary_t&) override { return scalar(nullptr); }

  bool start_object(std::size_t) override { return open(json::value_t::object); }
  bool start_array(std::size_t) override { return open(json::value_t::array); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }

  bool key(string_t& k) override {
    if (mode_ == Mode::build) {
      std::string duplicate = value_.key(k);
      if (!duplicate.empty())
        diag_.error("duplicate-key", duplicate, "",
                    "duplicate key " + quote_text(value_key_of(duplicate)) + " in the same object");
      return true;
    }
    if (mode_ == Mode::skip) return true;
    // The root object's keys.
    key_ = std::move(k);
    if (seen_top_keys_.count(key_)) {
      diag_.error("duplicate-key", pointer_join("", key_), "", "duplicate top-level key " + quote_text(key_));
    }
    seen_top_keys_.insert(key_);
    return true;
  }

  // `position` is the number of bytes read, up to and including the offending one. The error
  // is placed at the start of the token that byte belongs to (the opening quote of an
  // unterminated string, the first letter of a bad literal), or at the byte itself for bad
  // UTF-8 inside a string.
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
    std::string what = ex.what();
    const std::size_t colon = what.find(": ", what.find("parse error"));
    std::string reason = colon == std::string::npos ? what : what.substr(colon + 2);
    const std::size_t last = position > 0 ? position - 1 : 0;
    const std::size_t start = token_start(text_, last);
    if (ex.id == 406) {  // out_of_range.406: a number literal too large for a double
      const std::size_t end = std::min(position, text_.size());
      fatal("bad-number", mode_ == Mode::build ? value_.child_path() : std::string(),
            "number " + quote_text(text_.substr(start, end - start)) + " is too large: not a finite number", start,
            true);
      return false;
    }
    // The lexer took a NUL byte for the end of the input (a NUL in a string is an error of its
    // own, so the first NUL is where it stopped): say what is there (/dev/zero, a binary file).
    if (const std::size_t nul = text_.find('\0');
        reason.find("end of input") != std::string::npos && nul != std::string_view::npos) {
      fatal("syntax", "", "syntax error: a NUL byte; JSON text holds none (is this a binary file?)", nul, false);
      return false;
    }
    const bool bad_byte = reason.find("UTF-8") != std::string::npos;
    std::string message = "syntax error: " + shorten_last_read(std::move(reason));
    // XML where a model was expected: most likely an MS Project file, which has its own reader.
    if (const std::size_t first = text_.find_first_not_of(" \t\r\n\xEF\xBB\xBF"); first == start && text_[first] == '<')
      message +=
          " (this is XML, not a clearpath model: read an MS Project file with `clearpath import mspdi FILE -o "
          "model.json`)";
    fatal("syntax", "", message, bad_byte ? last : start, false);
    return false;
  }

  // nlohmann's lexer takes a NUL byte for the end of the input: after a whole document, the
  // bytes from it on were never read. A NUL anywhere else is already an error.
  void nul_after_document(std::size_t offset) {
    fatal("syntax", "", "syntax error: a NUL byte after the end of the JSON object; nothing may follow it", offset,
          false);
  }

  // The one error that stopped the parse, placed by byte offset rather than by pointer.
  struct Fatal {
    std::size_t item;    // index in the diagnostics
    std::size_t offset;  // byte offset in the parsed text
  };
  std::optional<Fatal> fatal_error() const { return fatal_; }

 private:
  enum class Mode { route, build, skip };

  static std::string value_key_of(const std::string& pointer) { return pointer.substr(pointer.rfind('/') + 1); }

  // The first byte of the JSON token that contains byte `at`: tokens are strings (to their
  // closing quote, or the end of the text), runs of literal characters, or single bytes.
  static std::size_t token_start(std::string_view text, std::size_t at) {
    auto literal = [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '+' ||
             c == '.';
    };
    std::size_t i = 0;
    while (i < text.size()) {
      const std::size_t start = i;
      const char c = text[i];
      if (c == '"') {
        for (++i; i < text.size() && text[i] != '"'; ++i)
          if (text[i] == '\\') ++i;
        ++i;
      } else if (literal(c)) {
        while (i < text.size() && literal(text[i])) ++i;
      } else {
        ++i;
      }
      if (at < i) return start;
    }
    return at;
  }

  void fatal(const char* code, std::string pointer, std::string message, std::size_t offset, bool name_entity) {
    if (diag_.items().size() < Diagnostics::kept_limit) fatal_ = Fatal{diag_.items().size(), offset};
    diag_.error(code, std::move(pointer), name_entity ? current_entity() : std::string(), std::move(message));
    failed_ = true;
  }

  // The id of the entity being built, when it has one yet.
  std::string current_entity() {
    if (mode_ != Mode::build || !streaming_) return {};
    return current_entity_of(value_.root());
  }
  static std::string current_entity_of(const json& root) {
    if (!root.is_object()) return {};
    auto it = root.find("id");
    return it != root.end() && it->is_string() ? it->get<std::string>() : std::string();
  }

  // The first bracket that opens level kMaxDepth + 1. The text up to it parsed, so a plain
  // scan that skips strings finds it.
  std::size_t offset_of_excess_depth() const {
    int depth = 0;
    for (std::size_t i = 0; i < text_.size(); ++i) {
      const char c = text_[i];
      if (c == '"') {
        for (++i; i < text_.size() && text_[i] != '"'; ++i)
          if (text_[i] == '\\') ++i;
      } else if (c == '{' || c == '[') {
        if (++depth > kMaxDepth) return i;
      } else if (c == '}' || c == ']') {
        --depth;
      }
    }
    return text_.size();
  }

  bool too_deep() {
    fatal("too-deep", mode_ == Mode::build ? value_.child_path() : std::string(),
          "nesting deeper than " + std::to_string(kMaxDepth) + " levels; the file is not read further",
          offset_of_excess_depth(), true);
    return false;
  }

  // A value starts at the routing level: decide whether to build, skip or stream it.
  bool begin_value(json::value_t type) {
    if (depth_ == 0) {  // the root
      if (type != json::value_t::object) return root_not_object(type);
      return true;
    }
    if (depth_ == 1) {
      if (auto kind = entity_array(key_)) {
        if (type == json::value_t::array) {
          array_kind_ = *kind;
          element_ = 0;
          streaming_ = true;
          return true;
        }
        diag_.error("wrong-type", pointer_join("", key_), "",
                    key_ + " must be an array of " + kind_array(*kind) + ", not " +
                        (type == json::value_t::object ? "an object" : "a single value"));
        return start_skip(type);
      }
      if (is_known_top_level(key_)) return start_build(type, key_.c_str(), -1);
      diag_.warning("unknown-key", pointer_join("", key_), "",
                    "unknown top-level key " + quote_text(key_) + " (ignored)");
      return start_skip(type);
    }
    // depth 2, inside an entity array: one entity
    return start_build(type, kind_array(array_kind_), static_cast<long>(element_));
  }

  bool root_not_object(json::value_t) {
    diag_.error("wrong-type", "", "", "a clearpath file must be a JSON object ({ ... }) at the top");
    failed_ = true;
    return false;
  }

  bool start_build(json::value_t type, const char* name, long index) {
    value_.reset(name, index);
    first_item_ = diag_.items().size();
    if (type == json::value_t::object || type == json::value_t::array) {
      mode_ = Mode::build;
      value_.open(type);
    }
    return true;
  }

  bool start_skip(json::value_t type) {
    if (type == json::value_t::object || type == json::value_t::array) {
      mode_ = Mode::skip;
      skip_depth_ = 1;
    }
    return true;
  }

  template <class V>
  bool scalar(V&& v) {
    if (mode_ == Mode::build) {
      value_.scalar(std::forward<V>(v));
      return true;
    }
    if (mode_ == Mode::skip) return true;
    if (depth_ == 0) return root_not_object(json::value_t::null);
    if (depth_ == 1 && entity_array(key_)) return begin_value(json::value_t::null);
    if (depth_ == 1 && !is_known_top_level(key_)) return begin_value(json::value_t::null);
    // A scalar top-level field or a scalar where an entity should be.
    if (depth_ == 1) value_.reset(key_.c_str(), -1);
    else value_.reset(kind_array(array_kind_), static_cast<long>(element_));
    value_.scalar(std::forward<V>(v));
    finish_value();
    return true;
  }

  bool open(json::value_t type) {
    if (depth_ >= kMaxDepth) return too_deep();
    ++depth_;
    if (mode_ == Mode::build) {
      value_.open(type);
      return true;
    }
    if (mode_ == Mode::skip) {
      ++skip_depth_;
      return true;
    }
    const int routing_depth = depth_ - 1;
    depth_ = routing_depth;  // begin_value looks at the depth the value starts at
    const bool ok = begin_value(type);
    depth_ = routing_depth + 1;
    return ok;
  }

  bool close() {
    --depth_;
    if (mode_ == Mode::build) {
      if (value_.close()) {
        mode_ = Mode::route;
        finish_value();
      }
      return true;
    }
    if (mode_ == Mode::skip) {
      if (--skip_depth_ == 0) {
        mode_ = Mode::route;
      }
      return true;
    }
    if (depth_ == 1 && streaming_) streaming_ = false;  // the end of an entity array
    return true;
  }

  void finish_value() {
    // Problems found while building (duplicate keys) name the entity, now that its id is known.
    const std::string id = current_entity_of(value_.root());
    for (std::size_t i = first_item_; i < diag_.items().size() && !id.empty(); ++i)
      if (diag_.items()[i].entity.empty()) diag_.items()[i].entity = id;
    if (depth_ == 1 && !streaming_) {
      decoder_.decode_top_level(key_, std::move(value_.root()));
    } else {
      decoder_.decode(array_kind_, element_, std::move(value_.root()));
      ++element_;
    }
    value_.root() = json();
  }

  std::string_view text_;
  EntityDecoder decoder_;
  Diagnostics& diag_;
  ValueBuilder value_;
  Mode mode_ = Mode::route;
  int depth_ = 0;
  int skip_depth_ = 0;
  bool streaming_ = false;
  bool failed_ = false;
  EntityKind array_kind_ = EntityKind::person;
  std::size_t element_ = 0;
  std::string key_;
  std::set<std::string> seen_top_keys_;
  std::optional<Fatal> fatal_;
  std::size_t first_item_ = 0;
};

// Fills in line and column: from the byte offset for the error that stopped the parse, from
// the JSON pointer for the others (one pass over the text for all of them).
void place(std::string_view text, Diagnostics& diag, std::optional<SaxLoader::Fatal> fatal) {
  std::vector<std::string> pointers;
  std::vector<std::size_t> which;
  for (std::size_t i = 0; i < diag.items().size(); ++i) {
    if (fatal && fatal->item == i) continue;
    pointers.push_back(diag.items()[i].pointer);
    which.push_back(i);
  }
  std::vector<std::size_t> items, offsets;
  if (!pointers.empty()) {
    const std::vector<std::optional<std::size_t>> found = locate_pointers(text, pointers);
    for (std::size_t k = 0; k < which.size(); ++k)
      if (found[k]) {
        items.push_back(which[k]);
        offsets.push_back(*found[k]);
      }
  }
  if (fatal) {
    items.push_back(fatal->item);
    offsets.push_back(fatal->offset);
  }
  const std::vector<TextPosition> positions = positions_of(text, offsets);
  for (std::size_t k = 0; k < items.size(); ++k) {
    diag.items()[items[k]].line = positions[k].line;
    diag.items()[items[k]].column = positions[k].column;
  }
}

// The precise reader: every problem reported, with its location.
}  // namespace

LoadResult load_model_precisely(std::string_view text) {
  LoadResult result;
  ModelBuilder builder;
  ModelBuilderAccess::keep_source_index(builder);
  Diagnostics& diag = result.diagnostics;
  std::string_view body = text;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);  // a UTF-8 byte order mark
  SaxLoader sax(body, builder, diag);
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    diag.error("syntax", "", "", "the file is empty; a clearpath file is a JSON object");
    return result;
  }
  json::sax_parse(body.begin(), body.end(), &sax, nlohmann::detail::input_format_t::json, true, false);
  if (const std::size_t nul = body.find('\0'); !sax.failed() && nul != std::string_view::npos)
    sax.nul_after_document(nul);
  if (!sax.failed()) check_model(builder, diag, &result.cycles);
  std::optional<SaxLoader::Fatal> fatal = sax.fatal_error();
  if (fatal) fatal->offset += static_cast<std::size_t>(body.data() - text.data());
  place(text, diag, fatal);
  diag.sort();
  if (!diag.has_errors()) result.model = ModelBuilderAccess::finish(std::move(builder));
  return result;
}

namespace {

// A file that stopped being clean inside one entity, with every entity and key before it clean
// (a file cut short, most often): the precise reader need not read it all again. Reading
// `{"<array>":[` and the text from that entity on gives the precise reader's own error, when
// it is a syntax error met before that array closes and after the entity's first string, for
// nothing before the entity can add to it. Anything else: nothing, and the whole file is read precisely.
constexpr std::size_t kMostRereadTail = std::size_t{1} << 20;

std::optional<LoadResult> syntax_error_in_tail(std::string_view text, std::string_view body, const CleanStop& stop) {
  if (stop.offset == std::string_view::npos || body.size() - stop.offset > kMostRereadTail) return std::nullopt;
  const std::string prefix = std::string("{\"") + kind_array(stop.kind) + "\":[";
  const std::string tail = prefix + std::string(body.substr(stop.offset));
  LoadResult result;
  ModelBuilder builder;
  SaxLoader sax(tail, builder, result.diagnostics);
  json::sax_parse(tail.begin(), tail.end(), &sax, nlohmann::detail::input_format_t::json, true, false);
  std::optional<SaxLoader::Fatal> fatal = sax.fatal_error();
  if (!fatal || !sax.inside_entity_array() || result.diagnostics.items().size() != 1 ||
      result.diagnostics.items()[0].code != "syntax")
    return std::nullopt;
  // nlohmann's message quotes what it read since its last string, number or literal: that
  // must lie inside the entity, not reach back into the made-up start.
  std::size_t first_string_end = tail.find('"', prefix.size());
  while (first_string_end != std::string::npos && first_string_end + 1 < tail.size()) {
    const char c = tail[++first_string_end];
    if (c == '\\') ++first_string_end;
    else if (c == '"') break;
  }
  if (first_string_end >= tail.size() || fatal->offset <= first_string_end) return std::nullopt;
  fatal->offset += static_cast<std::size_t>(body.data() - text.data()) + stop.offset - prefix.size();
  place(text, result.diagnostics, fatal);
  return result;
}

}  // namespace

LoadResult load_model_in_place(std::string_view text, std::size_t readable, ProgressObserver* observer,
                               bool file_mapping) {
  if (readable < text.size() + simdjson::SIMDJSON_PADDING) {
    std::string padded;
    padded.reserve(text.size() + simdjson::SIMDJSON_PADDING);
    padded.assign(text);
    padded.append(simdjson::SIMDJSON_PADDING, '\0');
    return load_model_in_place(std::string_view(padded.data(), text.size()), padded.size(), observer);
  }
  std::string_view body = text;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  ModelBuilder builder;
  ModelBuilderAccess::keep_source_index(builder);
  {
    ProgressPhase parsing(observer, "parsing", ProgressUnit::bytes);
    CleanStop stop;
    const CleanRead clean = read_clean_model(body, builder, &stop, &parsing, file_mapping);
    if (clean != CleanRead::clean) {
      if (std::optional<LoadResult> r = syntax_error_in_tail(text, body, stop)) return std::move(*r);
      return load_model_precisely(text);
    }
    parsing.advance(text.size(), text.size());
  }
  // A clean file: only the checks of the whole model can have something to say.
  const ProgressPhase checking(observer, "checking");
  LoadResult result;
  check_model(builder, result.diagnostics, &result.cycles);
  place(text, result.diagnostics, std::nullopt);
  result.diagnostics.sort();
  if (!result.diagnostics.has_errors()) result.model = ModelBuilderAccess::finish(std::move(builder));
  return result;
}

LoadResult load_model(std::string_view text) { return load_model_in_place(text, text.size()); }

}  // namespace clearpath
