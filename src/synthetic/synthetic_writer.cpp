// The generator's layout of a model (synthetic_parts.hpp): written through a buffer, one entity
// per line, so a 1,000,000-step model streams out in seconds.
#include <charconv>
#include <cmath>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "synthetic/synthetic_parts.hpp"

namespace clearpath::synthetic {
namespace {

class Out {
 public:
  Out(const Model& m, std::ostream& out) : m_(m), out_(out) { buf_.reserve(kFlushAt + 4096); }
  ~Out() { flush(); }
  Out(const Out&) = delete;
  Out& operator=(const Out&) = delete;

  void flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }
  const Model& model() const { return m_; }
  void raw(std::string_view s) { buf_.append(s); }
  void put(char c) { buf_.push_back(c); }
  // Whole numbers as integers, others in the shortest form that reads back the same.
  void num(double v) {
    char tmp[32];
    const auto res = std::floor(v) == v && std::fabs(v) < 9e15
                         ? std::to_chars(tmp, tmp + sizeof tmp, static_cast<long long>(v))
                         : std::to_chars(tmp, tmp + sizeof tmp, v);
    buf_.append(tmp, res.ptr);
  }
  void str(std::string_view s) {
    put('"');
    for (char c : s) {
      const auto u = static_cast<unsigned char>(c);
      if (c == '"' || c == '\\') {
        put('\\');
        put(c);
      } else if (u < 0x20) {
        static constexpr char kHex[] = "0123456789abcdef";
        raw("\\u00");
        put(kHex[u >> 4]);
        put(kHex[u & 15]);
      } else {
        put(c);
      }
    }
    put('"');
  }
  void key(std::string_view k) {  // ,"k":
    raw(",\"");
    raw(k);
    raw("\":");
  }
  void ref(std::string_view k, Ref r) {
    if (r == kNoRef) return;
    key(k);
    str(m_.id(r));
  }
  void refs(std::string_view k, const std::vector<Ref>& rs, bool always = false) {
    if (rs.empty() && !always) return;
    key(k);
    put('[');
    for (std::size_t i = 0; i < rs.size(); ++i) {
      if (i) put(',');
      str(m_.id(rs[i]));
    }
    put(']');
  }
  void texts(std::string_view k, const std::vector<std::string>& ts) {
    if (ts.empty()) return;
    key(k);
    put('[');
    for (std::size_t i = 0; i < ts.size(); ++i) {
      if (i) put(',');
      str(ts[i]);
    }
    put(']');
  }
  // {"id":...,"name":... : the start of every entity.
  void begin(const EntityBase& e) {
    raw("{\"id\":");
    str(e.id);
    if (!e.name.empty()) {
      key("name");
      str(e.name);
    }
  }
  void end(const EntityBase& e) {
    if (e.attributes.has_value()) {
      key("attributes");
      raw(e.attributes.json());
    }
    put('}');
  }
  // Before element `index` of an array: one entity per line; the buffer is flushed when full.
  void separator(std::size_t index) {
    raw(index == 0 ? "\n" : ",\n");
    if (buf_.size() >= kFlushAt) flush();
  }

