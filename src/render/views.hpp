#pragma once
// What the four views share: the diagram under construction, names for nodes clearpath adds,
// the title, and entity labels. Private to the library.
#include <set>
#include <string>
#include <vector>

#include "clearpath/diagram.hpp"
#include "clearpath/model.hpp"
#include "clearpath/render.hpp"

namespace clearpath {

class ViewBuilder {
 public:
  ViewBuilder(const Model& m, const RenderOptions& o);

  const Model& model() const { return m_; }
  const RenderOptions& options() const { return o_; }
  Diagram& diagram() { return d_; }

  // A name for a node clearpath adds ("missing", "gate-slot" ...) that no entity id can clash with.
  std::string synthetic(const std::string& kind, const std::string& key) const { return prefix_ + kind + ":" + key; }

  void style(std::string name, DiagramStyle::Applies applies, std::string legend, DiagramAttributes attributes) {
    d_.styles.push_back({std::move(name), applies, std::move(legend), std::move(attributes)});
  }
  void node(std::string name, DiagramLabel label, std::vector<std::string> styles = {}, std::string cluster = "");
  void edge(std::string tail, std::string head, std::vector<std::string> styles = {}, std::string label = "");
  void cluster(std::string name, DiagramLabel label, std::vector<std::string> styles = {}, std::string parent = "");

  // "Churn model ...", "<view description> · as of 2027-03-01", then `notes` (what was collapsed).
  void title(const std::string& view_description, const std::vector<std::string>& notes);

  // An entity's name (wrapped, bold), then `lines`.
  DiagramLabel entity_label(Ref r, std::vector<LabelLine> lines = {}) const;

  Diagram take() { return std::move(d_); }

 private:
  const Model& m_;
  const RenderOptions& o_;
  std::string prefix_;
  Diagram d_;
};

inline LabelLine small(std::string text) { return {std::move(text), LabelLine::Look::small}; }
inline LabelLine plain(std::string text) { return {std::move(text), LabelLine::Look::normal}; }
inline LabelLine bold(std::string text) { return {std::move(text), LabelLine::Look::emphasis}; }
// Long text as several small lines.
void add_wrapped(DiagramLabel& label, const std::string& text, LabelLine::Look look = LabelLine::Look::small,
                 std::size_t width = 34, std::size_t lines = 3);

// "IT side", "business side", "legal side", "no side".
std::string side_label(const std::string& side);
// The cluster style of a side: "it-side", "business-side", else `other`.
inline std::string side_style(const std::string& side, const std::string& other) {
  return side == "it" ? "it-side" : side == "business" ? "business-side" : other;
}

// "12", "2.5": days and loads in labels.
std::string short_number(double v);
// "1,234"
std::string count_text(std::size_t n);
// "180,000" (rounded), or "1.2e+18" for amounts too large to round to an integer.
std::string money_text(double v);

Diagram org_view(const Model& m, const RenderOptions& o);
Diagram approvals_view(const Model& m, const RenderOptions& o);
Diagram deps_view(const Model& m, const RenderOptions& o);
Diagram conflicts_view(const Model& m, const RenderOptions& o);
Diagram timeline_view(const Model& m, const RenderOptions& o);

}  // namespace clearpath
