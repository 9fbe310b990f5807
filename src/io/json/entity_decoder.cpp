#include "io/json/entity_decoder.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <initializer_list>
#include <optional>

#include "clearpath/version.hpp"
#include "io/json/attributes_json.hpp"
#include "model/entity_pointer.hpp"
#include "util/json_number.hpp"
#include "util/text.hpp"

namespace clearpath {

using json = nlohmann::ordered_json;

bool is_iso_date(std::string_view t) noexcept { return Date::parse(t).has_value(); }

bool is_side_name(std::string_view t) noexcept {
  if (t.empty() || t.size() > 64 || t[0] < 'a' || t[0] > 'z') return false;
  for (char c : t)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  return true;
}

namespace {

const char* type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::string: return "a string";
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "a number";
    default: return "a value of another type";
  }
}

struct NumberRule {
  double min = 0;
  bool min_exclusive = false;
  std::optional<double> max;
  bool integer = false;
};
constexpr NumberRule kNonNegative{};
constexpr NumberRule kPositive{0, true, std::nullopt, false};

std::string format_number(double v) { return json_number(v).dump(); }

// " (did you mean SS?)" for a link type written in lower case or in words.
std::string link_type_hint(std::string_view written) {
  std::string key;
  for (char c : written)
    if (c != '-' && c != '_' && c != ' ') key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static constexpr std::pair<std::string_view, std::string_view> kSpelled[] = {
      {"fs", "FS"}, {"finishtostart", "FS"},  {"ss", "SS"}, {"starttostart", "SS"},
      {"ff", "FF"}, {"finishtofinish", "FF"}, {"sf", "SF"}, {"starttofinish", "SF"}};
  for (const auto& [spelled, code] : kSpelled)
    if (key == spelled) return " (did you mean " + std::string(code) + "?)";
  return {};
}

// Reads the fields of one JSON object, reporting problems against `pointer` and `entity`.
class Fields {
 public:
  // `what` names the object in messages: prefix + kind + 'entity' ("the rule of step 'x'"),
  // built only when a message needs it.
  Fields(json& obj, std::string pointer, std::string prefix, const char* kind, std::string_view entity,
         ModelBuilder& builder, Diagnostics& diag)
      : obj_(obj), pointer_(std::move(pointer)), prefix_(std::move(prefix)), kind_(kind), entity_(entity),
        builder_(builder), diag_(diag) {}

  const std::string& pointer() const { return pointer_; }
  std::string what() const { return kind_ ? prefix_ + kind_ + " " + quote_text(entity_) : prefix_; }
  std::string at(std::string_view key) const { return pointer_join(pointer_, key); }
  std::string label(std::string_view key) const { return std::string(key) + " of " + what(); }
  json* find(const char* key) {
    auto it = obj_.find(key);
    return it == obj_.end() ? nullptr : &*it;
  }
  void error(const std::string& code, const std::string& at, const std::string& message) {
    diag_.error(code, at, std::string(entity_), message);
  }
  void wrong_type(const char* key, const json& v, const char* expected) {
    error("wrong-type", pointer_join(pointer_, key), label(key) + " must be " + expected + ", not " + type_name(v));
  }

  void text(const char* key, std::string& out) {
    json* v = find(key);
    if (!v) return;
    if (v->is_string()) out = v->get_ref<const std::string&>();
    else wrong_type(key, *v, "a string");
  }

  void date(const char* key, Date& out) {
    json* v = find(key);
    if (!v) return;
    if (!v->is_string()) return wrong_type(key, *v, "a date written YYYY-MM-DD");
    const std::string& text = v->get_ref<const std::string&>();
    if (const std::optional<Date> d = Date::parse(text)) out = *d;
    else
      error("bad-date", at(key),
            std::string(key) + " " + quote_text(text) + " of " + what() + " is not a date written YYYY-MM-DD");
  }

  void flag(const char* key, bool& out) {
    json* v = find(key);
    if (!v) return;
    if (v->is_boolean()) out = v->get<bool>();
    else wrong_type(key, *v, "true or false");
  }

