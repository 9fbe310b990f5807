// What two versions of a model say differently, entity by entity and field by field
// (clearpath diff's "structure" section). Both are compared as their normalised files, so the
// order of entities and of set-like lists does not count as a change.
#include <algorithm>
#include <map>
#include <set>
#include <string>
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

}  // namespace

StructureDiff diff_structure(const Model& before, const Model& after) {
  StructureDiff out;
  const json a = json::parse(normalised_model_json(before));
  const json b = json::parse(normalised_model_json(after));
  // The file's own fields.
  for (const char* key : {"name", "description", "calendar", "status_date", "attributes"}) {
    const auto x = a.find(key), y = b.find(key);
    diff_values(std::string("/") + key, x == a.end() ? nullptr : &*x, y == b.end() ? nullptr : &*y, out.model);
  }
  // Entities, kind by kind, matched by id.
  for (EntityKind kind : kKinds) {
    const char* array = kind_array(kind);
    std::map<std::string, const json*> old_items, new_items;
    if (const auto it = a.find(array); it != a.end())
      for (const json& e : *it) old_items.emplace(e.at("id").get<std::string>(), &e);
    if (const auto it = b.find(array); it != b.end())
      for (const json& e : *it) new_items.emplace(e.at("id").get<std::string>(), &e);
    std::set<std::string> ids;
    for (const auto& [id, e] : old_items) ids.insert(id);
    for (const auto& [id, e] : new_items) ids.insert(id);
    for (const std::string& id : ids) {
      const auto o = old_items.find(id), n = new_items.find(id);
      EntityChange change;
      change.kind = kind;
      change.id = id;
      if (o == old_items.end()) {
        change.change = ChangeKind::added;
        change.pointer = entity_pointer(after, id);
      } else if (n == new_items.end()) {
        change.change = ChangeKind::removed;
        change.pointer = entity_pointer(before, id);
      } else {
        change.pointer = entity_pointer(after, id);
        json x = *o->second, y = *n->second;
        x.erase("depends_on");  // links are compared on their own, below
        y.erase("depends_on");
        diff_values(change.pointer, &x, &y, change.fields);
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
