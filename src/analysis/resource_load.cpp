// Resource load over the early-start schedule (over-allocation), and the resource-levelled
// schedule of the model: the model's steps, dependencies, demands and capacities handed to the
// levelling engine, and its answer read back in the model's terms.
#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

#include "analysis/conflict_parts.hpp"
#include "analysis/id_order.hpp"
#include "model/capacity_fit.hpp"

namespace clearpath {
namespace {

bool runs(const Model& m, const Network& net, std::uint32_t a) {
  return m.kind(net.activity[a]) == EntityKind::step && net.duration[a] > 0;
}

}  // namespace

double resource_capacity(const Model& m, Ref r) {
  return m.kind(r) == EntityKind::person ? m.person(r).capacity : m.department_capacity(r);
}

std::vector<Overallocation> overallocations(const Model& m, const Network& net, const Schedule& schedule) {
  // Per resource: (time, +/- amount, activity) events; ends sort before starts at the same time.
  struct Event {
    double time;
    bool start;
    double amount;
    std::uint32_t activity;
  };
  std::vector<std::vector<Event>> events(m.entity_count());  // by resource
  std::vector<Ref> loaded;                                   // the resources with events
  for (std::uint32_t a = 0; a < net.size(); ++a) {
    if (!runs(m, net, a)) continue;
    for (const Demand& d : m.effective_demands(m.step(net.activity[a]))) {
      std::vector<Event>& list = events[d.resource];
      if (list.empty()) loaded.push_back(d.resource);
      list.push_back({schedule.times[a].es, true, d.amount, a});
      list.push_back({schedule.times[a].ef, false, d.amount, a});
    }
  }
  std::sort(loaded.begin(), loaded.end());
  std::vector<Overallocation> out;
  for (Ref resource : loaded) {
    std::vector<Event>& list = events[resource];
    const double capacity = resource_capacity(m, resource);
    std::sort(list.begin(), list.end(), [](const Event& x, const Event& y) {
      if (x.time != y.time) return x.time < y.time;
      return x.start < y.start;
    });
    double load = 0;
    std::set<std::uint32_t> active;
    std::optional<Overallocation> open;
    auto close = [&](double at) {
      if (!open) return;
      open->to = at;
      if (open->to - open->from > kLoadEpsilon) out.push_back(*open);
      open.reset();
    };
    for (std::size_t k = 0; k < list.size();) {
      const double t = list[k].time;
      for (; k < list.size() && list[k].time == t; ++k) {
        if (list[k].start) {
          load += list[k].amount;
          active.insert(list[k].activity);
        } else {
          load -= list[k].amount;
          active.erase(list[k].activity);
        }
      }
      if (load > capacity + kLoadEpsilon && !active.empty()) {
        if (!open) open = Overallocation{resource, t, t, 0, capacity, {}, {}};
        open->load = std::max(open->load, load);
        for (std::uint32_t a : active) open->items.push_back(net.activity[a]);
      } else {
        close(t);
      }
    }
    close(list.empty() ? 0 : list.back().time);
  }
  std::vector<double> slack(m.entity_count(), 0.0);
  for (std::uint32_t a = 0; a < net.size(); ++a) slack[net.activity[a]] = schedule.times[a].total_float;
  for (Overallocation& o : out) {
    std::sort(o.items.begin(), o.items.end(), [&](Ref a, Ref b) {
      if (slack[a] != slack[b]) return slack[a] < slack[b];
      return id_less(m, a, b);
    });
    o.items.erase(std::unique(o.items.begin(), o.items.end()), o.items.end());
    for (Ref s : o.items)
      if (m.step(s).initiative != kNoRef) o.initiatives.push_back(m.step(s).initiative);
    std::sort(o.initiatives.begin(), o.initiatives.end(), [&](Ref a, Ref b) { return id_less(m, a, b); });
    o.initiatives.erase(std::unique(o.initiatives.begin(), o.initiatives.end()), o.initiatives.end());
  }
  std::sort(out.begin(), out.end(), [&](const Overallocation& a, const Overallocation& b) {
    if (a.resource != b.resource) return id_less(m, a.resource, b.resource);
    return a.from < b.from;
  });
  return out;
}

LevelledOutcome level_model(const Model& m, const Network& net, const Schedule& schedule,
                            const std::vector<Overallocation>& over, const LevellingOptions& options) {
  LevellingProblem p;
  const std::size_t n = net.size();
  p.duration = net.duration;
  p.predecessors.resize(n);
  p.demand.resize(n);
  std::vector<std::uint32_t> resource_index(m.entity_count(), UINT32_MAX);  // by resource
  std::vector<Ref> resources;
  for (std::uint32_t a = 0; a < n; ++a) {
    p.predecessors[a].assign(net.preds.begin() + net.pred_begin[a], net.preds.begin() + net.pred_begin[a + 1]);
    if (!runs(m, net, a)) continue;
    for (const Demand& d : m.effective_demands(m.step(net.activity[a]))) {
      std::uint32_t& index = resource_index[d.resource];
      if (index == UINT32_MAX) {
        index = static_cast<std::uint32_t>(resources.size());
        resources.push_back(d.resource);
        p.capacity.push_back(resource_capacity(m, d.resource));
      }
      p.demand[a].push_back({index, d.amount});
    }
  }
  // A step that needs more than a resource ever has can never run. The loader rejects such a
  // file (check_feasibility), so reaching this is a bug; the message still speaks of ids.
  for (std::uint32_t a = 0; a < n; ++a)
    for (const auto& [r, amount] : p.demand[a])
      if (!fits_capacity(amount, p.capacity[r]))
        throw std::logic_error("step '" + m.id(net.activity[a]) + "' demands " + load_number(amount) + " of '" +
                               m.id(resources[r]) + "', whose capacity is " + load_number(p.capacity[r]) +
                               ": the loader should have rejected it");
  const LevelledSchedule s = level_resources(p, options);  // no LevellingError after the check above
  if (s.start.size() != n) throw std::logic_error("the levelling engine returned no schedule");
  if (const auto why = check_levelled(p, s))
    throw std::logic_error("the levelled schedule is infeasible: " + *why);  // a bug

  LevelledOutcome out;
  out.start = s.start;
  out.duration = s.makespan;
  out.cpm_duration = schedule.duration;
  out.delay_days = std::max(0.0, s.makespan - schedule.duration);
  std::vector<double> moved_by_resource(resources.size(), 0.0);  // by the problem's resource index
  std::vector<bool> moved_resource(resources.size(), false);
  for (std::uint32_t a = 0; a < n; ++a) {
    const double days = s.start[a] - schedule.times[a].es;
    if (days <= 1e-6) continue;
    out.moved.push_back({net.activity[a], days});
    for (const auto& [r, amount] : p.demand[a]) {
      moved_by_resource[r] += days;
      moved_resource[r] = true;
    }
  }
  std::sort(out.moved.begin(), out.moved.end(), [&](const LevelledOutcome::Moved& a, const LevelledOutcome::Moved& b) {
    if (a.days != b.days) return a.days > b.days;
    return id_less(m, a.activity, b.activity);
  });
  // The drivers: resources over capacity in the CPM schedule whose work had to move.
  std::set<Ref> overloaded;
  for (const Overallocation& o : over) overloaded.insert(o.resource);
  std::vector<std::pair<double, Ref>> drivers;
  for (std::uint32_t r = 0; r < resources.size(); ++r)
    if (moved_resource[r] && overloaded.count(resources[r])) drivers.push_back({moved_by_resource[r], resources[r]});
  std::sort(drivers.begin(), drivers.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    return id_less(m, a.second, b.second);
  });
  for (const auto& d : drivers) out.drivers.push_back(d.second);
  std::vector<LevelledOutcome::InitiativeFinish> finish(m.initiatives().size());  // by initiative index
  for (std::uint32_t a = 0; a < n; ++a) {
    const Ref i = m.initiative_of(net.activity[a]);
    if (i == kNoRef) continue;
    auto& f = finish[m.index(i)];
    f.initiative = i;
    f.cpm_finish = std::max(f.cpm_finish, schedule.times[a].ef);
    f.levelled_finish = std::max(f.levelled_finish, s.start[a] + net.duration[a]);
  }
  for (const LevelledOutcome::InitiativeFinish& f : finish)
    if (f.initiative != kNoRef) out.initiatives.push_back(f);
  std::sort(out.initiatives.begin(), out.initiatives.end(),
            [&](const auto& a, const auto& b) { return id_less(m, a.initiative, b.initiative); });
  return out;
}

}  // namespace clearpath
