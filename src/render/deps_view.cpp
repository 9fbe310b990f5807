// The deps view: steps and approval gates with their dependencies, legacy systems as clusters,
// the critical path in bold red, total float in each label, blockers with their reason, the
// longest legacy-system chain in its own colour, done work greyed. Dependencies implied by a
// longer chain are left out (the transitive reduction) unless --all-edges. Above the node
// budget, steps are collapsed into their systems (with counts); --focus ID --depth K draws an
// activity's neighbourhood in full instead.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "clearpath/path_analysis.hpp"
#include "render/transitive_reduction.hpp"
#include "analysis/id_order.hpp"
#include "render/views.hpp"

namespace clearpath {
namespace {

constexpr std::size_t kDefaultFocusDepth = 2;

void define_styles(ViewBuilder& b, const PathAnalysis& pa) {
  using A = DiagramStyle::Applies;
  const LegacyChain& chain = pa.legacy_by_count;
  b.style("gate", A::node, "approval gate", {{"shape", "hexagon"}, {"fillcolor", "#e3eefb"}});
  b.style("critical", A::node, "on the critical path: no float", {{"color", "#d62728"}, {"penwidth", "2.5"}});
  b.style("done", A::node, "done (step) or granted (gate)", {{"fillcolor", "#eeeeee"}, {"color", "#bbbbbb"}, {"fontcolor", "#888888"}});
  b.style("blocker", A::node, "blocker: holds critical or near-critical work back (reason in the box)",
          {{"fillcolor", "#ffe3c4"}});
  b.style("legacy-step", A::node,
          "on the longest legacy-system chain (" + std::to_string(chain.count) + (chain.count == 1 ? " legacy step, " : " legacy steps, ") +
              short_number(chain.duration) + " days on legacy systems)",
          {{"color", "#7b3fa0"}, {"penwidth", "2"}, {"style", "dashed"}, {"fillcolor", "#ece1f5"}});
  b.style("collapsed", A::node, "a system's steps drawn as one box (counts inside)", {{"shape", "box3d"}, {"style", "filled"}});
  b.style("critical-path", A::edge, "critical path", {{"color", "#d62728"}, {"penwidth", "3"}});
  b.style("legacy-chain", A::edge, "longest legacy-system chain", {{"color", "#7b3fa0"}, {"penwidth", "3"}});
  b.style("critical-legacy-chain", A::edge, "critical path along the longest legacy-system chain",
          {{"color", "#d62728:#7b3fa0"}, {"penwidth", "2"}});
  b.style("dependency", A::edge, "depends on (arrow points to the later item)", {});
  b.style("legacy-system", A::cluster, "legacy system", {{"style", "filled"}, {"fillcolor", "#f6efe2"}, {"color", "#b08d57"}});
  b.style("system", A::cluster, "other system", {{"color", "#9aa9b8"}});
}

struct DepsData {
  const Model& m;
  const PathAnalysis& pa;
  std::vector<std::string> blocker_reason;  // by activity: "" = none
  std::vector<bool> on_chain;               // legacy steps of the chain, by activity
  std::set<std::pair<std::uint32_t, std::uint32_t>> chain_links;

