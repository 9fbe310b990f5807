// The deps view above the node budget: one box per system (steps without one by initiative,
// gates by initiative) with its counts, the heaviest links between boxes, the critical path and
// the longest legacy chain kept.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "render/deps_parts.hpp"

namespace clearpath {
namespace {

struct Group {
  std::string name;
  Ref system = kNoRef;
  std::string label;
  std::size_t items = 0, critical = 0, done = 0, blockers = 0, chain = 0;
  double work = 0;
};

struct Link {
  std::size_t count = 0;
  bool critical = false, chain = false;
};

using Ends = std::pair<std::string, std::string>;  // the keys of two boxes

class CollapsedDrawing {
 public:
  CollapsedDrawing(ViewBuilder& b, const DepsData& d, std::vector<std::string>& notes)
      : b_(b), d_(d), m_(d.m), net_(d.pa.network), notes_(notes), group_of_(net_.size()) {}

  void draw() {
    for (std::uint32_t a = 0; a < net_.size(); ++a) assign_box(a);
    if (size_of_.size() > b_.options().node_budget) merge_lightest_boxes();
    count_groups();
    for (const auto& [key, g] : groups_) draw_group(key, g);
    count_links();
    draw_links();
    // Edges in the order of their ends, whatever their rank above.
    std::sort(b_.diagram().edges.begin(), b_.diagram().edges.end(), [](const DiagramEdge& x, const DiagramEdge& y) {
      return std::tie(x.tail, x.head) < std::tie(y.tail, y.head);
    });
    notes_.push_back(count_text(net_.size()) + " steps and gates (over the " + count_text(b_.options().node_budget) +
                     "-node budget) collapsed into " + count_text(groups_.size()) +
                     " boxes by system; --focus ID --depth K draws one neighbourhood in full");
    if (hidden_)
      notes_.push_back(count_text(hidden_) + " lighter connections between boxes (" + count_text(hidden_links_) +
                       " dependencies) not drawn; each box shows its own counts");
  }

 private:
  void assign_box(std::uint32_t a);
  void merge_lightest_boxes();
  void count_groups();
  void draw_group(const std::string& key, const Group& g);
  void count_links();
  void draw_links();

