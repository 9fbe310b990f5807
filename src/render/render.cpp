// `clearpath render`: view and format names, the view builder the four views share, and the
// dispatch to them.
#include <cmath>
#include <cstdio>

#include "clearpath/conflicts.hpp"
#include "clearpath/copilots.hpp"
#include "clearpath/render.hpp"
#include "clearpath/schedule.hpp"
#include "render/labels.hpp"
#include "render/views.hpp"

namespace clearpath {

const char* view_name(View v) noexcept {
  switch (v) {
    case View::org: return "org";
    case View::approvals: return "approvals";
    case View::deps: return "deps";
    case View::conflicts: return "conflicts";
    case View::timeline: return "timeline";
  }
  return "?";
}

std::optional<View> parse_view(std::string_view s) noexcept {
  for (View v : kViews)
    if (s == view_name(v)) return v;
  return std::nullopt;
}

const char* format_name(DiagramFormat f) noexcept {
  switch (f) {
    case DiagramFormat::dot: return "dot";
    case DiagramFormat::svg: return "svg";
    case DiagramFormat::png: return "png";
    case DiagramFormat::pdf: return "pdf";
  }
  return "?";
}

std::optional<DiagramFormat> parse_diagram_format(std::string_view s) noexcept {
  for (DiagramFormat f : {DiagramFormat::dot, DiagramFormat::svg, DiagramFormat::png, DiagramFormat::pdf})
    if (s == format_name(f)) return f;
  return std::nullopt;
}

namespace {

std::vector<std::string_view> entity_ids(const Model& m) {
  std::vector<std::string_view> ids;
  ids.reserve(m.entity_count());
  for (std::size_t r = 0; r < m.entity_count(); ++r) ids.push_back(m.id(static_cast<Ref>(r)));
  return ids;
}

}  // namespace

ViewBuilder::ViewBuilder(const Model& m, const RenderOptions& o)
    : m_(m), o_(o), prefix_(unused_prefix("cp:", entity_ids(m))) {}

void ViewBuilder::node(std::string name, DiagramLabel label, std::vector<std::string> styles, std::string cluster) {
  d_.nodes.push_back({std::move(name), std::move(cluster), std::move(styles), std::move(label), {}, {}});
}

void ViewBuilder::edge(std::string tail, std::string head, std::vector<std::string> styles, std::string label) {
  d_.edges.push_back({std::move(tail), std::move(head), std::move(styles), std::move(label)});
}

void ViewBuilder::cluster(std::string name, DiagramLabel label, std::vector<std::string> styles, std::string parent) {
  d_.clusters.push_back({std::move(name), std::move(parent), std::move(styles), std::move(label)});
}

void ViewBuilder::title(const std::string& view_description, const std::vector<std::string>& notes) {
  std::string when;
  if (!m_.status_date.empty()) {
    when = "as of " + m_.status_date.iso() + " (status date)";
  } else if (!m_.calendar.start.empty()) {
    when = "as of " + m_.calendar.start + " (calendar start)";
  } else if (const std::optional<std::string> as_of = m_.attributes.string_member("as_of")) {
    when = "as of " + *as_of;
  } else {
    when = "undated: the file gives no calendar start";
  }
  d_.title.clear();
  d_.title.push_back(m_.name.empty() ? std::string("clearpath model") : m_.name);
  std::string line = view_description;
  if (!o_.initiative.empty()) line += " · initiative " + o_.initiative;
  d_.title.push_back(line + " · " + when);
  for (const std::string& n : notes) d_.title.push_back(n);
}

DiagramLabel ViewBuilder::entity_label(Ref r, std::vector<LabelLine> lines) const {
  DiagramLabel label;
  add_wrapped(label, m_.display_name(r), LabelLine::Look::emphasis, 28, 2);
  for (LabelLine& l : lines) label.push_back(std::move(l));
  return label;
}

void add_wrapped(DiagramLabel& label, const std::string& text, LabelLine::Look look, std::size_t width,
                 std::size_t lines) {
  for (std::string& line : wrap_words(text, width, lines)) label.push_back({std::move(line), look});
}

std::string short_number(double v) {
  if (std::abs(v - std::round(v)) < 0.05) return std::to_string(static_cast<long long>(std::llround(v)));
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

std::string count_text(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

namespace {

// Options that do not apply to the view are mistakes, not something to ignore silently.
void check_options(const RenderOptions& o) {
  const std::string view = view_name(o.view);
  auto refuse = [&](const std::string& option, const std::string& views) {
    throw RenderError(option + " applies to the " + views + ", not to --view " + view);
  };
  if (!o.initiative.empty() && o.view == View::org)
    refuse("--initiative", "approvals, deps, conflicts and timeline views");
  if (!o.focus.empty() && o.view != View::deps) refuse("--focus", "deps view");
  if (o.all_edges && o.view != View::deps) refuse("--all-edges", "deps view");
  if (!o.root.empty() && o.view != View::org) refuse("--root", "org view");
  if (!o.department.empty() && o.view != View::org) refuse("--page-per department", "org view");
  if (!o.department.empty() && !o.root.empty()) throw RenderError("--root and --page-per department: give one of them");
  if (o.depth && o.view != View::org && !(o.view == View::deps && !o.focus.empty()))
    refuse("--depth", "org view and to the deps view with --focus");
  if (o.node_budget == 0) throw RenderError("--max-nodes must be at least 1");
}

}  // namespace

std::string side_label(const std::string& side) {
  if (side.empty()) return "no side";
  return (side == "it" ? std::string("IT") : side) + " side";
}

std::string money_text(double v) {
  if (v >= 0 && v < 1e15) return count_text(static_cast<std::size_t>(std::llround(v)));
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2g", v);
  return buffer;
}

Diagram build_diagram(const Model& model, const RenderOptions& options) {
  check_options(options);
  try {
    switch (options.view) {
      case View::org: return org_view(model, options);
      case View::approvals: return approvals_view(model, options);
      case View::deps: return deps_view(model, options);
      case View::conflicts: return conflicts_view(model, options);
      case View::timeline: return timeline_view(model, options);
    }
  } catch (const ScheduleError& e) {  // the analyses' input errors: unknown --initiative ...
    throw RenderError(e.what());
  } catch (const CopilotError& e) {
    throw RenderError(e.what());
  } catch (const ConflictError& e) {  // a step demanding more than a resource has
    throw RenderError(e.what());
  }
  throw RenderError("unknown view");
}

}  // namespace clearpath
