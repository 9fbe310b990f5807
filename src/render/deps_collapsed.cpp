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
  bool gates = false;  // the approval gates of an initiative
  std::size_t items = 0, critical = 0, done = 0, blockers = 0, chain = 0;
  double work = 0;
};

struct Link {
  std::size_t count = 0;
  bool critical = false, chain = false;
};

// A box before any merge: its key ("system:ID", "gates:INITIATIVE", "steps:INITIATIVE"), label
// and size. Boxes are numbered as first met; activities refer to them by number, so the
// million-activity case costs no string per activity.
struct Box {
  std::string key, label;
  Ref system = kNoRef;
  std::size_t critical = 0, items = 0;
};

using Ends = std::pair<std::uint32_t, std::uint32_t>;  // two groups, by their place in key order

class CollapsedDrawing {
 public:
  CollapsedDrawing(ViewBuilder& b, const DepsData& d, std::vector<std::string>& notes)
      : b_(b), d_(d), m_(d.m), net_(d.pa.network), notes_(notes), box_of_(net_.size()) {}

  void draw() {
    for (std::uint32_t a = 0; a < net_.size(); ++a) assign_box(a);
    std::vector<std::string> keys(boxes_.size());  // by box: the key of the group it is drawn in
    for (std::size_t k = 0; k < boxes_.size(); ++k) keys[k] = boxes_[k].key;
    if (boxes_.size() > b_.options().node_budget) merge_lightest_boxes(keys);
    number_groups(keys);
    count_groups();
    for (const Group& g : groups_) draw_group(g);
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
  std::uint32_t box(std::uint8_t kind, Ref ref, const std::string& key, const std::string& label, Ref system);
  void merge_lightest_boxes(std::vector<std::string>& keys);
  void number_groups(const std::vector<std::string>& keys);
  void count_groups();
  void draw_group(const Group& g);
  void count_links();
  void draw_links();

  ViewBuilder& b_;
  const DepsData& d_;
  const Model& m_;
  const Network& net_;
  std::vector<std::string>& notes_;
  std::vector<std::uint32_t> box_of_;                             // by activity: its box
  std::map<std::pair<std::uint8_t, Ref>, std::uint32_t> box_at_;  // (what, system or initiative) -> box
  std::vector<Box> boxes_;
  std::vector<std::uint32_t> group_of_box_;  // by box: the group it is drawn in
  std::string other_label_;                  // the merged group's, when boxes are merged
  std::vector<Group> groups_;                // in key order
  std::vector<std::string> group_keys_;
  std::map<Ends, Link> links_;
  std::size_t hidden_ = 0, hidden_links_ = 0;  // links between boxes not drawn, and their dependencies
};

// The box of (kind, ref), made on first use.
std::uint32_t CollapsedDrawing::box(std::uint8_t kind, Ref ref, const std::string& key, const std::string& label,
                                    Ref system) {
  const auto [it, fresh] = box_at_.try_emplace({kind, ref}, static_cast<std::uint32_t>(boxes_.size()));
  if (fresh) boxes_.push_back({key, label, system, 0, 0});
  return it->second;
}

// Each activity's box: its system, else its initiative's gates or steps on no system.
void CollapsedDrawing::assign_box(std::uint32_t a) {
  const Ref r = net_.activity[a];
  const Ref ini = m_.initiative_of(r);
  const bool gate = m_.kind(r) == EntityKind::approval;
  const Ref system = gate ? kNoRef : m_.step(r).system;
  const std::uint8_t kind = gate ? 0 : system != kNoRef ? 1 : 2;
  auto found = box_at_.find({kind, kind == 1 ? system : ini});
  std::uint32_t k = found != box_at_.end() ? found->second : UINT32_MAX;
  if (k == UINT32_MAX) {
    const std::string of = ini == kNoRef ? std::string("no initiative") : m_.display_name(ini);
    const std::string ini_key = ini == kNoRef ? std::string() : m_.id(ini);  // ids are never empty
    if (kind == 0) k = box(kind, ini, "gates:" + ini_key, "approval gates of " + of, kNoRef);
    else if (kind == 1) k = box(kind, system, "system:" + m_.id(system), m_.display_name(system), system);
    else k = box(kind, ini, "steps:" + ini_key, "steps of " + of + " on no system", kNoRef);
  }
  boxes_[k].critical += d_.critical(a);
  ++boxes_[k].items;
  box_of_[a] = k;
}

// More boxes than the budget: the ones with most critical work, then most work, the rest in one.
void CollapsedDrawing::merge_lightest_boxes(std::vector<std::string>& keys) {
  std::vector<std::uint32_t> order(boxes_.size());
  for (std::uint32_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) { return keys[x] < keys[y]; });
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    return std::make_pair(boxes_[x].critical, boxes_[x].items) > std::make_pair(boxes_[y].critical, boxes_[y].items);
  });
  const std::size_t kept = b_.options().node_budget - 1;
  for (std::size_t k = kept; k < order.size(); ++k) keys[order[k]] = "other";
  other_label_ = count_text(order.size() - kept) + " other systems and groups";
  notes_.push_back("the " + count_text(order.size() - kept) + " boxes with least critical work merged into one");
}

// The groups drawn, in the order of their keys; each box's group.
void CollapsedDrawing::number_groups(const std::vector<std::string>& keys) {
  std::map<std::string, std::uint32_t> group_at;
  for (std::uint32_t k = 0; k < boxes_.size(); ++k) group_at.emplace(keys[k], 0);
  for (auto& [key, number] : group_at) {
    number = static_cast<std::uint32_t>(group_keys_.size());
    group_keys_.push_back(key);
  }
  groups_.resize(group_keys_.size());
  group_of_box_.resize(boxes_.size());
  for (std::uint32_t k = 0; k < boxes_.size(); ++k) {
    const std::uint32_t g = group_at.at(keys[k]);
    group_of_box_[k] = g;
    const bool other = keys[k] != boxes_[k].key;
    groups_[g].name = b_.synthetic("group", keys[k]);
    groups_[g].system = other ? kNoRef : boxes_[k].system;
    groups_[g].label = other ? other_label_ : boxes_[k].label;
    groups_[g].gates = keys[k].rfind("gates:", 0) == 0;
  }
}

void CollapsedDrawing::count_groups() {
  for (std::uint32_t a = 0; a < net_.size(); ++a) {
    Group& g = groups_[group_of_box_[box_of_[a]]];
    ++g.items;
    g.critical += d_.critical(a);
    g.done += d_.done(a);
    g.blockers += !d_.done(a) && !d_.blocker_reason[a].empty();
    g.chain += d_.on_chain[a];
    g.work += net_.duration[a];
  }
}

void CollapsedDrawing::draw_group(const Group& g) {
  std::vector<std::string> styles{"collapsed"};
  if (g.chain) styles.push_back("legacy-step");
  if (g.done == g.items) styles.push_back("done");
  else if (g.blockers) styles.push_back("blocker");
  if (g.critical) styles.push_back("critical");
  DiagramLabel label;
  add_wrapped(label, g.label, LabelLine::Look::emphasis, 28, 2);
  if (g.system != kNoRef && m_.system(g.system).legacy) label.push_back(small("legacy system"));
  label.push_back(
      plain(count_text(g.items) + (g.gates ? " gates" : " steps") + ", " + count_text(g.critical) + " critical"));
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
      const std::uint32_t from = group_of_box_[box_of_[p]], to = group_of_box_[box_of_[s]];
      if (from == to) continue;
      Link& l = links_[{from, to}];
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
