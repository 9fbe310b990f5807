// What two versions of a model say differently, entity by entity and field by field
// (clearpath diff's "structure" section). Both are compared as their normalised files read, so
// the order of entities and of set-like lists does not count as a change.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "clearpath/diff.hpp"
#include "io/json/normalised_parts.hpp"
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

// The links of the activity `id` in `m` (none when it is not an activity there).
std::set<LinkKey> links_of(const Model& m, const std::string& id) {
  std::set<LinkKey> out;
  const std::optional<Ref> r = m.find(id);
  if (!r || (m.kind(*r) != EntityKind::step && m.kind(*r) != EntityKind::approval)) return out;
  const std::vector<Ref>& deps = m.depends_on(*r);
  const std::vector<LinkTiming>& timing = m.link_timing(*r);
  for (std::size_t k = 0; k < deps.size(); ++k) {
    const LinkTiming t = timing_at(timing, k);
    out.emplace(id, m.id(deps[k]), static_cast<int>(t.type), t.lag);
  }
  return out;
}

constexpr EntityKind kKinds[] = {EntityKind::person,     EntityKind::department, EntityKind::system,
                                 EntityKind::initiative, EntityKind::approval,   EntityKind::step};

std::size_t count_of(const Model& m, EntityKind kind) {
  switch (kind) {
    case EntityKind::person: return m.people().size();
    case EntityKind::department: return m.departments().size();
    case EntityKind::system: return m.systems().size();
    case EntityKind::initiative: return m.initiatives().size();
    case EntityKind::approval: return m.approvals().size();
    case EntityKind::step: return m.steps().size();
  }
  return 0;
}

// The entity of kind `kind` with this id in `m`, if there is one.
std::optional<Ref> counterpart(const Model& m, const std::string& id, EntityKind kind) {
  const std::optional<Ref> r = m.find(id);
  if (r && m.kind(*r) == kind) return r;
  return std::nullopt;
}

// The entities of one kind: removed, added, or changed field by field. Two entities with the
// same id are compared by fingerprint first (normalised_parts.hpp); only those that differ are
// written as JSON and compared member by member, so that a pair of million-step versions with a
// few changes is compared in a fraction of the time writing them would take. `activities`
// collects the ids whose links may have changed.
std::vector<EntityChange> diff_kind(const Model& before, const Model& after, EntityKind kind,
                                    std::set<std::string>& activities) {
  std::vector<EntityChange> out;
  const bool activity = kind == EntityKind::step || kind == EntityKind::approval;
  std::string x, y;
  for (std::size_t i = 0, n = count_of(before, kind); i < n; ++i) {
    const Ref r = before.ref_of(kind, i);
    const std::string& id = before.id(r);
    const std::optional<Ref> other = counterpart(after, id, kind);
    EntityChange change;
    change.kind = kind;
    change.id = id;
    if (!other) {
      change.change = ChangeKind::removed;
      change.pointer = entity_pointer(before, id);
    } else {
      x.clear();
      y.clear();
      entity_fingerprint(before, r, x);
      entity_fingerprint(after, *other, y);
      if (x == y) continue;
      change.pointer = entity_pointer(after, id);
      json a = normalised_entity(before, r), b = normalised_entity(after, *other);
      a.erase("depends_on");  // links are compared on their own
      b.erase("depends_on");
      diff_values(change.pointer, &a, &b, change.fields);
    }
    if (activity) activities.insert(id);
    if (change.change == ChangeKind::changed && change.fields.empty()) continue;
    out.push_back(std::move(change));
  }
  for (std::size_t i = 0, n = count_of(after, kind); i < n; ++i) {
    const std::string& id = after.id(after.ref_of(kind, i));
    if (counterpart(before, id, kind)) continue;
    EntityChange change;
    change.kind = kind;
    change.change = ChangeKind::added;
    change.id = id;
    change.pointer = entity_pointer(after, id);
    if (activity) activities.insert(id);
    out.push_back(std::move(change));
  }
  std::sort(out.begin(), out.end(), [](const EntityChange& p, const EntityChange& q) { return p.id < q.id; });
  return out;
}

}  // namespace

StructureDiff diff_structure(const Model& before, const Model& after) {
  StructureDiff out;
  // The file's own fields.
  const json old_fields = file_fields(before, true), new_fields = file_fields(after, true);
  for (const char* key : {"name", "description", "calendar", "status_date", "attributes"}) {
    const auto a = old_fields.find(key), b = new_fields.find(key);
    diff_values(std::string("/") + key, a == old_fields.end() ? nullptr : &*a, b == new_fields.end() ? nullptr : &*b,
                out.model);
  }
  // Entities, kind by kind, matched by id.
  std::set<std::string> activities;
  for (EntityKind kind : kKinds) {
    std::vector<EntityChange> changes = diff_kind(before, after, kind, activities);
    out.entities.insert(out.entities.end(), std::make_move_iterator(changes.begin()),
                        std::make_move_iterator(changes.end()));
  }
  // Links: only an activity whose fingerprint differs, or that is new or gone, can have
  // gained or lost one.
  std::vector<std::pair<LinkKey, ChangeKind>> links;
  for (const std::string& id : activities) {
    const std::set<LinkKey> old_links = links_of(before, id), new_links = links_of(after, id);
    for (const LinkKey& l : old_links)
      if (!new_links.count(l)) links.emplace_back(l, ChangeKind::removed);
    for (const LinkKey& l : new_links)
      if (!old_links.count(l)) links.emplace_back(l, ChangeKind::added);
  }
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