  bool critical(std::uint32_t a) const { return pa.schedule.times[a].total_float <= kFloatEpsilon; }
  bool tight(std::uint32_t p, std::uint32_t s) const {
    return critical(p) && critical(s) && pa.schedule.times[s].es - pa.schedule.times[p].ef <= kFloatEpsilon;
  }
  bool done(std::uint32_t a) const {
    const Ref r = pa.network.activity[a];
    return m.kind(r) == EntityKind::step ? m.step(r).status == StepStatus::done
                                         : m.approval(r).status == ApprovalStatus::granted;
  }
  std::vector<std::string> edge_styles(std::uint32_t p, std::uint32_t s) const {
    const bool crit = tight(p, s), chain = chain_links.count({p, s}) > 0;
    if (crit && chain) return {"critical-legacy-chain"};
    if (crit) return {"critical-path"};
    if (chain) return {"legacy-chain"};
    return {"dependency"};
  }
};

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

void draw_detail(ViewBuilder& b, const DepsData& d, const std::vector<std::uint32_t>& shown) {
  const Model& m = d.m;
  const Network& net = d.pa.network;
  std::vector<std::uint32_t> local(net.size(), UINT32_MAX);
  for (std::uint32_t i = 0; i < shown.size(); ++i) local[shown[i]] = i;

  std::set<Ref> systems;
  for (std::uint32_t a : shown)
    if (m.kind(net.activity[a]) == EntityKind::step && m.step(net.activity[a]).system != kNoRef)
      systems.insert(m.step(net.activity[a]).system);
  std::vector<Ref> ordered(systems.begin(), systems.end());
  sort_unique_by_id(m, ordered);
  for (Ref s : ordered)
    b.cluster(m.id(s), {bold(m.display_name(s)), small(m.system(s).legacy ? "legacy system" : "system")},
              {m.system(s).legacy ? "legacy-system" : "system"});

  for (std::uint32_t a : shown) {
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
    timing += " · float " + short_number(t.total_float);
    label.push_back(small(timing));
    if (!d.done(a) && !d.blocker_reason[a].empty()) add_wrapped(label, "! " + d.blocker_reason[a], LabelLine::Look::normal, 34, 3);
    std::string cluster;
    if (!gate && m.step(r).system != kNoRef) cluster = m.id(m.step(r).system);
    b.node(m.id(r), std::move(label), std::move(styles), std::move(cluster));
  }

  // Edges between drawn activities: predecessor -> successor.
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
    if (!keep[i] && styles.front() == "dependency") continue;  // implied by a longer chain
    b.edge(m.id(net.activity[p]), m.id(net.activity[s]), std::move(styles));
  }
}

// Above the budget: one box per system (steps without one by initiative, gates by initiative).
void draw_collapsed(ViewBuilder& b, const DepsData& d, std::vector<std::string>& notes) {
  const Model& m = d.m;
  const Network& net = d.pa.network;
  struct Group {
    std::string name;
    Ref system = kNoRef;
    std::string label;
    std::size_t items = 0, critical = 0, done = 0, blockers = 0, chain = 0;
    double work = 0;
  };
  // Each activity's box: its system, else its initiative's gates or steps on no system.
  std::vector<std::string> group_of(net.size());
  std::map<std::string, std::pair<std::string, Ref>> label_of;  // key -> (label, system)
  std::map<std::string, std::pair<std::size_t, std::size_t>> size_of;  // key -> (critical, items)
  for (std::uint32_t a = 0; a < net.size(); ++a) {
    const Ref r = net.activity[a];
    const Ref ini = m.initiative_of(r);
    const std::string of = ini == kNoRef ? std::string("no initiative") : m.display_name(ini);
    const std::string ini_key = ini == kNoRef ? std::string() : m.id(ini);  // ids are never empty
    std::string key;
    if (m.kind(r) == EntityKind::approval) {
      key = "gates:" + ini_key;
      label_of[key] = {"approval gates of " + of, kNoRef};
    } else if (m.step(r).system != kNoRef) {
      key = "system:" + m.id(m.step(r).system);
      label_of[key] = {m.display_name(m.step(r).system), m.step(r).system};
    } else {
      key = "steps:" + ini_key;
      label_of[key] = {"steps of " + of + " on no system", kNoRef};
    }
    auto& size = size_of[key];
    size.first += d.critical(a);
    ++size.second;
    group_of[a] = std::move(key);
  }
  // More boxes than the budget: the ones with most critical work, then most work, the rest in one.
  if (size_of.size() > b.options().node_budget) {
    std::vector<std::string> keys;
    for (const auto& [key, size] : size_of) keys.push_back(key);
    std::stable_sort(keys.begin(), keys.end(), [&](const std::string& x, const std::string& y) {
      return size_of[x] > size_of[y];
    });
    const std::set<std::string> kept(keys.begin(), keys.begin() + static_cast<long>(b.options().node_budget - 1));
    const std::string other = "other";
    label_of[other] = {count_text(keys.size() - kept.size()) + " other systems and groups", kNoRef};
    for (std::string& key : group_of)
      if (!kept.count(key)) key = other;
    notes.push_back("the " + count_text(keys.size() - kept.size()) + " boxes with least critical work merged into one");
  }
  std::map<std::string, Group> groups;
  for (std::uint32_t a = 0; a < net.size(); ++a) {
    const std::string& key = group_of[a];
    Group& g = groups[key];
    g.name = b.synthetic("group", key);
    g.system = label_of[key].second;
    g.label = label_of[key].first;
    ++g.items;
    g.critical += d.critical(a);
    g.done += d.done(a);
    g.blockers += !d.done(a) && !d.blocker_reason[a].empty();
    g.chain += d.on_chain[a];
    g.work += net.duration[a];
  }
  for (const auto& [key, g] : groups) {
    std::vector<std::string> styles{"collapsed"};
    if (g.chain) styles.push_back("legacy-step");
    if (g.done == g.items) styles.push_back("done");
    else if (g.blockers) styles.push_back("blocker");
    if (g.critical) styles.push_back("critical");
    DiagramLabel label;
    add_wrapped(label, g.label, LabelLine::Look::emphasis, 28, 2);
    if (g.system != kNoRef && m.system(g.system).legacy) label.push_back(small("legacy system"));
    const bool gates = key.rfind("gates:", 0) == 0;
    label.push_back(plain(count_text(g.items) + (gates ? " gates" : " steps") + ", " + count_text(g.critical) + " critical"));
    label.push_back(small(count_text(g.done) + " done · " + short_number(g.work) + " days of work left"));
    if (g.blockers) label.push_back(plain("! " + count_text(g.blockers) + " blocked"));
    b.node(g.name, std::move(label), std::move(styles));
  }
  struct Link {
    std::size_t count = 0;
    bool critical = false, chain = false;
  };
  std::map<std::pair<std::string, std::string>, Link> links;
  std::set<std::pair<std::uint32_t, std::uint32_t>> on_path;  // "the" critical path's links
  const auto& cp = d.pa.schedule.critical_path;
  for (std::size_t i = 1; i < cp.size(); ++i) on_path.insert({cp[i - 1], cp[i]});
  for (std::uint32_t s = 0; s < net.size(); ++s)
    for (std::uint32_t k = net.pred_begin[s]; k < net.pred_begin[s + 1]; ++k) {
      const std::uint32_t p = net.preds[k];
      if (group_of[p] == group_of[s]) continue;
      Link& l = links[{group_of[p], group_of[s]}];
      ++l.count;
      l.critical = l.critical || on_path.count({p, s}) > 0;
      l.chain = l.chain || d.chain_links.count({p, s}) > 0;
    }
  // Dot slows down sharply with many edges between few nodes: the links of the critical path
  // and the legacy chain first, then the heaviest others, two per box in all.
  std::vector<std::pair<std::pair<std::string, std::string>, Link>> ranked(links.begin(), links.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
    const bool sx = x.second.critical || x.second.chain, sy = y.second.critical || y.second.chain;
    return sx != sy ? sx : x.second.count > y.second.count;
  });
  const std::size_t edge_budget = std::max<std::size_t>(2 * groups.size(), 8);
  std::size_t hidden = 0, hidden_links = 0;
  for (std::size_t k = 0; k < ranked.size(); ++k) {
    const auto& [ends, l] = ranked[k];
    if (k >= edge_budget) {
      ++hidden;
      hidden_links += l.count;
      continue;
    }
    const char* style = l.critical && l.chain ? "critical-legacy-chain" : l.critical ? "critical-path" : l.chain ? "legacy-chain" : "dependency";
    b.edge(groups[ends.first].name, groups[ends.second].name, {style}, l.count > 1 ? std::string("x").append(count_text(l.count)) : std::string());
  }
  // Edges in the order of their ends, whatever their rank above.
  std::sort(b.diagram().edges.begin(), b.diagram().edges.end(),
            [](const DiagramEdge& x, const DiagramEdge& y) { return std::tie(x.tail, x.head) < std::tie(y.tail, y.head); });
  notes.push_back(count_text(net.size()) + " steps and gates (over the " + count_text(b.options().node_budget) +
                  "-node budget) collapsed into " + count_text(groups.size()) +
                  " boxes by system; --focus ID --depth K draws one neighbourhood in full");
  if (hidden)
    notes.push_back(count_text(hidden) + " lighter connections between boxes (" + count_text(hidden_links) +
                    " dependencies) not drawn; each box shows its own counts");
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
    const auto r = m.find(o.focus);
    if (!r || (m.kind(*r) != EntityKind::step && m.kind(*r) != EntityKind::approval))
      throw RenderError("--focus: there is no step or approval '" + o.focus + "'");
    const auto it = std::find(pa.network.activity.begin(), pa.network.activity.end(), *r);
    if (it == pa.network.activity.end())
      throw RenderError("--focus: '" + o.focus + "' is not part of initiative '" + o.initiative + "' or what it depends on");
    const std::size_t depth = o.depth.value_or(kDefaultFocusDepth);
    shown = neighbourhood(pa.network, static_cast<std::uint32_t>(it - pa.network.activity.begin()), depth);
    notes.push_back("neighbourhood of " + o.focus + ": " + count_text(shown.size()) + " of " +
                    count_text(pa.network.size()) + " steps and gates within " + std::to_string(depth) + " links");
    if (shown.size() > o.node_budget)
      throw RenderError("--focus " + o.focus + " --depth " + std::to_string(depth) + " draws " + count_text(shown.size()) +
                        " items, over the node budget of " + count_text(o.node_budget) +
                        ": use a smaller --depth or a larger --max-nodes");
  } else if (pa.network.size() <= o.node_budget) {
    shown.resize(pa.network.size());
    for (std::uint32_t a = 0; a < shown.size(); ++a) shown[a] = a;
  }
  if (!shown.empty() || pa.network.size() == 0) {
    draw_detail(b, d, shown);
    if (!o.all_edges) notes.push_back("dependencies implied by a longer chain are not drawn (--all-edges draws them)");
  } else {
    draw_collapsed(b, d, notes);
  }
  b.title("Dependencies and the critical path (" + short_number(pa.schedule.duration) + " working days left)", notes);
  return b.take();
}

}  // namespace clearpath
