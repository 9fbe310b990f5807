// `clearpath export --format graphml`: GraphML (http://graphml.graphdrawing.org/xmlns) for Gephi,
// yEd, networkx and Neo4j (apoc.import.graphml with readLabels: true). See docs/export.md.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "clearpath/export.hpp"
#include "io/export/export_parts.hpp"

namespace clearpath {
namespace {

// Text as XML character data or an attribute value. & < > " ' become entities; tab, newline
// and carriage return become character references (so parsers keep them, even in attributes);
// what XML 1.0 cannot hold at all (other control characters, U+FFFE, U+FFFF, bytes that are not
// UTF-8) becomes U+FFFD. Appended to `out`: the writer fills a buffer, as an ostream taking one
// character at a time costs more than the rest of the export.
constexpr bool plain_xml_char(unsigned char c) {
  return c >= 0x20 && c < 0x80 && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
}

// A character JSON writes as it is, in a string: printable ASCII but the quote and backslash.
constexpr bool plain_json_char(char c) { return c >= 0x20 && c < 0x7F && c != '"' && c != '\\'; }

void xml_text(std::string& out, std::string_view s) {
  static const char* const kReplacement = "\xEF\xBF\xBD";
  std::size_t i = 0;
  while (i < s.size()) {
    // The common case first: a run of printable ASCII that needs no entity, copied at once.
    std::size_t plain = i;
    while (plain < s.size() && plain_xml_char(static_cast<unsigned char>(s[plain]))) ++plain;
    out.append(s.data() + i, plain - i);
    i = plain;
    if (i == s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        case '\t': out += "&#9;"; break;
        case '\n': out += "&#10;"; break;
        case '\r': out += "&#13;"; break;
        default: out += kReplacement;  // the other control characters
      }
      ++i;
      continue;
    }
    // A multi-byte UTF-8 sequence: checked whole, or replaced byte by byte.
    const std::size_t len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
    bool ok = len != 0 && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      if (len == 3 && c == 0xE0 && c1 < 0xA0) ok = false;   // overlong
      if (len == 3 && c == 0xED && c1 >= 0xA0) ok = false;  // surrogate
      if (len == 4 && ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90))) ok = false;
    }
    if (ok) {
      // U+FFFE and U+FFFF are well-formed UTF-8 but not XML characters: one U+FFFD for each.
      const bool noncharacter = len == 3 && c == 0xEF && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
                                static_cast<unsigned char>(s[i + 2]) >= 0xBE;
      if (noncharacter) out += kReplacement;
      else out.append(s.data() + i, len);
      i += len;
    } else {
      out += kReplacement;
      ++i;
    }
  }
}

enum class For { graph, node, edge };

struct Key {
  const char* id;
  For domain;
  const char* name;                // attr.name
  const char* type;                // attr.type
  bool list = false;               // a JSON array of strings (attr.list="string", as apoc reads it)
  const char* fallback = nullptr;  // the key's <default>: the value of an element that gives none
};

// Every key of the document. Ids are the attribute names, except where a node and an edge key
// share a name: Neo4j's apoc reads node labels from the key with id "labels" and relationship
// types from the edge key with id "label".
constexpr Key kKeys[] = {
    {"graph_name", For::graph, "name", "string"},
    {"graph_description", For::graph, "description", "string"},
    {"graph_calendar_start", For::graph, "calendar_start", "string"},
    {"graph_calendar_holidays", For::graph, "calendar_holidays", "string", true},
    {"graph_calendar_working_days", For::graph, "calendar_working_days", "string", true},
    {"graph_attributes", For::graph, "attributes", "string"},
    {"graph_status_date", For::graph, "status_date", "string"},
    {"labels", For::node, "labels", "string"},
    {"node_label", For::node, "label", "string"},
    {"kind", For::node, "kind", "string"},
    {"name", For::node, "name", "string"},
    {"title", For::node, "title", "string"},
    {"roles", For::node, "roles", "string", true},
    {"skills", For::node, "skills", "string", true},
    {"capacity", For::node, "capacity", "double"},
    {"available", For::node, "available", "boolean"},
    {"side", For::node, "side", "string"},
    {"legacy", For::node, "legacy", "boolean"},
    {"value_per_month", For::node, "value_per_month", "double"},
    {"build_cost", For::node, "build_cost", "double"},
    {"run_cost_per_month", For::node, "run_cost_per_month", "double"},
    {"momentum_days", For::node, "momentum_days", "double"},
    {"lead_time", For::node, "lead_time", "double"},
    {"status", For::node, "status", "string"},
    {"min_approvers", For::node, "min_approvers", "int"},
    {"distinct_departments", For::node, "distinct_departments", "boolean"},
    {"independent", For::node, "independent", "boolean"},
    {"slots", For::node, "slots", "string"},
    {"duration", For::node, "duration", "double"},
    {"optimistic", For::node, "optimistic", "double"},
    {"likely", For::node, "likely", "double"},
    {"pessimistic", For::node, "pessimistic", "double"},
    {"not_before", For::node, "not_before", "string"},
    {"deadline", For::node, "deadline", "string"},
    {"percent_complete", For::node, "percent_complete", "double"},
    {"remaining", For::node, "remaining", "double"},
    {"actual_start", For::node, "actual_start", "string"},
    {"actual_finish", For::node, "actual_finish", "string"},
    {"attributes", For::node, "attributes", "string"},
    {"label", For::edge, "label", "string"},
    {"relation", For::edge, "relation", "string"},
    {"rank", For::edge, "rank", "int"},
    {"slot", For::edge, "slot", "int"},
    {"amount", For::edge, "amount", "double"},
    {"link_type", For::edge, "link_type", "string", false, "FS"},  // depends_on edges
    {"lag", For::edge, "lag", "double", false, "0"},
};

