// The deps view: steps and approval gates with their dependencies, legacy systems as clusters,
// the critical path in bold red, total float in each label, blockers with their reason, the
// longest legacy-system chain in its own colour, done work greyed. Dependencies implied by a
// longer chain are left out (the transitive reduction) unless --all-edges. Above the node
// budget, steps are collapsed into their systems (with counts, deps_collapsed.cpp); --focus ID
// --depth K draws an activity's neighbourhood in full instead.
#include <algorithm>
#include <set>

#include "analysis/id_order.hpp"
#include "render/deps_parts.hpp"
#include "render/transitive_reduction.hpp"

namespace clearpath {
namespace {

constexpr std::size_t kDefaultFocusDepth = 2;

void define_styles(ViewBuilder& b, const PathAnalysis& pa) {
  using A = DiagramStyle::Applies;
  const LegacyChain& chain = pa.legacy_by_count;
  b.style("gate", A::node, "approval gate", {{"shape", "hexagon"}, {"fillcolor", "#e3eefb"}});
  b.style("critical", A::node,
          pa.network.constrained() ? "on the critical path: no float, or negative (a deadline it misses)"
                                   : "on the critical path: no float",
          {{"color", "#d62728"}, {"penwidth", "2.5"}});
  b.style("done", A::node, "done (step) or granted (gate)",
          {{"fillcolor", "#eeeeee"}, {"color", "#bbbbbb"}, {"fontcolor", "#888888"}});
  b.style("blocker", A::node, "blocker: holds critical or near-critical work back (reason in the box)",
          {{"fillcolor", "#ffe3c4"}});
  b.style("legacy-step", A::node,
          "on the longest legacy-system chain (" + std::to_string(chain.count) +
              (chain.count == 1 ? " legacy step, " : " legacy steps, ") + short_number(chain.duration) +
              " days on legacy systems)",
          {{"color", "#7b3fa0"}, {"penwidth", "2"}, {"style", "dashed"}, {"fillcolor", "#ece1f5"}});
  b.style("collapsed", A::node, "a system's steps drawn as one box (counts inside)",
          {{"shape", "box3d"}, {"style", "filled"}});
  b.style("critical-path", A::edge, "critical path", {{"color", "#d62728"}, {"penwidth", "3"}});
  b.style("legacy-chain", A::edge, "longest legacy-system chain", {{"color", "#7b3fa0"}, {"penwidth", "3"}});
  b.style("critical-legacy-chain", A::edge, "critical path along the longest legacy-system chain",
          {{"color", "#d62728:#7b3fa0"}, {"penwidth", "2"}});
  b.style("dependency", A::edge, "depends on (arrow points to the later item)", {});
  b.style("legacy-system", A::cluster, "legacy system",
          {{"style", "filled"}, {"fillcolor", "#f6efe2"}, {"color", "#b08d57"}});
  b.style("system", A::cluster, "other system", {{"color", "#9aa9b8"}});
}

DepsData gather(const Model& m, const PathAnalysis& pa) {
  DepsData d{m, pa, std::vector<std::string>(pa.network.size()), std::vector<bool>(pa.network.size(), false), {}};
  for (const Blocker& b : pa.blockers) {
    std::string& reason = d.blocker_reason[b.activity];
    reason += (reason.empty() ? "" : "; ") + b.reason;
  }
  for (std::uint32_t a : pa.legacy_by_count.steps) d.on_chain[a] = true;
  const auto& path = pa.legacy_by_count.path;
  for (std::size_t i = 1; i < path.size(); ++i) d.chain_links.insert({path[i - 1], path[i]});
  return d;
}

// Activities within `depth` dependency links of `focus`, either way.
std::vector<std::uint32_t> neighbourhood(const Network& net, std::uint32_t focus, std::size_t depth) {
  std::vector<std::size_t> dist(net.size(), SIZE_MAX);
  std::vector<std::uint32_t> queue{focus};
  dist[focus] = 0;
  for (std::size_t i = 0; i < queue.size(); ++i) {
    const std::uint32_t a = queue[i];
    if (dist[a] == depth) continue;
    auto visit = [&](std::uint32_t b) {
      if (dist[b] == SIZE_MAX) {
        dist[b] = dist[a] + 1;
        queue.push_back(b);
      }
    };
    for (std::uint32_t k = net.pred_begin[a]; k < net.pred_begin[a + 1]; ++k) visit(net.preds[k]);
    for (std::uint32_t k = net.succ_begin[a]; k < net.succ_begin[a + 1]; ++k) visit(net.succs[k]);
  }
  std::sort(queue.begin(), queue.end());
  return queue;
}

// The systems of the steps drawn, as clusters.
void draw_systems(ViewBuilder& b, const DepsData& d, const std::vector<std::uint32_t>& shown) {
  const Model& m = d.m;
  const Network& net = d.pa.network;
  std::set<Ref> systems;
  for (std::uint32_t a : shown)
    if (m.kind(net.activity[a]) == EntityKind::step && m.step(net.activity[a]).system != kNoRef)
      systems.insert(m.step(net.activity[a]).system);
  std::vector<Ref> ordered(systems.begin(), systems.end());
  sort_unique_by_id(m, ordered);
  for (Ref s : ordered)
    b.cluster(m.id(s), {bold(m.display_name(s)), small(m.system(s).legacy ? "legacy system" : "system")},
              {m.system(s).legacy ? "legacy-system" : "system"});
}

// A step or gate with its duration or lead time, float and blocker reason, in its system.
void draw_activity(ViewBuilder& b, const DepsData& d, std::uint32_t a) {
  const Model& m = d.m;
  const Network& net = d.pa.network;
  const Ref r = net.activity[a];
  const ActivityTimes& t = d.pa.schedule.times[a];
  const bool gate = m.kind(r) == EntityKind::approval;
  std::vector<std::string> styles;
  if (gate) styles.push_back("gate");
  if (d.on_chain[a]) styles.push_back("legacy-step");
  if (d.done(a)) styles.push_back("done");
  else if (!d.blocker_reason[a].empty()) styles.push_back("blocker");
  if (d.critical(a)) styles.push_back("critical");
  DiagramLabel label = b.entity_label(r);
  std::string timing = d.done(a) ? std::string(gate ? "granted" : "done")
                                 : short_number(net.duration[a]) + (gate ? " d lead time" : " d");
  // Work in progress: what is left, and how much is done when the file says.
  if (!gate && !d.done(a) && !m.step(r).progress.empty()) {
    const StepProgress& p = m.step(r).progress;
    timing += " left";
    if (p.percent_complete > 0) timing += " (" + short_number(p.percent_complete) + "% done)";
  }
  timing += " · float " + short_number(t.total_float);
  label.push_back(small(timing));
  const DateConstraints& dates = gate ? m.approval(r).dates : m.step(r).dates;
  if (!d.done(a) && !dates.empty()) {
    std::string bounds;
    if (!dates.not_before.empty()) bounds = "not before " + dates.not_before.iso();
    if (!dates.deadline.empty()) bounds += (bounds.empty() ? "" : " · ") + ("due " + dates.deadline.iso());
    label.push_back(small(bounds));
  }
  if (!d.done(a) && !d.blocker_reason[a].empty())
    add_wrapped(label, "! " + d.blocker_reason[a], LabelLine::Look::normal, 34, 3);
  std::string cluster;
  if (!gate && m.step(r).system != kNoRef) cluster = m.id(m.step(r).system);
  b.node(m.id(r), std::move(label), std::move(styles), std::move(cluster));
}

// Edges between drawn activities: predecessor -> successor.
void draw_dependencies(ViewBuilder& b, const DepsData& d, const std::vector<std::uint32_t>& shown) {
  const Model& m = d.m;
  const Network& net = d.pa.network;
  std::vector<std::uint32_t> local(net.size(), UINT32_MAX);
  for (std::uint32_t i = 0; i < shown.size(); ++i) local[shown[i]] = i;
  std::vector<DagEdge> edges;
  for (std::uint32_t s : shown)
    for (std::uint32_t k = net.pred_begin[s]; k < net.pred_begin[s + 1]; ++k)
      if (local[net.preds[k]] != UINT32_MAX) edges.push_back({local[net.preds[k]], local[s]});
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  std::vector<bool> keep(edges.size(), true);
  if (!b.options().all_edges) keep = transitive_reduction(shown.size(), edges);
  for (std::size_t i = 0; i < edges.size(); ++i) {
    const std::uint32_t p = shown[edges[i].first], s = shown[edges[i].second];
    std::vector<std::string> styles = d.edge_styles(p, s);
    std::string label = d.link_label(p, s);
    // Implied by a longer chain; a link with a type or lag says more than the chain, so it stays.
    if (!keep[i] && styles.front() == "dependency" && label.empty()) continue;
    b.edge(m.id(net.activity[p]), m.id(net.activity[s]), std::move(styles), std::move(label));
  }
}

void draw_detail(ViewBuilder& b, const DepsData& d, const std::vector<std::uint32_t>& shown) {
  draw_systems(b, d, shown);
  for (std::uint32_t a : shown) draw_activity(b, d, a);
  draw_dependencies(b, d, shown);
}

// --focus ID --depth K: the activities drawn, or an error when there is no such activity in the
// network or its neighbourhood does not fit.
std::vector<std::uint32_t> focus_neighbourhood(const Model& m, const PathAnalysis& pa, const RenderOptions& o,
                                               std::vector<std::string>& notes) {
  const auto r = m.find(o.focus);
  if (!r || (m.kind(*r) != EntityKind::step && m.kind(*r) != EntityKind::approval))
    throw RenderError("--focus: there is no step or approval '" + o.focus + "'");
  const auto it = std::find(pa.network.activity.begin(), pa.network.activity.end(), *r);
  if (it == pa.network.activity.end())
    throw RenderError("--focus: '" + o.focus + "' is not part of initiative '" + o.initiative +
                      "' or what it depends on");
  const std::size_t depth = o.depth.value_or(kDefaultFocusDepth);
  std::vector<std::uint32_t> shown =
      neighbourhood(pa.network, static_cast<std::uint32_t>(it - pa.network.activity.begin()), depth);
  notes.push_back("neighbourhood of " + o.focus + ": " + count_text(shown.size()) + " of " +
                  count_text(pa.network.size()) + " steps and gates within " + std::to_string(depth) + " links");
  if (shown.size() > o.node_budget)
    throw RenderError("--focus " + o.focus + " --depth " + std::to_string(depth) + " draws " +
                      count_text(shown.size()) + " items, over the node budget of " + count_text(o.node_budget) +
                      ": use a smaller --depth or a larger --max-nodes");
  return shown;
}

}  // namespace

Diagram deps_view(const Model& m, const RenderOptions& o) {
  PathOptions po;
  po.network.initiative = o.initiative;
  const PathAnalysis pa = analyze_path(m, po);
  const DepsData d = gather(m, pa);
  ViewBuilder b(m, o);
  define_styles(b, pa);
  b.diagram().graph = {{"rankdir", "LR"}};
  std::vector<std::string> notes;
  std::vector<std::uint32_t> shown;
  if (!o.focus.empty()) {
    shown = focus_neighbourhood(m, pa, o, notes);
  } else if (pa.network.size() <= o.node_budget) {
    shown.resize(pa.network.size());
    for (std::uint32_t a = 0; a < shown.size(); ++a) shown[a] = a;
  }
  if (!shown.empty() || pa.network.size() == 0) {
    draw_detail(b, d, shown);
    if (!o.all_edges) notes.push_back("dependencies implied by a longer chain are not drawn (--all-edges draws them)");
    if (!pa.network.plain_links())
      notes.push_back(
          "arrow labels: link type and lag in working days (FS finish-to-start, SS start-to-start, "
          "FF finish-to-finish, SF start-to-finish; unlabelled: FS)");
  } else {
    draw_collapsed(b, d, notes);
  }
  b.title("Dependencies and the critical path (" + short_number(pa.schedule.duration) + " working days left)", notes);
  return b.take();
}

}  // namespace clearpath
