// What two versions of a model say differently, entity by entity and field by field
// (clearpath diff's "structure" section). Both are compared as their normalised files, so the
// order of entities and of set-like lists does not count as a change.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "clearpath/diff.hpp"
#include "clearpath/export.hpp"
#include "util/text.hpp"

namespace clearpath {

const char* change_kind_name(ChangeKind k) noexcept {
  switch (k) {
    case ChangeKind::added: return "added";
    case ChangeKind::removed: return "removed";
    case ChangeKind::changed: return "changed";
  }
  return "changed";
}

std::string describe_change(const EntityChange& e) {
  std::string out = std::string(kind_name(e.kind)) + " " + e.id;
  if (e.change != ChangeKind::changed) return out.append(" ").append(change_kind_name(e.change));
  std::set<std::string> names;
  for (const FieldChange& f : e.fields) {
    const std::string rest = f.pointer.substr(e.pointer.size() + 1);
    names.insert(rest.substr(0, rest.find('/')));
  }
  out += ":";
  for (const std::string& n : names) out.append(out.back() == ':' ? " " : ", ").append(n);
  return out;
}

namespace {

using json = nlohmann::ordered_json;

std::string text(const json& v) { return v.dump(-1, ' ', false, json::error_handler_t::replace); }

// Every value that differs under `pointer`: objects member by member (members of `a` first, in
// their order, then those only `b` has), anything else whole.
void diff_values(const std::string& pointer, const json* a, const json* b, std::vector<FieldChange>& out) {
  if (!a && !b) return;
  if (a && b && *a == *b) return;
  if (a && b && a->is_object() && b->is_object()) {
    for (const auto& [key, value] : a->items()) {
      const auto other = b->find(key);
      diff_values(pointer_join(pointer, key), &value, other == b->end() ? nullptr : &*other, out);
    }
    for (const auto& [key, value] : b->items())
      if (!a->contains(key)) diff_values(pointer_join(pointer, key), nullptr, &value, out);
    return;
  }
  out.push_back(FieldChange{pointer, a ? text(*a) : std::string(), b ? text(*b) : std::string()});
}

std::string entity_pointer(const Model& m, const std::string& id) {
  const Ref r = *m.find(id);
  std::string pointer = "/";
  pointer.append(kind_array(m.kind(r))).append("/").append(std::to_string(m.entity(r).source_index));
  return pointer;
}

using LinkKey = std::tuple<std::string, std::string, int, double>;  // from, to, type, lag

std::set<LinkKey> links_of(const Model& m) {
  std::set<LinkKey> out;
  const auto add = [&](Ref activity) {
    const std::vector<Ref>& deps = m.depends_on(activity);
    const std::vector<LinkTiming>& timing = m.link_timing(activity);
    for (std::size_t k = 0; k < deps.size(); ++k) {
      const LinkTiming t = timing_at(timing, k);
      out.emplace(m.id(activity), m.id(deps[k]), static_cast<int>(t.type), t.lag);
    }
  };
  for (std::size_t i = 0; i < m.steps().size(); ++i) add(m.ref_of(EntityKind::step, i));
  for (std::size_t i = 0; i < m.approvals().size(); ++i) add(m.ref_of(EntityKind::approval, i));
  return out;
}

constexpr EntityKind kKinds[] = {EntityKind::person,     EntityKind::department, EntityKind::system,
                                 EntityKind::initiative, EntityKind::approval,   EntityKind::step};

// A normalised file (save_model's layout: two spaces per level, one member or element per line)
// cut into its top-level members and, for the entity arrays, each entity's text by id, without
// parsing it: only the entities whose texts differ are parsed, so that a million-step pair with
// a few changes is compared in the time it takes to write the files.
struct Parts {
  std::map<std::string, std::string_view> members;                        // top-level key -> value text
  std::map<std::string, std::map<std::string, std::string_view>> arrays;  // entity array -> id -> object text
};

bool is_entity_array(std::string_view key) {
  for (EntityKind k : kKinds)
    if (key == kind_array(k)) return true;
  return false;
}

Parts split_normalised(std::string_view text) {
  Parts p;
  std::size_t at = 0;
  const auto next_line = [&](std::string_view& line) {
    if (at >= text.size()) return false;
    const std::size_t end = text.find('\n', at);
    line = text.substr(at, (end == std::string_view::npos ? text.size() : end) - at);
    at = end == std::string_view::npos ? text.size() : end + 1;
    return true;
  };
  const auto strip_comma = [](std::string_view v) {
    if (!v.empty() && v.back() == ',') v.remove_suffix(1);
    return v;
  };
  std::string_view line;
  next_line(line);  // "{"
  std::size_t member_start = 0;
  std::string key;
  while (next_line(line)) {
    if (line.size() < 3 || line.substr(0, 3) != "  \"") continue;  // inside a member: handled below
    const std::size_t colon = line.find("\": ");
    key = json::parse(line.substr(2, colon - 1)).get<std::string>();
    const std::string_view rest = line.substr(colon + 3);
    if (is_entity_array(key) && rest == "[") {
      std::map<std::string, std::string_view>& items = p.arrays[key];
      std::size_t object_start = 0;
      std::string id;
      while (next_line(line) && line != "  ]" && line != "  ],") {
        if (line == "    {") object_start = static_cast<std::size_t>(line.data() - text.data());
        else if (line.substr(0, 12) == "      \"id\": " && id.empty())
          id = json::parse(strip_comma(line.substr(12))).get<std::string>();
        else if (line == "    }" || line == "    },") {
          const std::size_t end = static_cast<std::size_t>(line.data() - text.data()) + 5;
          items.emplace(std::move(id), text.substr(object_start, end - object_start));
          id.clear();
        }
      }
      continue;
    }
    // Any other member: its value runs to the line before the next member, or before the "}".
    member_start = static_cast<std::size_t>(rest.data() - text.data());
    std::size_t end = at;
    std::string_view look;
    while (true) {
      const std::size_t line_start = at;
      if (!next_line(look) || (look.size() >= 3 && look.substr(0, 3) == "  \"") || look == "}") {
        at = line_start;
        break;
      }
      end = at;
    }
    std::string_view value = text.substr(member_start, end - member_start);
    while (!value.empty() && (value.back() == '\n' || value.back() == ',')) value.remove_suffix(1);
    p.members.emplace(key, value);
  }
  return p;
}

}  // namespace

StructureDiff diff_structure(const Model& before, const Model& after) {
  StructureDiff out;
  // Both files written side by side: writing them is most of the work.
  std::string old_text;
  std::thread writer([&] { old_text = normalised_model_json(before); });
  std::string new_text;
  try {
    new_text = normalised_model_json(after);
  } catch (...) {
    writer.join();
    throw;
  }
  writer.join();
  const Parts a = split_normalised(old_text), b = split_normalised(new_text);
  const auto parsed = [](const std::map<std::string, std::string_view>& m, const std::string& key) {
    const auto it = m.find(key);
    return it == m.end() ? std::optional<json>() : std::optional<json>(json::parse(it->second));
  };
  // The file's own fields.
  for (const char* key : {"name", "description", "calendar", "status_date", "attributes"}) {
    const std::optional<json> x = parsed(a.members, key), y = parsed(b.members, key);
    diff_values(std::string("/") + key, x ? &*x : nullptr, y ? &*y : nullptr, out.model);
  }
  // Entities, kind by kind, matched by id; only those whose texts differ are parsed.
  static const std::map<std::string, std::string_view> kNone;
  for (EntityKind kind : kKinds) {
    const char* array = kind_array(kind);
    const auto oa = a.arrays.find(array), na = b.arrays.find(array);
    const auto& old_items = oa == a.arrays.end() ? kNone : oa->second;
    const auto& new_items = na == b.arrays.end() ? kNone : na->second;
    auto o = old_items.begin();
    auto n = new_items.begin();
    while (o != old_items.end() || n != new_items.end()) {
      EntityChange change;
      change.kind = kind;
      if (n == new_items.end() || (o != old_items.end() && o->first < n->first)) {
        change.change = ChangeKind::removed;
        change.id = o->first;
        change.pointer = entity_pointer(before, change.id);
        ++o;
      } else if (o == old_items.end() || n->first < o->first) {
        change.change = ChangeKind::added;
        change.id = n->first;
        change.pointer = entity_pointer(after, change.id);
        ++n;
      } else {
        const bool same = o->second == n->second;
        change.id = o->first;
        if (!same) {
          change.pointer = entity_pointer(after, change.id);
          json x = json::parse(o->second), y = json::parse(n->second);
          x.erase("depends_on");  // links are compared on their own, below
          y.erase("depends_on");
          diff_values(change.pointer, &x, &y, change.fields);
        }
        ++o;
        ++n;
        if (change.fields.empty()) continue;
      }
      out.entities.push_back(std::move(change));
    }
  }
  // Links.
  const std::set<LinkKey> old_links = links_of(before), new_links = links_of(after);
  std::vector<std::pair<LinkKey, ChangeKind>> links;
  for (const LinkKey& l : old_links)
    if (!new_links.count(l)) links.emplace_back(l, ChangeKind::removed);
  for (const LinkKey& l : new_links)
    if (!old_links.count(l)) links.emplace_back(l, ChangeKind::added);
  std::sort(links.begin(), links.end(), [](const auto& x, const auto& y) {
    return std::tie(std::get<0>(x.first), std::get<1>(x.first), y.second, x.first) <
           std::tie(std::get<0>(y.first), std::get<1>(y.first), x.second, y.first);
  });
  for (const auto& [l, change] : links)
    out.links.push_back(LinkChange{change, std::get<0>(l), std::get<1>(l),
                                   LinkTiming{static_cast<LinkType>(std::get<2>(l)), std::get<3>(l)}});
  return out;
}

}  // namespace clearpath