const char* domain_name(For f) { return f == For::graph ? "graph" : f == For::node ? "node" : "edge"; }

class GraphmlWriter {
 public:
  GraphmlWriter(std::ostream& out, const Model& m) : out_(out), m_(m) {}

  void write() {
    buf_ +=
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";
    for (const Key& k : kKeys) {
      buf_ += std::string("  <key id=\"") + k.id + "\" for=\"" + domain_name(k.domain) + "\" attr.name=\"" + k.name +
              "\" attr.type=\"" + k.type + "\"" + (k.list ? " attr.list=\"string\"" : "");
      buf_ += k.fallback ? std::string("><default>") + k.fallback + "</default></key>\n" : std::string("/>\n");
    }
    buf_ += "  <graph id=\"clearpath\" edgedefault=\"directed\">\n";
    indent_ = "    ";
    if (!m_.name.empty()) text("graph_name", m_.name);
    if (!m_.description.empty()) text("graph_description", m_.description);
    if (!m_.calendar.start.empty()) text("graph_calendar_start", m_.calendar.start);
    list("graph_calendar_holidays", m_.calendar.holidays);
    list("graph_calendar_working_days", m_.calendar.working_days);
    if (m_.attributes.has_value()) text("graph_attributes", m_.attributes.json());
    if (!m_.status_date.empty()) text("graph_status_date", m_.status_date.iso());
    const std::vector<Ref> nodes = export_nodes(m_);
    for (Ref r : nodes) {
      node(r);
      flush(kFlushAt);
    }
    std::size_t n = 0;
    for (const ExportEdge& e : export_edges(m_, nodes)) {
      edge(e, n++);
      flush(kFlushAt);
    }
    buf_ += "  </graph>\n</graphml>\n";
    flush(0);
  }

 private:
  static constexpr std::size_t kFlushAt = 1 << 20;
  static constexpr std::size_t kNumbersKept = 4096;

  // Hands the buffer to the stream once it holds at least `at` bytes.
  void flush(std::size_t at) {
    if (buf_.size() < at || buf_.empty()) return;
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

  static std::string json_text(const nlohmann::ordered_json& j) {
    return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  }

  void data(const char* key, const std::string& raw) {
    buf_ += indent_;
    buf_ += "<data key=\"";
    buf_ += key;
    buf_ += "\">";
    buf_ += raw;
    buf_ += "</data>\n";
  }
  void text(const char* key, std::string_view value) {
    buf_ += indent_;
    buf_ += "<data key=\"";
    buf_ += key;
    buf_ += "\">";
    xml_text(buf_, value);
    buf_ += "</data>\n";
  }
  // Models repeat a few numbers (capacities, durations) a million times: each is formatted once.
  void number(const char* key, double v) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    if (const auto it = numbers_.find(bits); it != numbers_.end()) return data(key, it->second);
    std::string text = number_text(v);
    data(key, text);
    if (numbers_.size() < kNumbersKept) numbers_.emplace(bits, std::move(text));
  }
  void boolean(const char* key, bool v) { data(key, v ? "true" : "false"); }
  void integer(const char* key, int v) { data(key, std::to_string(v)); }
  // A set of words as a JSON array, sorted as in the normalised JSON; nothing when empty.
  void list(const char* key, const std::vector<std::string>& items) {
    if (items.empty()) return;
    std::vector<const std::string*> sorted;
    sorted.reserve(items.size());
    for (const std::string& item : items) sorted.push_back(&item);
    std::sort(sorted.begin(), sorted.end(), [](const std::string* a, const std::string* b) { return *a < *b; });
    // Words JSON writes as they are (the usual case) are quoted here, the rest by nlohmann.
    const bool plain = std::all_of(sorted.begin(), sorted.end(), [](const std::string* item) {
      return std::all_of(item->begin(), item->end(), [](char c) { return plain_json_char(c); });
    });
    if (!plain) {
      std::vector<std::string> copy;
      for (const std::string* item : sorted) copy.push_back(*item);
      return text(key, json_text(nlohmann::ordered_json(copy)));
    }
    std::string json = "[";
    for (const std::string* item : sorted) json.append(json.size() > 1 ? ",\"" : "\"").append(*item).append("\"");
    text(key, json.append("]"));
  }