 private:
  static constexpr std::size_t kFlushAt = 1 << 20;
  const Model& m_;
  std::ostream& out_;
  std::string buf_;
};

void person(Out& o, const Person& p) {
  o.begin(p);
  o.ref("department", p.department);
  o.ref("reports_to", p.reports_to);
  o.refs("dotted_line_to", p.dotted_line_to);
  if (!p.title.empty()) {
    o.key("title");
    o.str(p.title);
  }
  o.texts("roles", p.roles);
  o.key("capacity");
  o.num(p.capacity);
  o.texts("skills", p.skills);
  if (!p.available) o.raw(",\"available\":false");
  o.end(p);
}

void department(Out& o, const Department& d) {
  o.begin(d);
  if (!d.side.empty()) {
    o.key("side");
    o.str(d.side);
  }
  o.ref("head", d.head);
  o.refs("priorities", d.priorities);
  if (d.capacity) {
    o.key("capacity");
    o.num(*d.capacity);
  }
  o.end(d);
}

void system(Out& o, const System& s) {
  o.begin(s);
  o.raw(s.legacy ? ",\"legacy\":true" : ",\"legacy\":false");
  o.ref("owner", s.owner);
  o.end(s);
}

void initiative(Out& o, const Initiative& i) {
  o.begin(i);
  o.refs("sponsors", i.sponsors);
  o.key("value_per_month");
  o.num(i.value_per_month);
  o.key("build_cost");
  o.num(i.build_cost);
  o.key("run_cost_per_month");
  o.num(i.run_cost_per_month);
  if (i.momentum_days) {
    o.key("momentum_days");
    o.num(*i.momentum_days);
  }
  o.end(i);
}

void rule(Out& o, const Rule& r) {
  o.raw(",\"rule\":{\"min_approvers\":");
  o.num(r.min_approvers);
  if (!r.slots.empty()) {
    o.raw(",\"slots\":[");
    for (std::size_t k = 0; k < r.slots.size(); ++k) {
      const Slot& s = r.slots[k];
      if (k) o.put(',');
      o.put('{');
      bool first = true;
      const auto field = [&](std::string_view name) {
        o.raw(first ? "\"" : ",\"");
        o.raw(name);
        o.raw("\":");
        first = false;
      };
      if (!s.side.empty()) {
        field("side");
        o.str(s.side);
      }
      if (!s.role.empty()) {
        field("role");
        o.str(s.role);
      }
      if (s.department != kNoRef) {
        field("department");
        o.str(o.model().id(s.department));
      }
      o.put('}');
    }
    o.put(']');
  }
  if (r.distinct_departments) o.raw(",\"distinct_departments\":true");
  if (r.independent) o.raw(",\"independent\":true");
  o.put('}');
}

void approval(Out& o, const Approval& a) {
  o.begin(a);
  o.ref("initiative", a.initiative);
  o.refs("approvers", a.approvers, true);
  o.key("lead_time");
  o.num(a.lead_time);
  o.key("status");
  o.str(status_name(a.status));
  rule(o, a.rule);
  o.refs("depends_on", a.depends_on);
  o.end(a);
}

void step(Out& o, const Step& s) {
  o.begin(s);
  o.ref("initiative", s.initiative);
  o.ref("system", s.system);
  o.ref("owner", s.owner);
  o.key("duration");
  if (s.duration.three_point) {
    o.raw("{\"optimistic\":");
    o.num(s.duration.optimistic);
    o.raw(",\"likely\":");
    o.num(s.duration.likely);
    o.raw(",\"pessimistic\":");
    o.num(s.duration.pessimistic);
    o.put('}');
  } else {
    o.num(s.duration.likely);
  }
  o.texts("skills", s.skills);
  if (!s.demands.empty()) {
    o.key("demands");
    for (std::size_t k = 0; k < s.demands.size(); ++k) {
      o.put(k ? ',' : '{');
      o.str(o.model().id(s.demands[k].resource));
      o.put(':');
      o.num(s.demands[k].amount);
    }
    o.put('}');
  }
  o.key("status");
  o.str(status_name(s.status));
  o.refs("depends_on", s.depends_on);
  o.end(s);
}

// "name":[ one entity per line ], and what follows it.
template <class E, class F>
void array(Out& o, std::string_view name, std::span<const E> items, F&& write, std::string_view after) {
  o.put('"');
  o.raw(name);
  o.raw("\":[");
  for (std::size_t k = 0; k < items.size(); ++k) {
    o.separator(k);
    write(o, items[k]);
  }
  o.raw("\n]");
  o.raw(after);
}

void calendar(Out& o, const Calendar& c) {
  o.raw("\"calendar\":{");
  bool first = true;
  if (!c.start.empty()) {
    o.raw("\"start\":");
    o.str(c.start);
    first = false;
  }
  if (!c.holidays.empty()) {
    o.raw(first ? "\"holidays\":[" : ",\"holidays\":[");
    for (std::size_t k = 0; k < c.holidays.size(); ++k) {
      if (k) o.put(',');
      o.str(c.holidays[k]);
    }
    o.put(']');
  }
  o.raw("},\n");
}

}  // namespace

void write_generated_model(const Model& m, std::ostream& out) {
  Out o(m, out);
  o.raw("{\n\"clearpath\":1,\n\"name\":");
  o.str(m.name);
  o.raw(",\n\"description\":");
  o.str(m.description);
  o.raw(",\n");
  calendar(o, m.calendar);
  if (m.attributes.has_value()) {
    o.raw("\"attributes\":");
    o.raw(m.attributes.json());
    o.raw(",\n");
  }
  array(o, "people", m.people(), person, ",\n");
  array(o, "departments", m.departments(), department, ",\n");
  array(o, "systems", m.systems(), system, ",\n");
  array(o, "initiatives", m.initiatives(), initiative, ",\n");
  array(o, "approvals", m.approvals(), approval, ",\n");
  array(o, "steps", m.steps(), step, "\n}\n");
}

}  // namespace clearpath::synthetic
