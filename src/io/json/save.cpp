#include "clearpath/save.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/json/attributes_json.hpp"
#include "io/json/entity_fields.hpp"
#include "io/json/json_sink.hpp"
#include "io/json/normalised_parts.hpp"
#include "util/json_number.hpp"
#include "util/text.hpp"

namespace clearpath {
namespace {

using ojson = nlohmann::ordered_json;

// The array of one kind of entity: in model order, or sorted by id when normalising.
template <class E, class F>
void add_array(ojson& root, const char* key, std::span<const E> items, bool normalise, F&& f) {
  if (items.empty()) return;
  std::vector<const E*> order;
  order.reserve(items.size());
  for (const E& e : items) order.push_back(&e);
  if (normalise) std::sort(order.begin(), order.end(), [](const E* a, const E* b) { return a->id < b->id; });
  ojson a = ojson::array();
  for (const E* e : order) {
    ojson o = ojson::object();
    JsonSink sink(o);
    f(sink, *e);
    a.push_back(std::move(o));
  }
  root[key] = std::move(a);
}

// The oldest file format version that holds the model: 2 once a link has a type or a lag, an
// activity has a date constraint, there is progress (a status date, a step's) or the calendar
// names its working days, so
// that an older clearpath says it cannot read the file rather than misreading it.
int format_version_of(const Model& m) {
  auto typed = [](const std::vector<LinkTiming>& timing) {
    return std::any_of(timing.begin(), timing.end(), [](const LinkTiming& t) { return !t.plain(); });
  };
  if (!m.status_date.empty() || !m.calendar.working_days.empty()) return 2;
  for (const Step& s : m.steps())
    if (typed(s.link_timing) || !s.dates.empty() || !s.progress.empty()) return 2;
  for (const Approval& a : m.approvals())
    if (typed(a.link_timing) || !a.dates.empty()) return 2;
  return 1;
}

}  // namespace

std::string save_model(const Model& m) { return save_model(m, SaveOptions{}); }

nlohmann::ordered_json file_fields(const Model& m, bool normalise) {
  const EntityFields w(m, normalise);
  ojson root;
  root["clearpath"] = format_version_of(m);
  if (!m.name.empty()) root["name"] = m.name;
  if (!m.description.empty()) root["description"] = m.description;
  if (!m.calendar.start.empty() || !m.calendar.holidays.empty() || !m.calendar.working_days.empty()) {
    ojson cal = ojson::object();
    if (!m.calendar.start.empty()) cal["start"] = m.calendar.start;
    if (!m.calendar.working_days.empty()) {
      // In the order of the week, whatever order the file gave.
      ojson days = ojson::array();
      const unsigned mask = working_weekdays(m.calendar);
      for (int k = 0; k < 7; ++k)
        if ((mask >> k) & 1u) days.push_back(kWeekdayNames[k]);
      cal["working_days"] = std::move(days);
    }
    JsonSink calendar(cal);
    w.texts(calendar, "holidays", m.calendar.holidays);
    root["calendar"] = std::move(cal);
  }
  if (!m.status_date.empty()) root["status_date"] = m.status_date.iso();
  if (m.attributes.has_value()) root["attributes"] = json_of(m.attributes);
  return root;
}

nlohmann::ordered_json model_json(const Model& m, bool normalise) {
  const EntityFields w(m, normalise);
  ojson root = file_fields(m, normalise);
  add_array(root, "people", m.people(), normalise, [&](JsonSink& o, const Person& p) { w.person(o, p); });
  add_array(root, "departments", m.departments(), normalise,
            [&](JsonSink& o, const Department& d) { w.department(o, d); });
  add_array(root, "systems", m.systems(), normalise, [&](JsonSink& o, const System& s) { w.system(o, s); });
  add_array(root, "initiatives", m.initiatives(), normalise,
            [&](JsonSink& o, const Initiative& i) { w.initiative(o, i); });
  add_array(root, "approvals", m.approvals(), normalise, [&](JsonSink& o, const Approval& a) { w.approval(o, a); });
  add_array(root, "steps", m.steps(), normalise, [&](JsonSink& o, const Step& s) { w.step(o, s); });
  return root;
}

std::string save_model(const Model& m, const SaveOptions& options) {
  return model_json(m, options.normalise).dump(2, ' ', false, nlohmann::json::error_handler_t::strict) + "\n";
}

}  // namespace clearpath