  void node(Ref r) {
    const EntityKind kind = m_.kind(r);
    const EntityBase& e = m_.entity(r);
    buf_ += "    <node id=\"";
    xml_text(buf_, e.id);
    buf_ += "\">\n";
    indent_ = "      ";
    text("labels", ":" + kind_label(kind));
    text("node_label", m_.display_name(r));
    text("kind", kind_name(kind));
    if (!e.name.empty()) text("name", e.name);
    switch (kind) {
      case EntityKind::person: {
        const Person& p = m_.person(r);
        if (!p.title.empty()) text("title", p.title);
        list("roles", p.roles);
        list("skills", p.skills);
        number("capacity", p.capacity);
        boolean("available", p.available);
        break;
      }
      case EntityKind::department: {
        const Department& d = m_.department(r);
        if (!d.side.empty()) text("side", d.side);
        if (d.capacity) number("capacity", *d.capacity);
        break;
      }
      case EntityKind::system: boolean("legacy", m_.system(r).legacy); break;
      case EntityKind::initiative: {
        const Initiative& i = m_.initiative(r);
        number("value_per_month", i.value_per_month);
        number("build_cost", i.build_cost);
        number("run_cost_per_month", i.run_cost_per_month);
        if (i.momentum_days) number("momentum_days", *i.momentum_days);
        break;
      }
      case EntityKind::approval: {
        const Approval& a = m_.approval(r);
        number("lead_time", a.lead_time);
        text("status", status_name(a.status));
        integer("min_approvers", a.rule.min_approvers);
        boolean("distinct_departments", a.rule.distinct_departments);
        boolean("independent", a.rule.independent);
        dates(a.dates);
        if (!a.rule.slots.empty()) {
          nlohmann::ordered_json slots = nlohmann::ordered_json::array();
          for (const Slot& s : a.rule.slots) {
            nlohmann::ordered_json slot = nlohmann::ordered_json::object();
            if (!s.side.empty()) slot["side"] = s.side;
            if (!s.role.empty()) slot["role"] = s.role;
            if (s.department != kNoRef) slot["department"] = m_.id(s.department);
            slots.push_back(std::move(slot));
          }
          text("slots", json_text(slots));
        }
        break;
      }
      case EntityKind::step: {
        const Step& s = m_.step(r);
        number("duration", s.duration.expected());
        if (s.duration.three_point) {
          number("optimistic", s.duration.optimistic);
          number("likely", s.duration.likely);
          number("pessimistic", s.duration.pessimistic);
        }
        text("status", status_name(s.status));
        list("skills", s.skills);
        dates(s.dates);
        const StepProgress& p = s.progress;
        if (p.percent_complete > 0) number("percent_complete", p.percent_complete);
        if (p.has_remaining()) number("remaining", p.remaining);
        if (!p.actual_start.empty()) text("actual_start", p.actual_start.iso());
        if (!p.actual_finish.empty()) text("actual_finish", p.actual_finish.iso());
        break;
      }
    }
    if (e.attributes.has_value()) text("attributes", e.attributes.json());
    indent_ = "    ";
    buf_ += "    </node>\n";
  }

  // not_before and deadline, when given.
  void dates(const DateConstraints& d) {
    if (!d.not_before.empty()) text("not_before", d.not_before.iso());
    if (!d.deadline.empty()) text("deadline", d.deadline.iso());
  }

  void edge(const ExportEdge& e, std::size_t n) {
    buf_ += "    <edge id=\"e";
    buf_ += std::to_string(n);
    buf_ += "\" source=\"";
    xml_text(buf_, m_.id(e.from));
    buf_ += "\" target=\"";
    xml_text(buf_, m_.id(e.to));
    buf_ += "\">\n";
    indent_ = "      ";
    text("label", relation_type(e.relation));  // first: apoc takes the relationship type from it
    text("relation", relation_name(e.relation));
    if (e.relation == Relation::prioritizes) integer("rank", e.rank);
    if (e.relation == Relation::requires_department) integer("slot", e.slot);
    if (e.relation == Relation::demands) number("amount", e.amount);
    if (e.link.type != LinkType::finish_to_start) text("link_type", link_type_name(e.link.type));
    if (e.link.lag != 0) number("lag", e.link.lag);
    indent_ = "    ";
    buf_ += "    </edge>\n";
  }

  std::ostream& out_;
  const Model& m_;
  std::string indent_;
  std::string buf_;                                         // written to out_ in pieces of about kFlushAt
  std::unordered_map<std::uint64_t, std::string> numbers_;  // by the bits of the double: its text
};

}  // namespace

void write_graphml(std::ostream& out, const Model& model) { GraphmlWriter(out, model).write(); }

}  // namespace clearpath