  ViewBuilder& b_;
  const DepsData& d_;
  const Model& m_;
  const Network& net_;
  std::vector<std::string>& notes_;
  std::vector<std::string> group_of_;                                   // by activity: its box's key
  std::map<std::string, std::pair<std::string, Ref>> label_of_;         // key -> (label, system)
  std::map<std::string, std::pair<std::size_t, std::size_t>> size_of_;  // key -> (critical, items)
  std::map<std::string, Group> groups_;
  std::map<Ends, Link> links_;
  std::size_t hidden_ = 0, hidden_links_ = 0;  // links between boxes not drawn, and their dependencies
};

// Each activity's box: its system, else its initiative's gates or steps on no system.
void CollapsedDrawing::assign_box(std::uint32_t a) {
  const Ref r = net_.activity[a];
  const Ref ini = m_.initiative_of(r);
  const std::string of = ini == kNoRef ? std::string("no initiative") : m_.display_name(ini);
  const std::string ini_key = ini == kNoRef ? std::string() : m_.id(ini);  // ids are never empty
  std::string key;
  if (m_.kind(r) == EntityKind::approval) {
    key = "gates:" + ini_key;
    label_of_[key] = {"approval gates of " + of, kNoRef};
  } else if (m_.step(r).system != kNoRef) {
    key = "system:" + m_.id(m_.step(r).system);
    label_of_[key] = {m_.display_name(m_.step(r).system), m_.step(r).system};
  } else {
    key = "steps:" + ini_key;
    label_of_[key] = {"steps of " + of + " on no system", kNoRef};
  }
  auto& size = size_of_[key];
  size.first += d_.critical(a);
  ++size.second;
  group_of_[a] = std::move(key);
}

// More boxes than the budget: the ones with most critical work, then most work, the rest in one.
void CollapsedDrawing::merge_lightest_boxes() {
  std::vector<std::string> keys;
  for (const auto& [key, size] : size_of_) keys.push_back(key);
  std::stable_sort(keys.begin(), keys.end(),
                   [&](const std::string& x, const std::string& y) { return size_of_[x] > size_of_[y]; });
  const std::set<std::string> kept(keys.begin(), keys.begin() + static_cast<long>(b_.options().node_budget - 1));
  const std::string other = "other";
  label_of_[other] = {count_text(keys.size() - kept.size()) + " other systems and groups", kNoRef};
  for (std::string& key : group_of_)
    if (!kept.count(key)) key = other;
  notes_.push_back("the " + count_text(keys.size() - kept.size()) + " boxes with least critical work merged into one");
}

void CollapsedDrawing::count_groups() {
  for (std::uint32_t a = 0; a < net_.size(); ++a) {
    const std::string& key = group_of_[a];
    Group& g = groups_[key];
    g.name = b_.synthetic("group", key);
    g.system = label_of_[key].second;
    g.label = label_of_[key].first;
    ++g.items;
    g.critical += d_.critical(a);
    g.done += d_.done(a);
    g.blockers += !d_.done(a) && !d_.blocker_reason[a].empty();
    g.chain += d_.on_chain[a];
    g.work += net_.duration[a];
  }
}

void CollapsedDrawing::draw_group(const std::string& key, const Group& g) {
  std::vector<std::string> styles{"collapsed"};
  if (g.chain) styles.push_back("legacy-step");
  if (g.done == g.items) styles.push_back("done");
  else if (g.blockers) styles.push_back("blocker");
  if (g.critical) styles.push_back("critical");
  DiagramLabel label;
  add_wrapped(label, g.label, LabelLine::Look::emphasis, 28, 2);
  if (g.system != kNoRef && m_.system(g.system).legacy) label.push_back(small("legacy system"));
  const bool gates = key.rfind("gates:", 0) == 0;
  label.push_back(
      plain(count_text(g.items) + (gates ? " gates" : " steps") + ", " + count_text(g.critical) + " critical"));
  label.push_back(small(count_text(g.done) + " done · " + short_number(g.work) + " days of work left"));
  if (g.blockers) label.push_back(plain("! " + count_text(g.blockers) + " blocked"));
  b_.node(g.name, std::move(label), std::move(styles));
}

// The dependencies between boxes, and whether "the" critical path or the legacy chain runs
// along them.
void CollapsedDrawing::count_links() {
  std::set<std::pair<std::uint32_t, std::uint32_t>> on_path;
  const auto& cp = d_.pa.schedule.critical_path;
  for (std::size_t i = 1; i < cp.size(); ++i) on_path.insert({cp[i - 1], cp[i]});
  for (std::uint32_t s = 0; s < net_.size(); ++s)
    for (std::uint32_t k = net_.pred_begin[s]; k < net_.pred_begin[s + 1]; ++k) {
      const std::uint32_t p = net_.preds[k];
      if (group_of_[p] == group_of_[s]) continue;
      Link& l = links_[{group_of_[p], group_of_[s]}];
      ++l.count;
      l.critical = l.critical || on_path.count({p, s}) > 0;
      l.chain = l.chain || d_.chain_links.count({p, s}) > 0;
    }
}

// Dot slows down sharply with many edges between few nodes: the links of the critical path
// and the legacy chain first, then the heaviest others, two per box in all.
void CollapsedDrawing::draw_links() {
  std::vector<std::pair<Ends, Link>> ranked(links_.begin(), links_.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
    const bool sx = x.second.critical || x.second.chain, sy = y.second.critical || y.second.chain;
    return sx != sy ? sx : x.second.count > y.second.count;
  });
  const std::size_t edge_budget = std::max<std::size_t>(2 * groups_.size(), 8);
  for (std::size_t k = 0; k < ranked.size(); ++k) {
    const auto& [ends, l] = ranked[k];
    if (k >= edge_budget) {
      ++hidden_;
      hidden_links_ += l.count;
      continue;
    }
    const char* style = l.critical && l.chain ? "critical-legacy-chain"
                        : l.critical          ? "critical-path"
                        : l.chain             ? "legacy-chain"
                                              : "dependency";
    b_.edge(groups_[ends.first].name, groups_[ends.second].name, {style},
            l.count > 1 ? std::string("x").append(count_text(l.count)) : std::string());
  }
}

}  // namespace

void draw_collapsed(ViewBuilder& b, const DepsData& d, std::vector<std::string>& notes) {
  CollapsedDrawing(b, d, notes).draw();
}

}  // namespace clearpath
