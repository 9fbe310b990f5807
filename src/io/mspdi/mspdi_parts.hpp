#pragma once
// The MSPDI importer's parts (mspdi_import.cpp: the project, resources and assignments;
// mspdi_tasks.cpp: tasks, summary tasks and links).
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "clearpath/model_builder.hpp"
#include "clearpath/mspdi.hpp"
#include "io/mspdi/mspdi_reader.hpp"

namespace clearpath::mspdi {

// The names of the task and resource custom fields that carry clearpath's own data through MS
// Project (Text1-Text4 when clearpath writes the file; any field with these aliases is read).
inline constexpr const char* kIdField = "clearpath id";
inline constexpr const char* kAttributesField = "clearpath attributes";
inline constexpr const char* kKindField = "clearpath kind";
inline constexpr const char* kEstimateField = "clearpath estimate";  // "o,m,p": a three-point duration

// The ids given so far, and how new ones are made (MspdiIds). Custom-field ids are claimed
// first, for every task and resource, so that no made id takes one of them.
class IdPool {
 public:
  explicit IdPool(bool from_names) : from_names_(from_names) {}
  // The usable custom id `own` of `item`, claimed unless another item has it already.
  void claim_own(pugi::xml_node item, const std::optional<std::string>& own);
  std::optional<std::string> own(pugi::xml_node item) const;
  // A new id: `name` in kebab case, or that and "-UID", or `prefix` and the UID (and "-2", "-3"
  // ... should even that be taken).
  std::string make(std::string_view name, const std::string& prefix, long long uid);
  bool take(const std::string& id) { return taken_.insert(id).second; }

 private:
  bool from_names_;
  std::set<std::string> taken_;
  std::map<const void*, std::string> own_;
};

// What is read from the <Project> element before tasks and resources.
struct ProjectSettings {
  double minutes_per_day = 480;
  double days_per_week = 5;
  Ref initiative = kNoRef;
  std::map<long long, std::string> custom_fields;  // FieldID -> alias, for the three above
};

// The value of the custom field named `alias` of a task or resource, if it has one.
std::optional<std::string> custom_field(pugi::xml_node item, const ProjectSettings& project, const char* alias);

// The attributes in the custom field "clearpath attributes" of a task or resource; none (and a
// warning naming `id`) when it holds no JSON object.
Attributes custom_attributes(Reader& r, pugi::xml_node item, const ProjectSettings& project, const std::string& id);

// Whether `id` can be an entity id (as the JSON reader requires).
bool usable_id(const std::string& id);

// The demands of each task (by UID), from its assignments.
using TaskDemands = std::map<long long, std::vector<Demand>>;

// Reads every task of `project` into `builder` as steps (summary tasks as their steps'
// `summary` attribute, links on them moved to their subtasks). Returns each step's task, in the
// order of the model's steps (for placing the model's own errors in the file).
std::vector<pugi::xml_node> read_tasks(Reader& r, pugi::xml_node project, const ProjectSettings& settings,
                                       const TaskDemands& demands, IdPool& ids, ModelBuilder& builder,
                                       MspdiImportSummary& summary);

}  // namespace clearpath::mspdi
