// `clearpath stats` as a listing document (text or Markdown) or JSON, and the validate summary.
#include "report/stats_report.hpp"

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
    if (kind == EntityKind::system && s.legacy_systems > 0) out += " (" + std::to_string(s.legacy_systems) + " legacy)";
  }
  return out;
}

Document stats_document(const std::string& file, const std::string& model_name, const ModelStats& s) {
  Document d;
  d.listing = true;
  d.title = file + (model_name.empty() ? "" : " (" + model_name + ")");
  // Three untitled sections: the text reads each table's header as its heading.
  auto counts = [&](const char* id, const char* what) -> Table& {
    return d.section(id, "").listing_table({{what, 22}, {"count", 9, true}});
  };
  Table& entities = counts("entities", "entities");
  entities.header = Table::Header::hanging;
  for (int k = 0; k < kEntityKindCount; ++k)
    entities.row({kind_array(static_cast<EntityKind>(k)), std::to_string(s.entities[k])});
  entities.row({"total", std::to_string(s.entity_total)});
  Table& relations = counts("relations", "relations");
  relations.header = Table::Header::hanging;
  for (int r = 0; r < kRelationCount; ++r)
    relations.row({relation_name(static_cast<Relation>(r)), std::to_string(s.relations[r])});
  relations.row({"total", std::to_string(s.relation_total)});
  Table& other = counts("other", "also counted");
  other.header = Table::Header::none;
  other.row({"legacy systems", std::to_string(s.legacy_systems)});
  other.row({"three-point steps", std::to_string(s.three_point_steps)});
  other.row({"steps not done", std::to_string(s.open_steps)});
  other.row({"approvals pending", std::to_string(s.pending_approvals)});
  return d;
}

void print_stats(std::ostream& out, const std::string& file, const std::string& model_name, const ModelStats& s) {
  write_text(out, stats_document(file, model_name, s), false);
}

void write_stats_markdown(std::ostream& out, const std::string& file, const std::string& model_name,
                          const ModelStats& s) {
  write_markdown(out, stats_document(file, model_name, s));
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