  // `at` and `label` are callables giving the pointer and the name for a message, so the
  // common case (no problem) builds no strings.
  template <class At, class Label>
  bool number_value(const json& v, At&& at_fn, Label&& label_fn, NumberRule rule, double& out) {
    auto error = [&](const char* code, const std::string& message) { this->error(code, at_fn(), message); };
    if (!v.is_number()) {
      error("wrong-type", label_fn() + " must be a number, not " + type_name(v));
      return false;
    }
    const double x = v.get<double>();
    if (!std::isfinite(x)) {
      error("bad-number", label_fn() + " must be a finite number");
      return false;
    }
    if (rule.integer && std::floor(x) != x) {
      error("wrong-type", label_fn() + " must be a whole number, not " + format_number(x));
      return false;
    }
    if (x < rule.min || (rule.min_exclusive && x == rule.min)) {
      const std::string bound = rule.min_exclusive ? "greater than " : "at least ";
      error(rule.min == 0 && !rule.min_exclusive ? "negative-number" : "out-of-range",
            label_fn() + " must be " +
                (rule.min == 0 && !rule.min_exclusive ? std::string("non-negative") : bound + format_number(rule.min)) +
                ", not " + format_number(x));
      return false;
    }
    if (rule.max && x > *rule.max) {
      error("out-of-range", label_fn() + " must be at most " + format_number(*rule.max) + ", not " + format_number(x));
      return false;
    }
    out = x;
    return true;
  }

  void number(const char* key, double& out, NumberRule rule) {
    json* v = find(key);
    if (v)
      number_value(
          *v, [&] { return at(key); }, [&] { return label(key); }, rule, out);
  }

  void number(const char* key, std::optional<double>& out, NumberRule rule) {
    json* v = find(key);
    double x = 0;
    if (v && number_value(
                 *v, [&] { return at(key); }, [&] { return label(key); }, rule, x))
      out = x;
  }

  // A reference: an id string, interned (resolved and kind-checked once all ids are known).
  template <class At, class Label>
  bool ref_value(const json& v, At&& at_fn, Label&& label_fn, Ref& out) {
    if (!v.is_string() || v.get_ref<const std::string&>().empty()) {
      error("wrong-type", at_fn(),
            label_fn() + " must be an id (a non-empty string), not " +
                (v.is_string() ? std::string("an empty string") : type_name(v)));
      return false;
    }
    out = builder_.intern(v.get_ref<const std::string&>());
    return true;
  }

  void ref(const char* key, Ref& out) {
    json* v = find(key);
    if (v)
      ref_value(
          *v, [&] { return at(key); }, [&] { return label(key); }, out);
  }

  void refs(const char* key, std::vector<Ref>& out) {
    json* v = find(key);
    if (!v) return;
    if (!v->is_array()) return wrong_type(key, *v, "an array of ids");
    out.reserve(v->size());
    for (std::size_t i = 0; i < v->size(); ++i) {
      Ref r = kNoRef;
      if (ref_value((*v)[i], [&] { return pointer_join(at(key), i); }, [&] { return label(key); }, r)) out.push_back(r);
    }
  }

  // depends_on: ids, or objects {"on": id, "type": "FS", "lag": 2} giving a link's type and lag.
  // `timing` is left empty when every link is finish-to-start with no lag.
  void dependencies(std::vector<Ref>& out, std::vector<LinkTiming>& timing) {
    const char* key = "depends_on";
    json* v = find(key);
    if (!v) return;
    if (!v->is_array()) return wrong_type(key, *v, "an array of ids or {\"on\", \"type\", \"lag\"} links");
    out.reserve(v->size());
    for (std::size_t i = 0; i < v->size(); ++i) {
      json& item = (*v)[i];
      auto item_at = [&] { return pointer_join(at(key), i); };
      Ref r = kNoRef;
      if (!item.is_object()) {
        if (ref_value(
                item, item_at, [&] { return label(key); }, r)) {
          out.push_back(r);
          if (!timing.empty()) timing.emplace_back();
        }
        continue;
      }
      LinkTiming link;
      if (!link_value(item, i, item_at(), r, link)) continue;
      out.push_back(r);
      if (!link.plain() || !timing.empty()) {
        timing.resize(out.size() - 1);  // the links before it, all plain
        timing.push_back(link);
      }
    }
  }

