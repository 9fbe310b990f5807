#pragma once
// A model exported for other tools (docs/export.md): the normalised JSON of the file format,
// GraphML (Gephi, yEd, Neo4j's apoc.import.graphml, networkx), plain Graphviz DOT, or MS
// Project XML (write_mspdi in clearpath/mspdi.hpp).
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "clearpath/model.hpp"

namespace clearpath {

enum class ExportFormat : std::uint8_t { json, graphml, dot, mspdi };
inline constexpr ExportFormat kExportFormats[] = {ExportFormat::json, ExportFormat::graphml, ExportFormat::dot,
                                                  ExportFormat::mspdi};

const char* export_format_name(ExportFormat f) noexcept;  // "json", "graphml", "dot", "mspdi"
std::optional<ExportFormat> parse_export_format(std::string_view name);

// The normalised model in the file format: entities of each kind sorted by id, set-like lists
// sorted, keys in a fixed order, defaults omitted. load_model of it gives back the same model
// (up to the order of those lists) and exporting that again gives the same bytes.
std::string normalised_model_json(const Model& model);

// GraphML: one node per entity (id = the entity id), one directed edge per relation, typed keys.
void write_graphml(std::ostream& out, const Model& model);
// DOT: one node per entity, one edge per relation labelled with it; no layout attributes.
void write_dot(std::ostream& out, const Model& model);

// The model in any of the formats, written to `out` / returned as text.
void write_export(std::ostream& out, const Model& model, ExportFormat format);
std::string export_model(const Model& model, ExportFormat format);

}  // namespace clearpath
