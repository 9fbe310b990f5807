// Resource load over the early-start schedule (over-allocation), and the resource-levelled
// schedule of the model: the model's steps, dependencies, demands and capacities handed to the
// levelling engine, and its answer read back in the model's terms.
#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <set>
#include <span>
#include <stdexcept>

#include "analysis/conflict_parts.hpp"
#include "analysis/id_order.hpp"
#include "model/capacity_fit.hpp"

namespace clearpath {
namespace {

bool runs(const Model& m, const Network& net, std::uint32_t a) {
  return m.kind(net.activity[a]) == EntityKind::step && net.duration[a] > 0;
}

// A step's effective demands (Model::effective_demands) with no vector of their own: the step's
// list, or else `one`, set to the default demand.
std::span<const Demand> demands_of(const Model& model, const Step& step, Demand& one) {
  if (!step.demands.empty()) return step.demands;
  const std::optional<Demand> d = model.default_demand(step);
  if (!d) return {};
  one = *d;
  return {&one, 1};
}

}  // namespace

double resource_capacity(const Model& m, Ref r) {
  return m.kind(r) == EntityKind::person ? m.person(r).capacity : m.department_capacity(r);
}

NetworkLoads network_loads(const Model& m, const Network& net) {
  NetworkLoads l;
  l.first.reserve(net.size() + 1);
  l.first.push_back(0);
  std::vector<std::uint32_t> number(m.entity_count(), UINT32_MAX);  // by resource
  Demand one;
  for (std::uint32_t a = 0; a < net.size(); ++a) {
    if (runs(m, net, a))
      for (const Demand& d : demands_of(m, m.step(net.activity[a]), one)) {
        std::uint32_t& r = number[d.resource];
        if (r == UINT32_MAX) {
          r = static_cast<std::uint32_t>(l.resources.size());
          l.resources.push_back(d.resource);
        }
        l.resource.push_back(r);
        l.amount.push_back(d.amount);
      }
    l.first.push_back(static_cast<std::uint32_t>(l.resource.size()));
  }
  return l;
}

std::vector<Overallocation> overallocations(const Model& m, const Network& net, const Schedule& schedule,
                                            const NetworkLoads& loads) {
  // Per resource: (time, +/- amount, activity) events; ends sort before starts at the same time.
  // One array, bucketed by resource (a counting sort over the resources' numbers), each bucket
  // in activity order, then sorted by time.
  struct Event {
    double time;
    bool start;
    double amount;
    std::uint32_t activity;
  };
  const std::vector<Ref>& loaded = loads.resources;
  std::vector<std::size_t> first(loaded.size() + 1, 0);  // bucket b: [first[b], first[b + 1])
  for (const std::uint32_t r : loads.resource) first[r + 1] += 2;
  for (std::size_t b = 0; b < loaded.size(); ++b) first[b + 1] += first[b];
  std::vector<Event> events(first.back());
  std::vector<std::size_t> fill(first.begin(), first.end() - 1);
  for (std::uint32_t a = 0; a < net.size(); ++a)
    for (std::uint32_t k = loads.first[a]; k < loads.first[a + 1]; ++k) {
      std::size_t& at = fill[loads.resource[k]];
      events[at++] = {schedule.times[a].es, true, loads.amount[k], a};
      events[at++] = {schedule.times[a].ef, false, loads.amount[k], a};
    }
  // The resources in Ref order, as the findings have always come.
  std::vector<std::uint32_t> buckets(loaded.size());
  for (std::uint32_t b = 0; b < buckets.size(); ++b) buckets[b] = b;
  std::sort(buckets.begin(), buckets.end(), [&](std::uint32_t x, std::uint32_t y) { return loaded[x] < loaded[y]; });
  std::vector<Overallocation> out;
  // The activities running at a time, in no order (a period's items are sorted below): each one's
  // place in `active`, or UINT32_MAX, so that adding and removing one take constant time however
  // many run at once.
  std::vector<std::uint32_t> active, place(net.size(), UINT32_MAX);
  for (const std::uint32_t b : buckets) {
    const Ref resource = loaded[b];
    const auto list = std::span<Event>(events).subspan(first[b], first[b + 1] - first[b]);
    const double capacity = resource_capacity(m, resource);
    std::sort(list.begin(), list.end(), [](const Event& x, const Event& y) {
      if (x.time != y.time) return x.time < y.time;
      return x.start < y.start;
    });
    double load = 0;
    for (const std::uint32_t a : active) place[a] = UINT32_MAX;
    active.clear();
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
        const std::uint32_t a = list[k].activity;
        if (list[k].start) {
          load += list[k].amount;
          if (place[a] == UINT32_MAX) {
            place[a] = static_cast<std::uint32_t>(active.size());
            active.push_back(a);
          }
        } else {
          load -= list[k].amount;
          if (place[a] != UINT32_MAX) {  // the last one takes its place
            place[active.back()] = place[a];
            active[place[a]] = active.back();
            active.pop_back();
            place[a] = UINT32_MAX;
          }
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

LevelledOutcome level_model(const Model& m, const Network& net, const Schedule& schedule, const NetworkLoads& loads,
                            const std::vector<Overallocation>& over, const LevellingOptions& options) {
  LevellingProblem p;
  const std::size_t n = net.size();
  p.duration = net.duration;
  p.predecessors.resize(n);
  p.demand.resize(n);
  const std::vector<Ref>& resources = loads.resources;
  for (const Ref r : resources) p.capacity.push_back(resource_capacity(m, r));
  // The links' types and lags only when some link has one: a plain network leaves them empty,
  // and the levelling takes its finish-to-start path.
  if (!net.plain_links()) p.predecessor_timing.resize(n);
  for (std::uint32_t a = 0; a < n; ++a) {
    p.predecessors[a].assign(net.preds.begin() + net.pred_begin[a], net.preds.begin() + net.pred_begin[a + 1]);
    if (!net.plain_links())
      p.predecessor_timing[a].assign(net.pred_timing.begin() + net.pred_begin[a],
                                     net.pred_timing.begin() + net.pred_begin[a + 1]);
    for (std::uint32_t k = loads.first[a]; k < loads.first[a + 1]; ++k)
      p.demand[a].push_back({loads.resource[k], loads.amount[k]});
  }
  // not_before dates (and the status date) hold starts back: each is a start-to-start link, with
  // the date's day as its lag, from a source activity of no duration and no demand, added last.
  // The scheme keeps such links in both directions, so the justification keeps them too.
  if (net.constrained()) {
    p.deadline = net.deadline;                                      // +infinity where none
    p.deadline.push_back(std::numeric_limits<double>::infinity());  // the dates' source, below
    if (p.predecessor_timing.empty()) {
      p.predecessor_timing.resize(n);
      for (std::uint32_t a = 0; a < n; ++a) p.predecessor_timing[a].assign(p.predecessors[a].size(), LinkTiming{});
    }
    const auto source = static_cast<std::uint32_t>(n);
    for (std::uint32_t a = 0; a < n; ++a)
      if (net.not_before[a] > 0) {
        p.predecessors[a].push_back(source);
        p.predecessor_timing[a].push_back({LinkType::start_to_start, net.not_before[a]});
      }
    p.duration.push_back(0);
    p.predecessors.emplace_back();
    p.predecessor_timing.emplace_back();
    p.demand.emplace_back();
  }
  // A step that needs more than a resource ever has can never run. The loader rejects such a
  // file (check_feasibility), so reaching this is a bug; the message still speaks of ids.
  for (std::uint32_t a = 0; a < n; ++a)
    for (const auto& [r, amount] : p.demand[a])
      if (!fits_capacity(amount, p.capacity[r]))
        throw std::logic_error("step '" + m.id(net.activity[a]) + "' demands " + load_number(amount) + " of '" +
                               m.id(resources[r]) + "', whose capacity is " + load_number(p.capacity[r]) +
                               ": the loader should have rejected it");
  LevelledSchedule s = level_resources(p, options);  // no LevellingError after the check above
  if (s.start.size() != p.duration.size()) throw std::logic_error("the levelling engine returned no schedule");
  if (const auto why = check_levelled(p, s))
    throw std::logic_error("the levelled schedule is infeasible: " + *why);  // a bug
  s.start.resize(n);                                                         // without the dates' source

  LevelledOutcome out;
  out.start = s.start;
  out.duration = s.makespan;
  out.cpm_duration = schedule.duration;
  out.delay_days = std::max(0.0, s.makespan - schedule.duration);
  // By the problem's resource index; more than 0 for the resources of moved work only.
  std::vector<double> moved_by_resource(resources.size(), 0.0);
  for (std::uint32_t a = 0; a < n; ++a) {
    const double days = s.start[a] - schedule.times[a].es;
    if (days <= 1e-6) continue;
    out.moved.push_back({net.activity[a], days});
    for (const auto& [r, amount] : p.demand[a]) moved_by_resource[r] += days;
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
    if (moved_by_resource[r] > 0 && overloaded.count(resources[r]))
      drivers.push_back({moved_by_resource[r], resources[r]});
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