  void texts(const char* key, std::vector<std::string>& out) {
    json* v = find(key);
    if (!v) return;
    if (!v->is_array()) return wrong_type(key, *v, "an array of strings");
    for (std::size_t i = 0; i < v->size(); ++i) {
      json& item = (*v)[i];
      if (item.is_string()) out.push_back(std::move(item.get_ref<std::string&>()));
      else error("wrong-type", pointer_join(at(key), i), label(key) + " must hold strings, not " + type_name(item));
    }
  }

  // Warns about every key not in `known`, suggesting the closest known one.
  void unknown_keys(std::initializer_list<std::string_view> known) {
    for (auto it = obj_.begin(); it != obj_.end(); ++it) {
      const std::string& key = it.key();
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      diag_.warning("unknown-key", at(key), std::string(entity_),
                    "unknown key " + quote_text(key) + " in " + what() + " (ignored)" +
                        did_you_mean(key, std::vector<std::string_view>(known)));
    }
  }

 private:
  // Link object `index` of depends_on, at `at`: its reference and timing; false when unusable.
  bool link_value(json& item, std::size_t index, const std::string& at, Ref& r, LinkTiming& link) {
    const std::string which = "dependency " + std::to_string(index + 1);
    Fields l(item, at, which + " of ", kind_, entity_, builder_, diag_);
    l.unknown_keys({"on", "type", "lag"});
    json* on = l.find("on");
    bool ok = true;
    if (!on) {
      l.error("missing-field", at, which + " of " + what() + " has no \"on\" (the id it depends on; required)");
      ok = false;
    } else {
      ok = l.ref_value(
          *on, [&] { return pointer_join(at, "on"); }, [&] { return l.label("on"); }, r);
    }
    if (json* type = l.find("type")) {
      const std::string type_at = pointer_join(at, "type");
      if (!type->is_string()) {
        l.wrong_type("type", *type, "one of FS, SS, FF, SF");
        ok = false;
      } else if (auto t = parse_link_type(type->get_ref<const std::string&>())) {
        link.type = *t;
      } else {
        l.error("unknown-link-type", type_at,
                "unknown link type " + quote_text(type->get_ref<const std::string&>()) + " of " + l.what() +
                    "; use one of FS (finish-to-start), SS (start-to-start), FF (finish-to-finish), SF "
                    "(start-to-finish)" +
                    link_type_hint(type->get_ref<const std::string&>()));
        ok = false;
      }
    }
    if (l.find("lag")) {
      double lag = 0;
      if (l.number_value(
              *l.find("lag"), [&] { return pointer_join(at, "lag"); }, [&] { return l.label("lag"); },
              NumberRule{-HUGE_VAL, false, std::nullopt, false}, lag))
        link.lag = lag == 0 ? 0.0 : lag;  // -0 is 0
      else ok = false;
    }
    return ok;
  }

  json& obj_;
  std::string pointer_;
  std::string prefix_;
  const char* kind_;
  std::string_view entity_;
  ModelBuilder& builder_;
  Diagnostics& diag_;
};

template <class E>
void read_common(Fields& f, E& e) {
  f.text("name", e.name);
  if (json* attrs = f.find("attributes")) {
    if (attrs->is_object()) e.attributes = attributes_of(*attrs);
    else f.wrong_type("attributes", *attrs, "an object");
  }
}

template <class Status>
void read_status(Fields& f, Status& out, std::initializer_list<std::pair<std::string_view, Status>> names) {
  json* v = f.find("status");
  if (!v) return;
  if (!v->is_string()) return f.wrong_type("status", *v, "a string");
  const std::string& s = v->get_ref<const std::string&>();
  std::vector<std::string_view> candidates;
  for (const auto& [name, value] : names) {
    if (name == s) {
      out = value;
      return;
    }
    candidates.push_back(name);
  }
  std::string allowed;
  for (std::string_view c : candidates) allowed += (allowed.empty() ? "" : ", ") + std::string(c);
  f.error(
      "unknown-status", pointer_join(f.pointer(), "status"),
      "unknown status " + quote_text(s) + " of " + f.what() + "; use one of " + allowed + did_you_mean(s, candidates));
}

