// The schedule facts the co-pilot analysis needs: earliest finishes and cumulative approval lead
// times over the whole model, and each initiative's reach and critical activities.
#include <algorithm>

#include "analysis/copilot_parts.hpp"

namespace clearpath {
namespace {

// Marks and pushes everything `items` depend on, the items included, onto r.members.
void collect_members(const Timeline& t, const std::vector<std::uint32_t>& items, std::vector<std::uint32_t>& mark,
                     std::uint32_t stamp, Reach& r) {
  std::vector<std::uint32_t> stack;
  auto push = [&](std::uint32_t a) {
    if (mark[a] == stamp) return;
    mark[a] = stamp;
    stack.push_back(a);
    r.members.push_back(a);
  };
  for (std::uint32_t a : items) push(a);
  while (!stack.empty()) {
    const std::uint32_t a = stack.back();
    stack.pop_back();
    for (std::uint32_t i = t.net.pred_begin[a]; i < t.net.pred_begin[a + 1]; ++i) push(t.net.preds[i]);
  }
}

// Walks back from the members that finish last through the predecessors whose links set their
// successor's start (for finish-to-start: that end just as it starts), onto r.critical.
void collect_critical(const Timeline& t, std::vector<std::uint32_t>& mark, std::uint32_t critical_stamp, Reach& r) {
  double finish = 0;
  for (std::uint32_t a : r.members) finish = std::max(finish, t.ef[a]);
  std::vector<std::uint32_t> stack;
  for (std::uint32_t a : r.members)
    if (t.ef[a] >= finish - kFloatEpsilon) {
      mark[a] = critical_stamp;
      stack.push_back(a);
    }
  while (!stack.empty()) {
    const std::uint32_t a = stack.back();
    stack.pop_back();
    r.critical.push_back(a);
    const double es = t.ef[a] - t.net.duration[a];
    for (std::uint32_t i = t.net.pred_begin[a]; i < t.net.pred_begin[a + 1]; ++i) {
      const std::uint32_t p = t.net.preds[i];
      const double allowed =
          t.net.plain_links()
              ? t.ef[p]
              : earliest_start_after(t.net.pred_timing[i], t.ef[p] - t.net.duration[p], t.ef[p], t.net.duration[a]);
      if (mark[p] != critical_stamp && allowed >= es - kFloatEpsilon) {
        mark[p] = critical_stamp;
        stack.push_back(p);
      }
    }
  }
}

}  // namespace

Timeline timeline(const Model& m, const Network* whole) {
  Timeline t;
  t.net = whole ? *whole : build_network(m, {});
  forward_pass(t.net, t.net.duration, t.ef);
  const std::size_t n = t.net.size();
  t.cumulative.assign(n, 0);
  t.topo.assign(n, 0);
  t.position.assign(m.entity_count(), UINT32_MAX);
  for (std::uint32_t a = 0; a < n; ++a) t.position[t.net.activity[a]] = a;
  for (std::uint32_t k = 0; k < n; ++k) {
    const std::uint32_t a = t.net.order[k];
    t.topo[a] = k;
    double before = 0;
    for (std::uint32_t i = t.net.pred_begin[a]; i < t.net.pred_begin[a + 1]; ++i)
      before = std::max(before, t.cumulative[t.net.preds[i]]);
    t.cumulative[a] = before + (m.kind(t.net.activity[a]) == EntityKind::approval ? t.net.duration[a] : 0);
  }
  return t;
}

Reach reach(const Timeline& t, const std::vector<std::uint32_t>& items, std::vector<std::uint32_t>& mark,
            std::uint32_t stamp) {
  Reach r;
  collect_members(t, items, mark, stamp, r);
  collect_critical(t, mark, stamp + 1, r);
  return r;
}

}  // namespace clearpath
