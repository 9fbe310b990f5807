#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "model/checks.hpp"
#include "model/entity_pointer.hpp"
#include "model/reference_sites.hpp"
#include "model/work_graph.hpp"
#include "util/both.hpp"
#include "util/text.hpp"

namespace clearpath {

std::string ReferenceSite::pointer(const Model& m) const {
  std::string p = entity_pointer(from_kind, from(m).source_index) + "/" + field;
  if (element >= 0) pointer_append(p, static_cast<std::size_t>(element));
  else if (std::string_view(field) == "demands") pointer_append(p, m.id(target));
  if (subfield) pointer_append(p, subfield);
  return p;
}

const EntityBase& ReferenceSite::from(const Model& m) const { return m.entity(m.ref_of(from_kind, from_index)); }

namespace {

// Suggestions compare an unknown id with every id of the right kind: at most this many
// distinct unknown ids get one, within a total budget of edit-distance cells (~0.2 s).
constexpr std::size_t kSuggestionLimit = 20;
constexpr std::size_t kSuggestionBudget = 200'000'000;

class Suggester {
 public:
  explicit Suggester(const ModelBuilder& b) : b_(b) {}
  std::string suggest(const std::string& id, unsigned allowed) {
    auto done = cache_.find({id, allowed});
    if (done != cache_.end()) return done->second;
    if (cache_.size() >= kSuggestionLimit) return {};
    std::vector<std::string_view>& candidates = candidates_[allowed];
    if (candidates.empty())
      for (Ref r = 0; r < b_.interned_count(); ++r)
        if (auto k = b_.defined_kind(r); k && (kind_bit(*k) & allowed)) candidates.push_back(b_.id(r));
    const std::size_t cost = candidates.size() * (id.size() + 1) * 7;  // band of width 2*3+1
    if (cost > budget_) return {};
    budget_ -= cost;
    return cache_[{id, allowed}] = did_you_mean(id, candidates);
  }