void read_side(Fields& f, const char* key, std::string& out) {
  f.text(key, out);
  if (!out.empty() && !is_side_name(out)) {
    f.error("invalid-side", pointer_join(f.pointer(), key),
            "invalid side " + quote_text(out) + " of " + f.what() +
                ": a side is a lower-case name (at most 64 characters) such as it, business, legal or data");
    out.clear();
  }
}

void decode_person(Fields& f, Person& p) {
  f.unknown_keys({"id", "name", "attributes", "department", "reports_to", "dotted_line_to", "title", "roles",
                  "capacity", "skills", "available"});
  f.ref("department", p.department);
  f.ref("reports_to", p.reports_to);
  f.refs("dotted_line_to", p.dotted_line_to);
  f.text("title", p.title);
  f.texts("roles", p.roles);
  f.number("capacity", p.capacity, {0, true, 1.0, false});
  f.texts("skills", p.skills);
  f.flag("available", p.available);
}

void decode_department(Fields& f, Department& d) {
  f.unknown_keys({"id", "name", "attributes", "side", "head", "priorities", "capacity"});
  read_side(f, "side", d.side);
  f.ref("head", d.head);
  f.refs("priorities", d.priorities);
  f.number("capacity", d.capacity, kPositive);
}

void decode_system(Fields& f, System& s) {
  f.unknown_keys({"id", "name", "attributes", "legacy", "owner"});
  f.flag("legacy", s.legacy);
  f.ref("owner", s.owner);
}

void decode_initiative(Fields& f, Initiative& i) {
  f.unknown_keys(
      {"id", "name", "attributes", "sponsors", "value_per_month", "build_cost", "run_cost_per_month", "momentum_days"});
  f.refs("sponsors", i.sponsors);
  f.number("value_per_month", i.value_per_month, kNonNegative);
  f.number("build_cost", i.build_cost, kNonNegative);
  f.number("run_cost_per_month", i.run_cost_per_month, kNonNegative);
  f.number("momentum_days", i.momentum_days, kNonNegative);
}

void decode_rule(Fields& f, Rule& rule, ModelBuilder& builder, Diagnostics& diag, const std::string& entity) {
  json* v = f.find("rule");
  if (!v) return;
  if (!v->is_object()) return f.wrong_type("rule", *v, "an object");
  Fields r(*v, f.at("rule"), "the rule of ", "approval", entity, builder, diag);
  r.unknown_keys({"min_approvers", "slots", "distinct_departments", "independent"});
  double min = 1;
  r.number("min_approvers", min, {1, false, 1000, true});
  rule.min_approvers = static_cast<int>(min);
  r.flag("distinct_departments", rule.distinct_departments);
  r.flag("independent", rule.independent);
  json* slots = r.find("slots");
  if (!slots) return;
  if (!slots->is_array()) return r.wrong_type("slots", *slots, "an array of slots");
  for (std::size_t i = 0; i < slots->size(); ++i) {
    json& item = (*slots)[i];
    const std::string at = pointer_join(pointer_join(r.pointer(), "slots"), i);
    if (!item.is_object()) {
      r.error("wrong-type", at,
              "slot " + std::to_string(i + 1) + " of the rule of " + f.what() + " must be an object, not " +
                  type_name(item));
      continue;
    }
    Fields s(item, at, "slot " + std::to_string(i + 1) + " of ", "approval", entity, builder, diag);
    s.unknown_keys({"side", "role", "department"});
    Slot slot;
    read_side(s, "side", slot.side);
    s.text("role", slot.role);
    s.ref("department", slot.department);
    if (!s.find("side") && !s.find("role") && !s.find("department"))
      s.error("empty-slot", at,
              "slot " + std::to_string(i + 1) + " of " + f.what() +
                  " names none of side, role, department, so anyone fills it");
    rule.slots.push_back(std::move(slot));
  }
}

void decode_approval(Fields& f, Approval& a, ModelBuilder& builder, Diagnostics& diag) {
  f.unknown_keys({"id", "name", "attributes", "initiative", "approvers", "lead_time", "status", "depends_on", "rule",
                  "not_before", "deadline"});
  f.ref("initiative", a.initiative);
  f.refs("approvers", a.approvers);
  f.number("lead_time", a.lead_time, kNonNegative);
  read_status(
      f, a.status,
      {{"pending", ApprovalStatus::pending}, {"granted", ApprovalStatus::granted}, {"denied", ApprovalStatus::denied}});
  f.dependencies(a.depends_on, a.link_timing);
  decode_rule(f, a.rule, builder, diag, a.id);
  f.date("not_before", a.dates.not_before);
  f.date("deadline", a.dates.deadline);
}

