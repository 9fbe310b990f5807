#pragma once
// `clearpath render`: annotated diagrams of a model for sponsors (see docs/render.md).
//  - org: the organisation in department clusters, sponsors and approvers marked, missing
//    co-pilots as placeholders with suggested candidates;
//  - approvals: each initiative's gates in dependency order with their slots and approvers;
//  - deps: steps and gates with the critical path, float, blockers and the longest
//    legacy-system chain, legacy systems as clusters;
//  - conflicts: departments and the initiatives they rank, with ranking conflicts, inversions
//    and over-allocated people;
//  - timeline: a Gantt chart in calendar dates, planned (CPM) and levelled, with the critical
//    path, gates as milestones, days off, the status date and momentum windows.
// Large models are collapsed to stay within a node budget, and the title says what was.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "clearpath/diagram.hpp"
#include "clearpath/error.hpp"
#include "clearpath/model.hpp"

namespace clearpath {

enum class View : std::uint8_t { org, approvals, deps, conflicts, timeline };
inline constexpr View kViews[] = {View::org, View::approvals, View::deps, View::conflicts, View::timeline};
const char* view_name(View v) noexcept;
std::optional<View> parse_view(std::string_view s) noexcept;

enum class DiagramFormat : std::uint8_t { dot, svg, png, pdf };
const char* format_name(DiagramFormat f) noexcept;
std::optional<DiagramFormat> parse_diagram_format(std::string_view s) noexcept;

// Boxes per diagram before a view collapses: a readable page, laid out by dot well under a second
// on a 2-core machine (see BENCHMARKS.md).
inline constexpr std::size_t kDefaultNodeBudget = 300;

struct RenderOptions {
  View view = View::deps;
  std::string initiative;            // "": every initiative
  std::string focus;                 // deps: an activity; draw it and what is within `depth` links
  std::optional<std::size_t> depth;  // deps: links from --focus (default 2); org: levels below the top drawn
  std::string root;                  // org: draw this person's sub-organisation
  std::string department;            // org: draw this department's people alone (one page of --page-per)
  bool all_edges = false;            // deps: every dependency, not the transitive reduction
  std::size_t node_budget = kDefaultNodeBudget;  // above it, views collapse
};

// Options naming no such entity or one of the wrong kind, or options that do not apply to the
// view (--root outside org ...): an input error (exit status 2).
struct RenderError : Error {
  using Error::Error;
};

// The annotated diagram of one view. Deterministic: the same model and options give the same
// diagram.
Diagram build_diagram(const Model& model, const RenderOptions& options);

// Lays out with Graphviz's dot (in-process, cgraph and gvc) and renders. DOT is the annotated
// graph before layout, for users who style it further. Graphviz's complaints become a
// RenderError.
std::string render_diagram(const Diagram& diagram, DiagramFormat format);

}  // namespace clearpath
