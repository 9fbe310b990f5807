// Which change moves an initiative's date: the old version with one change of the structure
// diff alone, scheduled again, for each change while there are at most `budget` of them.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/on_threads.hpp"
#include "clearpath/diff.hpp"
#include "clearpath/load.hpp"
#include "clearpath/path_analysis.hpp"
#include "io/json/normalised_parts.hpp"

namespace clearpath {

namespace {

using json = nlohmann::ordered_json;

// One change as an edit of the old version's normalised file.
struct Trial {
  std::string name;
  std::function<bool(json&)> apply;  // false: it cannot be made alone
};

template <class J>
J* find_entity(J& m, const char* array, const std::string& id) {
  const auto list = m.find(array);
  if (list == m.end()) return nullptr;
  for (auto& e : *list)
    if (e.at("id") == id) return &e;
  return nullptr;
}

json link_entry(const LinkChange& l) {
  if (l.timing.plain()) return l.to;
  return json{{"on", l.to}, {"type", link_type_name(l.timing.type)}, {"lag", l.timing.lag}};
}

bool same_link(const json& entry, const LinkChange& l) {
  if (entry.is_string()) return entry == l.to && l.timing.plain();
  const auto type = parse_link_type(entry.value("type", "FS"));
  return entry.value("on", "") == l.to && type && *type == l.timing.type && entry.value("lag", 0.0) == l.timing.lag;
}

std::vector<Trial> trials_of(const StructureDiff& s, const json& after) {
  std::vector<Trial> trials;
  std::set<std::string> model_keys;  // the file's own fields, each key one change
  for (const FieldChange& f : s.model) model_keys.insert(f.pointer.substr(1, f.pointer.find('/', 1) - 1));
  for (const std::string& key : model_keys)
    trials.push_back({key + " changed", [key, &after](json& m) {
                        if (after.contains(key)) m[key] = after[key];
                        else m.erase(key);
                        return true;
                      }});
  for (const EntityChange& e : s.entities) {
    const char* array = kind_array(e.kind);
    const std::string id = e.id;
    if (e.change == ChangeKind::changed) {
      trials.push_back({describe_change(e), [=, &after](json& m) {
                          json* old_entity = find_entity(m, array, id);
                          const json* new_entity = find_entity(after, array, id);
                          if (!old_entity || !new_entity) return false;
                          json replaced = *new_entity;
                          replaced.erase("depends_on");  // links are changes of their own
                          if (old_entity->contains("depends_on")) replaced["depends_on"] = (*old_entity)["depends_on"];
                          *old_entity = std::move(replaced);
                          return true;
                        }});
    } else if (e.change == ChangeKind::added) {
      trials.push_back({describe_change(e), [=, &after](json& m) {
                          const json* new_entity = find_entity(after, array, id);
                          if (!new_entity) return false;
                          json added = *new_entity;
                          added.erase("depends_on");  // its links are changes of their own
                          m[array].push_back(std::move(added));
                          return true;
                        }});
    } else {
      trials.push_back({describe_change(e), [=](json& m) {
                          json& list = m[array];
                          for (auto it = list.begin(); it != list.end(); ++it)
                            if ((*it)["id"] == id) {
                              list.erase(it);
                              return true;
                            }
                          return false;
                        }});
    }
  }
  for (const LinkChange& l : s.links) {
    const bool added = l.change == ChangeKind::added;
    trials.push_back(
        {"link " + l.from + " -> " + l.to + " (" + link_timing_text(l.timing) + ") " + (added ? "added" : "removed"),
         [l, added](json& m) {
           json* from = find_entity(m, "steps", l.from);
           if (!from) from = find_entity(m, "approvals", l.from);
           if (!from) return false;
           json& deps = (*from)["depends_on"];
           if (added) {
             deps.push_back(link_entry(l));
             return true;
           }
           for (auto it = deps.begin(); it != deps.end(); ++it)
             if (same_link(*it, l)) {
               deps.erase(it);
               return true;
             }
           return false;
         }});
  }
  return trials;
}

// Each initiative's CPM production day in `m`.
std::map<std::string, double> finishes(const Model& m) {
  std::map<std::string, double> out;
  for (const InitiativeOutlook& o : analyze_path(m, PathOptions{}).initiatives) out[m.id(o.initiative)] = o.finish;
  return out;
}

}  // namespace

void attribute_slips(const Model& before, const Model& after, PlanDiff& d, std::size_t budget, unsigned threads) {
  const std::size_t changes = d.structure.model.size() + d.structure.entities.size() + d.structure.links.size();
  const bool any_slip = std::any_of(d.initiatives.begin(), d.initiatives.end(),
                                    [](const InitiativeSlip& s) { return s.before && s.after && s.slip != 0; });
  if (!any_slip || changes == 0) return;
  if (changes > budget) {
    for (InitiativeSlip& s : d.initiatives) s.combined = s.slip != 0;
    return;
  }
  const json old_file = model_json(before, true);
  const json new_file = model_json(after, true);
  const std::vector<Trial> trials = trials_of(d.structure, new_file);
  // Each change alone: the old file edited, read and scheduled again. The trials share nothing,
  // so they run on every core; each keeps its result in its own place, in the trials' order.
  std::vector<std::optional<std::map<std::string, double>>> alone(trials.size());
  const auto run = [&](std::size_t k) {
    json edited = old_file;
    if (!trials[k].apply(edited)) return;
    if (edited.contains("clearpath")) edited["clearpath"] = 2;  // the edit may use version 2's fields
    const LoadResult r = load_model(edited.dump());
    if (r.model) alone[k] = finishes(*r.model);  // else not valid without the other changes: only combined
  };
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::clamp<std::size_t>(trials.size(), 1, threads));
  std::atomic<std::size_t> next{0};
  on_threads(threads, [&](unsigned) {
    for (std::size_t k; (k = next++) < trials.size();) run(k);
  });
  for (std::size_t k = 0; k < trials.size(); ++k) {
    if (!alone[k]) continue;
    for (InitiativeSlip& s : d.initiatives) {
      if (!s.before || !s.after) continue;
      const auto it = alone[k]->find(s.id);
      if (it == alone[k]->end()) continue;
      const double days = it->second - *s.before;
      if (std::fabs(days) > 1e-9) s.causes.push_back(SlipCause{trials[k].name, days});
    }
  }
  for (InitiativeSlip& s : d.initiatives) {
    std::stable_sort(s.causes.begin(), s.causes.end(),
                     [](const SlipCause& a, const SlipCause& b) { return a.days > b.days; });
    double sum = 0;
    for (const SlipCause& c : s.causes) sum += c.days;
    s.combined = std::fabs(sum - s.slip) > 1e-6;
  }
}

}  // namespace clearpath