void decode_duration(Fields& f, Duration& d, ModelBuilder& builder, Diagnostics& diag, const std::string& entity) {
  json* v = f.find("duration");
  if (!v) {
    f.error("missing-field", f.pointer(), f.what() + " has no duration (required)");
    return;
  }
  const std::string at = f.at("duration");
  if (v->is_number()) {
    double x = 0;
    if (f.number_value(
            *v, [&]() -> const std::string& { return at; }, [&] { return f.label("duration"); }, kNonNegative, x))
      d = Duration::fixed(x);
    return;
  }
  if (!v->is_object())
    return f.wrong_type("duration", *v, "a number of working days or {\"optimistic\", \"likely\", \"pessimistic\"}");
  Fields t(*v, at, "the duration of ", "step", entity, builder, diag);
  t.unknown_keys({"optimistic", "likely", "pessimistic"});
  bool complete = true;
  for (const char* key : {"optimistic", "likely", "pessimistic"})
    if (!t.find(key)) {
      complete = false;
      t.error("missing-field", at,
              "the duration of " + f.what() + " has no " + key + " (a three-point estimate needs all three)");
    }
  if (!complete) return;
  double o = -1, m = -1, p = -1;
  t.number("optimistic", o, kNonNegative);
  t.number("likely", m, kNonNegative);
  t.number("pessimistic", p, kNonNegative);
  if (o < 0 || m < 0 || p < 0) return;
  if (o > m) {
    t.error("estimate-order", pointer_join(at, "optimistic"),
            "optimistic (" + format_number(o) + ") is greater than likely (" + format_number(m) +
                ") in the duration of " + f.what());
  } else if (m > p) {
    t.error("estimate-order", pointer_join(at, "likely"),
            "likely (" + format_number(m) + ") is greater than pessimistic (" + format_number(p) +
                ") in the duration of " + f.what());
  } else {
    d = {o, m, p, true};
  }
}

void decode_demands(Fields& f, std::vector<Demand>& out, ModelBuilder& builder) {
  json* v = f.find("demands");
  if (!v) return;
  if (!v->is_object()) return f.wrong_type("demands", *v, "an object of resource id -> amount");
  const std::string at = pointer_join(f.pointer(), "demands");
  for (auto it = v->begin(); it != v->end(); ++it) {
    const std::string item_at = pointer_join(at, it.key());
    if (it.key().empty()) {
      f.error("wrong-type", item_at, "demands of " + f.what() + " name an empty resource id");
      continue;
    }
    Demand d;
    if (!f.number_value(
            it.value(), [&]() -> const std::string& { return item_at; },
            [&] { return "the demand on " + quote_text(it.key()) + " of " + f.what(); }, kPositive, d.amount))
      continue;
    d.resource = builder.intern(it.key());
    out.push_back(d);
  }
}

void decode_step(Fields& f, Step& s, ModelBuilder& builder, Diagnostics& diag) {
  f.unknown_keys({"id", "name", "attributes", "initiative", "system", "owner", "duration", "skills", "demands",
                  "status", "depends_on", "not_before", "deadline", "percent_complete", "remaining", "actual_start",
                  "actual_finish"});
  f.ref("initiative", s.initiative);
  f.ref("system", s.system);
  f.ref("owner", s.owner);
  decode_duration(f, s.duration, builder, diag, s.id);
  f.texts("skills", s.skills);
  decode_demands(f, s.demands, builder);
  read_status(f, s.status,
              {{"not-started", StepStatus::not_started},
               {"in-progress", StepStatus::in_progress},
               {"done", StepStatus::done},
               {"blocked", StepStatus::blocked}});
  f.dependencies(s.depends_on, s.link_timing);
  f.date("not_before", s.dates.not_before);
  f.date("deadline", s.dates.deadline);
  f.number("percent_complete", s.progress.percent_complete, {0, false, 100.0, false});
  f.number("remaining", s.progress.remaining, kNonNegative);
  f.date("actual_start", s.progress.actual_start);
  f.date("actual_finish", s.progress.actual_finish);
}

