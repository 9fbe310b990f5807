#include "report/stats_report.hpp"

#include <iomanip>
#include <ostream>

namespace clearpath {
namespace {

std::string count(std::size_t n, EntityKind k) {
  return std::to_string(n) + " " + (n == 1 ? kind_name(k) : kind_array(k));
}

}  // namespace

std::string stats_summary(const ModelStats& s) {
  std::string out;
  for (int k = 0; k < kEntityKindCount; ++k) {
    const auto kind = static_cast<EntityKind>(k);
    out += (k ? ", " : "") + count(s.entities[k], kind);
    if (kind == EntityKind::system && s.legacy_systems > 0)
      out += " (" + std::to_string(s.legacy_systems) + " legacy)";
  }
  return out;
}

void print_stats(std::ostream& out, const std::string& file, const std::string& model_name,
                 const ModelStats& s) {
  auto row = [&](const std::string& label, std::size_t n) {
    out << "  " << std::left << std::setw(22) << label << std::right << std::setw(9) << n << "\n";
  };
  out << file;
  if (!model_name.empty()) out << " (" << model_name << ")";
  out << "\n\n" << std::left << std::setw(24) << "entities" << std::right << std::setw(9) << "count" << "\n";
  for (int k = 0; k < kEntityKindCount; ++k) row(kind_array(static_cast<EntityKind>(k)), s.entities[k]);
  row("total", s.entity_total);
  out << "\n" << std::left << std::setw(24) << "relations" << std::right << std::setw(9) << "count" << "\n";
  for (int r = 0; r < kRelationCount; ++r) row(relation_name(static_cast<Relation>(r)), s.relations[r]);
  row("total", s.relation_total);
  out << "\n";
  row("legacy systems", s.legacy_systems);
  row("three-point steps", s.three_point_steps);
  row("steps not done", s.open_steps);
  row("approvals pending", s.pending_approvals);
}

nlohmann::ordered_json stats_json(const ModelStats& s) {
  nlohmann::ordered_json entities, relations;
  for (int k = 0; k < kEntityKindCount; ++k) entities[kind_array(static_cast<EntityKind>(k))] = s.entities[k];
  entities["total"] = s.entity_total;
  for (int r = 0; r < kRelationCount; ++r) relations[relation_name(static_cast<Relation>(r))] = s.relations[r];
  relations["total"] = s.relation_total;
  nlohmann::ordered_json out;
  out["entities"] = std::move(entities);
  out["relations"] = std::move(relations);
  out["legacy_systems"] = s.legacy_systems;
  out["three_point_steps"] = s.three_point_steps;
  out["open_steps"] = s.open_steps;
  out["pending_approvals"] = s.pending_approvals;
  return out;
}

}  // namespace clearpath