 private:
  const ModelBuilder& b_;
  std::map<unsigned, std::vector<std::string_view>> candidates_;
  std::map<std::pair<std::string, unsigned>, std::string> cache_;
  std::size_t budget_ = kSuggestionBudget;
};

std::string what(const Model& m, const ReferenceSite& s) {
  return std::string(kind_name(s.from_kind)) + " " + quote_text(s.from(m).id);
}

std::string field_label(const ReferenceSite& s) {
  if (std::string_view(s.field) == "rule/slots") return "the department of slot " + std::to_string(s.element + 1);
  return s.field;
}

void check_self_reference(const ModelBuilder& b, const ReferenceSite& s, Ref from, Diagnostics& diag) {
  if (s.target != from) return;
  const Model& m = b.model();
  const std::string field = s.field;
  const std::string& id = s.from(m).id;
  if (field == "depends_on") diag.error("self-dependency", s.pointer(m), id, what(m, s) + " depends on itself");
  else if (field == "reports_to")
    diag.error("self-reference", s.pointer(m), id, "person " + quote_text(id) + " reports to themselves");
  else if (field == "dotted_line_to")
    diag.error("self-reference", s.pointer(m), id, "person " + quote_text(id) + " has a dotted line to themselves");
}

// A list that names the same entity twice: an error for priorities (the ranking is
// ambiguous), a warning elsewhere.
void check_repeats(const ModelBuilder& b, Diagnostics& diag) {
  const Model& m = b.model();
  // Sites come list by list: each entity is stamped with the number of the list it was last
  // seen in (no set to allocate and clear for each of a million lists).
  std::tuple<EntityKind, std::size_t, const char*> list{EntityKind::person, 0, nullptr};
  std::uint32_t list_number = 0;
  std::vector<std::uint32_t> seen_in(b.interned_count(), 0);
  for_each_reference(m, [&](const ReferenceSite& s) {
    if (s.element < 0 || s.subfield) return;
    if (std::tuple{s.from_kind, s.from_index, s.field} != list) {
      list = {s.from_kind, s.from_index, s.field};
      ++list_number;
    }
    if (seen_in[s.target] != list_number) {
      seen_in[s.target] = list_number;
      return;
    }
    const std::string& id = s.from(m).id;
    const std::string msg =
        quote_text(m.id(s.target)) + " is listed more than once in " + s.field + " of " + what(m, s);
    if (std::string_view(s.field) == "priorities")
      diag.error("duplicate-priority", s.pointer(m), id, msg + "; a priority list ranks each initiative once");
    else diag.warning("duplicate-entry", s.pointer(m), id, msg);
  });
}

// A rule slot asking for a side that no department has can never be filled.
void check_slot_sides(const ModelBuilder& b, Diagnostics& diag) {
  const Model& m = b.model();
  std::set<std::string> sides;
  for (const Department& d : m.departments())
    if (!d.side.empty()) sides.insert(d.side);
  std::vector<std::string_view> candidates(sides.begin(), sides.end());
  for (const Approval& a : m.approvals()) {
    for (std::size_t j = 0; j < a.rule.slots.size(); ++j) {
      const std::string& side = a.rule.slots[j].side;
      if (side.empty() || sides.count(side)) continue;
      diag.error("unknown-side",
                 entity_pointer(EntityKind::approval, a.source_index) + "/rule/slots/" + std::to_string(j) + "/side",
                 a.id,
                 "unknown side " + quote_text(side) + " in slot " + std::to_string(j + 1) + " of approval " +
                     quote_text(a.id) + ": no department has that side" + did_you_mean(side, candidates));
    }
  }
}

}  // namespace

void check_references(const ModelBuilder& b, Diagnostics& diag) {
  const Model& m = b.model();
  Suggester suggester(b);
  for_each_reference(m, [&](const ReferenceSite& s) {
    const std::string& from_id = s.from(m).id;
    const std::string& target_id = b.id(s.target);
    const std::optional<EntityKind> kind = b.defined_kind(s.target);
    if (!kind) {
      diag.error("unknown-reference", s.pointer(m), from_id,
                 "unknown reference " + quote_text(target_id) + " in " + field_label(s) + " of " + what(m, s) +
                     suggester.suggest(target_id, s.allowed));
      return;
    }
    if (!(kind_bit(*kind) & s.allowed)) {
      diag.error("wrong-kind", s.pointer(m), from_id,
                 field_label(s) + " of " + what(m, s) + " names " + quote_text(target_id) + ", which is a " +
                     kind_name(*kind) + "; expected " + s.expected);
      return;
    }
    check_self_reference(b, s, m.ref_of(s.from_kind, s.from_index), diag);
  });
  check_repeats(b, diag);
  check_slot_sides(b, diag);
}

namespace {

// From's diagnostics after to's, as if they had been reported into `to` in that order.
void append(Diagnostics& to, const Diagnostics& from) {
  std::size_t errors = 0, warnings = 0;
  for (const Diagnostic& d : from.items()) {
    to.add(d);
    ++(d.severity == DiagnosticSeverity::error ? errors : warnings);
  }
  for (; errors < from.error_count(); ++errors) to.count(DiagnosticSeverity::error);
  for (; warnings < from.warning_count(); ++warnings) to.count(DiagnosticSeverity::warning);
}

// From this many entities on, the reference check runs on a second thread beside the others
// (each reads the model only); below it, a thread costs more than it saves.
constexpr std::size_t kParallelChecks = 100'000;

}  // namespace

void check_model(const ModelBuilder& builder, Diagnostics& diag, std::vector<DependencyCycle>* cycles) {
  auto others = [&](Diagnostics& into) {
    const WorkGraph work(builder, builder.model());
    check_dependency_cycles(builder, work, into, cycles);
    check_reporting_cycles(builder, into);
    check_links(builder, into);
    check_activity_dates(builder, into);
    check_progress(builder, into);
    check_feasibility(builder, &work, into);
  };
  Diagnostics rest;
  run_both(
      builder.interned_count() >= kParallelChecks, [&] { check_references(builder, diag); }, [&] { others(rest); });
  append(diag, rest);
}

}  // namespace clearpath