// Checks the id of an entity; empty optional when it is missing or unusable.
std::optional<std::string> read_id(json& obj, const std::string& pointer, EntityKind kind, std::size_t index,
                                   Diagnostics& diag) {
  const std::string what = std::string(kind_name(kind)) + " " + std::to_string(index + 1) + " of " + kind_array(kind);
  auto it = obj.find("id");
  if (it == obj.end()) {
    diag.error("missing-field", pointer, "", what + " has no id (required)");
    return std::nullopt;
  }
  const std::string at = pointer_join(pointer, "id");
  if (!it->is_string()) {
    diag.error("wrong-type", at, "", "id of " + what + " must be a string, not " + type_name(*it));
    return std::nullopt;
  }
  std::string& id = it->get_ref<std::string&>();
  if (id.empty()) {
    diag.error("bad-id", at, "", "id of " + what + " is empty");
    return std::nullopt;
  }
  if (id.size() > kMaxIdBytes) {
    diag.error("bad-id", at, "",
               "id of " + what + " is " + std::to_string(id.size()) + " bytes long; ids are at most " +
                   std::to_string(kMaxIdBytes));
    return std::nullopt;
  }
  for (unsigned char c : id)
    if (c < 0x20 || c == 0x7f) {
      diag.error("bad-id", at, "", "id " + quote_text(id) + " of " + what + " contains a control character");
      return std::nullopt;
    }
  return std::move(id);
}

template <class E, class Decode>
void decode_as(EntityKind kind, std::size_t index, json& obj, const std::string& pointer, std::string&& id,
               ModelBuilder& builder, Diagnostics& diag, Decode&& decode) {
  E e;
  e.id = std::move(id);
  e.source_index = static_cast<std::uint32_t>(index);
  Fields f(obj, pointer, "", kind_name(kind), e.id, builder, diag);
  read_common(f, e);
  decode(f, e);
  const std::string id_copy = e.id;
  if (!builder.add(std::move(e))) {
    const Ref first = *builder.find(id_copy);
    const Model& m = builder.model();
    diag.error("duplicate-id", pointer_join(pointer, "id"), id_copy,
               "duplicate id " + quote_text(id_copy) + ": already used by the " + kind_name(m.kind(first)) + " at /" +
                   kind_array(m.kind(first)) + "/" + std::to_string(m.entity(first).source_index));
  }
}

}  // namespace

void EntityDecoder::decode(EntityKind kind, std::size_t index, json&& value) {
  if (!value.is_object() && diagnostics_.full()) {  // e.g. millions of garbage elements
    diagnostics_.count(DiagnosticSeverity::error);
    return;
  }
  const std::string pointer = entity_pointer(kind, index);
  if (!value.is_object()) {
    diagnostics_.error(
        "wrong-type", pointer, "",
        std::string("each entry of ") + kind_array(kind) + " must be an object, not " + type_name(value));
    return;
  }
  std::optional<std::string> id = read_id(value, pointer, kind, index, diagnostics_);
  if (!id) return;
  ModelBuilder& b = builder_;
  Diagnostics& d = diagnostics_;
  switch (kind) {
    case EntityKind::person: return decode_as<Person>(kind, index, value, pointer, std::move(*id), b, d, decode_person);
    case EntityKind::department:
      return decode_as<Department>(kind, index, value, pointer, std::move(*id), b, d, decode_department);
    case EntityKind::system: return decode_as<System>(kind, index, value, pointer, std::move(*id), b, d, decode_system);
    case EntityKind::initiative:
      return decode_as<Initiative>(kind, index, value, pointer, std::move(*id), b, d, decode_initiative);
    case EntityKind::approval:
      return decode_as<Approval>(kind, index, value, pointer, std::move(*id), b, d,
                                 [&](Fields& f, Approval& a) { decode_approval(f, a, b, d); });
    case EntityKind::step:
      return decode_as<Step>(kind, index, value, pointer, std::move(*id), b, d,
                             [&](Fields& f, Step& s) { decode_step(f, s, b, d); });
  }
}

namespace {

// The calendar's working days: each a day name, once; at least one.
void decode_working_days(Fields& c, const json& days, Calendar& cal) {
  if (!days.is_array()) {
    c.wrong_type("working_days", days, "an array of day names (mon, tue, wed, thu, fri, sat, sun)");
    return;
  }
  if (days.empty()) {
    c.error("bad-weekday", "/calendar/working_days",
            "working_days is empty: a calendar needs a working day (leave it out for Monday to Friday)");
    return;
  }
  unsigned seen = 0;
  for (std::size_t i = 0; i < days.size(); ++i) {
    const json& d = days[i];
    const std::string at = "/calendar/working_days/" + std::to_string(i);
    const std::optional<int> day = d.is_string() ? parse_weekday(d.get_ref<const std::string&>()) : std::nullopt;
    if (!day) {
      c.error("bad-weekday", at,
              (d.is_string() ? "working day " + quote_text(d.get_ref<const std::string&>())
                             : std::string("a working day")) +
                  " is not one of mon, tue, wed, thu, fri, sat, sun");
    } else if ((seen >> *day) & 1u) {
      c.error("bad-weekday", at, std::string("working day ") + kWeekdayNames[*day] + " is listed twice");
    } else {
      seen |= 1u << *day;
      cal.working_days.emplace_back(kWeekdayNames[*day]);
    }
  }
}

// The calendar object: its start, working days and holidays, each checked.
Calendar decode_calendar(Fields& c) {
  Calendar cal;
  c.unknown_keys({"start", "holidays", "working_days"});
  c.text("start", cal.start);
  if (!cal.start.empty() && !is_iso_date(cal.start)) {
    c.error("bad-date", "/calendar/start",
            "calendar start " + quote_text(cal.start) + " is not a date written YYYY-MM-DD");
    cal.start.clear();
  }
  if (json* days = c.find("working_days")) decode_working_days(c, *days, cal);
  json* holidays = c.find("holidays");
  if (!holidays) return cal;
  if (!holidays->is_array()) {
    c.wrong_type("holidays", *holidays, "an array of dates");
    return cal;
  }
  for (std::size_t i = 0; i < holidays->size(); ++i) {
    const json& h = (*holidays)[i];
    const std::string at = "/calendar/holidays/" + std::to_string(i);
    if (!h.is_string())
      c.error("wrong-type", at, "holidays of the calendar must hold dates, not " + std::string(type_name(h)));
    else if (!is_iso_date(h.get_ref<const std::string&>()))
      c.error("bad-date", at,
              "holiday " + quote_text(h.get_ref<const std::string&>()) + " is not a date written YYYY-MM-DD");
    else cal.holidays.push_back(h.get<std::string>());
  }
  return cal;
}

}  // namespace

void EntityDecoder::decode_top_level(const std::string& key, json&& value) {
  json top = json::object();
  top[key] = std::move(value);
  Fields f(top, "", "the file", nullptr, "", builder_, diagnostics_);
  std::string text;
  if (key == "clearpath") {
    double version = 1;
    f.number("clearpath", version, {1, false, std::nullopt, true});
    if (version > kFormatVersion)
      f.error("unsupported-version", "/clearpath",
              "format version " + format_number(version) + " is not supported; this clearpath reads versions 1 to " +
                  std::to_string(kFormatVersion));
  } else if (key == "name") {
    f.text("name", text);
    builder_.set_name(std::move(text));
  } else if (key == "description") {
    f.text("description", text);
    builder_.set_description(std::move(text));
  } else if (key == "$schema") {
    f.text("$schema", text);
  } else if (key == "status_date") {
    Date date;
    f.date("status_date", date);
    builder_.set_status_date(date);
  } else if (key == "attributes") {
    json& attrs = top["attributes"];
    if (attrs.is_object()) builder_.set_attributes(attributes_of(attrs));
    else f.wrong_type("attributes", attrs, "an object");
  } else if (key == "calendar") {
    json& cal = top["calendar"];
    if (!cal.is_object()) return f.wrong_type("calendar", cal, "an object");
    Fields c(cal, "/calendar", "the calendar", nullptr, "", builder_, diagnostics_);
    builder_.set_calendar(decode_calendar(c));
  }
}

}  // namespace clearpath
