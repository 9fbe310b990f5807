// The schedule network: which activities, their durations, and the links between them, as
// arrays ordered by id so that every later result is independent of the file's order.
#include <algorithm>
#include <deque>
#include <limits>
#include <stdexcept>

#include "analysis/network_parts.hpp"
#include "clearpath/calendar.hpp"
#include "clearpath/schedule.hpp"

namespace clearpath {

const char* estimate_name(Estimate e) noexcept {
  switch (e) {
    case Estimate::expected: return "expected";
    case Estimate::likely: return "likely";
    case Estimate::optimistic: return "optimistic";
    case Estimate::pessimistic: return "pessimistic";
  }
  return "expected";
}

std::optional<Estimate> parse_estimate(std::string_view s) noexcept {
  for (Estimate e : {Estimate::expected, Estimate::likely, Estimate::optimistic, Estimate::pessimistic})
    if (s == estimate_name(e)) return e;
  return std::nullopt;
}

double step_duration(const Duration& d, Estimate estimate) {
  if (!d.three_point) return d.likely;
  switch (estimate) {
    case Estimate::expected: return d.expected();
    case Estimate::likely: return d.likely;
    case Estimate::optimistic: return d.optimistic;
    case Estimate::pessimistic: return d.pessimistic;
  }
  return d.expected();
}

double remaining_work(const StepProgress& p, double full) {
  if (p.has_remaining()) return p.remaining;
  return p.percent_complete > 0 ? full * (1 - p.percent_complete / 100) : full;
}

double activity_duration(const Model& m, Ref a, Estimate estimate, bool from_scratch) {
  if (m.kind(a) == EntityKind::approval) {
    const Approval& g = m.approval(a);
    return g.status == ApprovalStatus::granted && !from_scratch ? 0.0 : g.lead_time;
  }
  const Step& s = m.step(a);
  if (s.status == StepStatus::done && !from_scratch) return 0.0;
  const double full = step_duration(s.duration, estimate);
  return from_scratch ? full : remaining_work(s.progress, full);
}

namespace {

bool is_activity(const Model& m, Ref r) {
  const EntityKind k = m.kind(r);
  return k == EntityKind::step || k == EntityKind::approval;
}

// Marks `seeds` and everything they depend on, transitively (iteratively).
std::vector<bool> closure(const Model& m, const std::vector<Ref>& seeds) {
  std::vector<bool> in(m.entity_count(), false);
  std::vector<Ref> stack;
  for (Ref s : seeds)
    if (!in[s]) {
      in[s] = true;
      stack.push_back(s);
    }
  while (!stack.empty()) {
    const Ref r = stack.back();
    stack.pop_back();
    for (Ref d : m.depends_on(r))
      if (!in[d]) {
        in[d] = true;
        stack.push_back(d);
      }
  }
  return in;
}

// The links (predecessor, successor) by `by_target` (successor) or by predecessor, as CSR.
// Links come sorted by successor, then predecessor, so both lists come out sorted by index.
// `timing`, when not empty, is each link's type and lag; `timing_out` gets them beside `items`.
void fill_csr(std::size_t n, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& links,
              const std::vector<LinkTiming>& timing, bool by_target, std::vector<std::uint32_t>& begin,
              std::vector<std::uint32_t>& items, std::vector<LinkTiming>& timing_out) {
  begin.assign(n + 1, 0);
  for (const auto& [from, to] : links) ++begin[(by_target ? to : from) + 1];
  for (std::size_t i = 0; i < n; ++i) begin[i + 1] += begin[i];
  items.assign(links.size(), 0);
  timing_out.assign(timing.size(), LinkTiming{});
  std::vector<std::uint32_t> next(begin.begin(), begin.end() - 1);
  for (std::size_t k = 0; k < links.size(); ++k) {
    const auto [from, to] = links[k];
    const std::uint32_t at = next[by_target ? to : from]++;
    items[at] = by_target ? from : to;
    if (!timing.empty()) timing_out[at] = timing[k];
  }
}

// Sorts refs by id. Ids are compared by their first 8 bytes as one integer first (most ids are
// that short), so sorting a million activities costs a fraction of comparing strings.
void sort_by_id(const Model& m, std::vector<Ref>& refs) {
  struct Key {
    std::uint64_t prefix;
    Ref ref;
  };
  std::vector<Key> keys;
  keys.reserve(refs.size());
  for (Ref r : refs) {
    const std::string& id = m.id(r);
    std::uint64_t prefix = 0;
    for (std::size_t i = 0; i < 8; ++i)
      prefix = (prefix << 8) | (i < id.size() ? static_cast<unsigned char>(id[i]) : 0u);
    keys.push_back({prefix, r});
  }
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    return m.id(a.ref) < m.id(b.ref);
  });
  for (std::size_t i = 0; i < refs.size(); ++i) refs[i] = keys[i].ref;
}

// Kahn's algorithm; the queue takes activities in index (id) order.
void topological_order(Network& net) {
  const std::size_t n = net.size();
  std::vector<std::uint32_t> waiting(n);
  std::deque<std::uint32_t> ready;
  for (std::uint32_t i = 0; i < n; ++i) {
    waiting[i] = net.pred_begin[i + 1] - net.pred_begin[i];
    if (waiting[i] == 0) ready.push_back(i);
  }
  net.order.reserve(n);
  while (!ready.empty()) {
    const std::uint32_t a = ready.front();
    ready.pop_front();
    net.order.push_back(a);
    for (std::uint32_t k = net.succ_begin[a]; k < net.succ_begin[a + 1]; ++k)
      if (--waiting[net.succs[k]] == 0) ready.push_back(net.succs[k]);
  }
  if (net.order.size() != n) throw std::logic_error("the dependencies contain a cycle (the loader rejects them)");
}

// not_before and deadline of the activities (in network order) that still have work to do;
// the status date, when the model has one, is a not_before of them all (unless from scratch).
void add_date_constraints(const Model& m, const std::vector<Ref>& activities, bool from_scratch, Network& net) {
  auto dates_of = [&](Ref r) -> const DateConstraints* {
    if (m.kind(r) == EntityKind::step) {
      const Step& s = m.step(r);
      return s.status == StepStatus::done && !from_scratch ? nullptr : &s.dates;
    }
    const Approval& a = m.approval(r);
    return a.status == ApprovalStatus::granted && !from_scratch ? nullptr : &a.dates;
  };
  const bool status = !from_scratch && !m.status_date.empty();
  if (!status && !m.features().date_constraints) return;
  const bool any = status || std::any_of(activities.begin(), activities.end(), [&](Ref r) {
                     const DateConstraints* d = dates_of(r);
                     return d && !d->empty();
                   });
  if (!any) return;
  const WorkCalendar cal(m.calendar);  // the loader made sure there is a start
  const double status_day = status ? std::max(0.0, *cal.start_day(m.status_date)) : 0.0;
  net.not_before.assign(activities.size(), 0.0);
  net.deadline.assign(activities.size(), std::numeric_limits<double>::infinity());
  for (std::size_t i = 0; i < activities.size(); ++i) {
    const DateConstraints* d = dates_of(activities[i]);
    if (!d) continue;
    net.not_before[i] = status_day;
    if (auto day = cal.start_day(d->not_before)) net.not_before[i] = std::max(status_day, *day);
    if (auto day = cal.finish_day(d->deadline)) net.deadline[i] = *day;
  }
}

// The network over `selected` (steps and approvals, any order). `index` has an entry per
// entity, all UINT32_MAX, and is left so: one buffer serves many networks.
Network assemble_network(const Model& m, std::vector<Ref> selected, Estimate estimate, bool from_scratch,
                         std::vector<std::uint32_t>& index) {
  sort_by_id(m, selected);
  Network net;
  const std::size_t n = selected.size();
  net.duration.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    index[selected[i]] = i;
    net.duration[i] = activity_duration(m, selected[i], estimate, from_scratch);
  }
  // (predecessor, successor), by successor, then predecessor, then type and lag; a dependency
  // listed twice once (two links of different types between the same pair both count, as in
  // Primavera P6). `timing` is filled from the first typed link on (earlier ones are plain).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> links;
  std::vector<LinkTiming> timing;
  std::vector<std::uint32_t> preds;
  std::vector<std::pair<std::uint32_t, LinkTiming>> typed_preds;
  static const std::vector<LinkTiming> kNoTiming;
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::vector<Ref>& deps = m.depends_on(selected[i]);
    const std::vector<LinkTiming>& given = m.features().typed_links ? m.link_timing(selected[i]) : kNoTiming;
    if (given.empty()) {
      preds.clear();
      for (Ref d : deps)
        if (index[d] != UINT32_MAX) preds.push_back(index[d]);
      std::sort(preds.begin(), preds.end());
      preds.erase(std::unique(preds.begin(), preds.end()), preds.end());
      for (std::uint32_t p : preds) links.emplace_back(p, i);
      if (!timing.empty()) timing.resize(links.size());
      continue;
    }
    typed_preds.clear();
    for (std::size_t k = 0; k < deps.size(); ++k)
      if (index[deps[k]] != UINT32_MAX) typed_preds.emplace_back(index[deps[k]], given[k]);
    std::sort(typed_preds.begin(), typed_preds.end());
    typed_preds.erase(std::unique(typed_preds.begin(), typed_preds.end()), typed_preds.end());
    timing.resize(links.size());
    for (const auto& [p, t] : typed_preds) {
      links.emplace_back(p, i);
      timing.push_back(t);
    }
  }
  if (std::all_of(timing.begin(), timing.end(), [](const LinkTiming& t) { return t.plain(); })) timing.clear();
  for (Ref r : selected) index[r] = UINT32_MAX;
  add_date_constraints(m, selected, from_scratch, net);
  net.activity = std::move(selected);
  fill_csr(n, links, timing, true, net.pred_begin, net.preds, net.pred_timing);
  fill_csr(n, links, timing, false, net.succ_begin, net.succs, net.succ_timing);
  topological_order(net);
  return net;
}

}  // namespace

Network build_network(const Model& m, const NetworkOptions& options) {
  std::vector<Ref> selected;
  std::vector<bool> chosen;
  std::vector<Ref> seeds;  // the initiative's own items
  if (!options.initiative.empty()) {
    const std::optional<Ref> init = m.find(options.initiative);
    if (!init || m.kind(*init) != EntityKind::initiative)
      throw ScheduleError("--initiative: there is no initiative '" + options.initiative + "'");
    for (std::size_t i = 0; i < m.steps().size(); ++i)
      if (m.steps()[i].initiative == *init) seeds.push_back(m.ref_of(EntityKind::step, i));
    for (std::size_t i = 0; i < m.approvals().size(); ++i)
      if (m.approvals()[i].initiative == *init) seeds.push_back(m.ref_of(EntityKind::approval, i));
  }
  if (!options.to.empty()) {
    // The milestone and what it depends on (the initiative, if also given, only names the focus).
    const std::optional<Ref> to = m.find(options.to);
    if (!to || !is_activity(m, *to)) throw ScheduleError("--to: there is no step or approval '" + options.to + "'");
    chosen = closure(m, {*to});
  } else if (!options.initiative.empty()) {
    chosen = closure(m, seeds);
    if (seeds.empty()) chosen.assign(m.entity_count(), false);  // an initiative with no work: nothing
  }
  for (std::size_t i = 0; i < m.steps().size(); ++i) {
    const Ref r = m.ref_of(EntityKind::step, i);
    if (chosen.empty() || chosen[r]) selected.push_back(r);
  }
  for (std::size_t i = 0; i < m.approvals().size(); ++i) {
    const Ref r = m.ref_of(EntityKind::approval, i);
    if (chosen.empty() || chosen[r]) selected.push_back(r);
  }
  std::vector<std::uint32_t> index(m.entity_count(), UINT32_MAX);
  return assemble_network(m, std::move(selected), options.estimate, options.from_scratch, index);
}

std::vector<Network> initiative_networks(const Model& m, const std::vector<Ref>& initiatives) {
  // Each initiative's own items, found in one pass over the steps and approvals.
  std::vector<std::uint32_t> slot(m.entity_count(), UINT32_MAX);
  for (std::uint32_t k = 0; k < initiatives.size(); ++k) slot[initiatives[k]] = k;
  std::vector<std::vector<Ref>> seeds(initiatives.size());
  auto add_seed = [&](Ref initiative, Ref item) {
    if (initiative != kNoRef && slot[initiative] != UINT32_MAX) seeds[slot[initiative]].push_back(item);
  };
  for (std::size_t i = 0; i < m.steps().size(); ++i) add_seed(m.steps()[i].initiative, m.ref_of(EntityKind::step, i));
  for (std::size_t i = 0; i < m.approvals().size(); ++i)
    add_seed(m.approvals()[i].initiative, m.ref_of(EntityKind::approval, i));

  // The closure of each, marked with the initiative's number so that no mark is ever cleared.
  std::vector<std::uint32_t> mark(m.entity_count(), UINT32_MAX);
  std::vector<std::uint32_t> index(m.entity_count(), UINT32_MAX);
  std::vector<Network> out;
  out.reserve(initiatives.size());
  for (std::uint32_t k = 0; k < initiatives.size(); ++k) {
    std::vector<Ref> selected, stack;
    for (Ref s : seeds[k])
      if (mark[s] != k) {
        mark[s] = k;
        stack.push_back(s);
      }
    while (!stack.empty()) {
      const Ref r = stack.back();
      stack.pop_back();
      if (is_activity(m, r)) selected.push_back(r);
      for (Ref d : m.depends_on(r))
        if (mark[d] != k) {
          mark[d] = k;
          stack.push_back(d);
        }
    }
    out.push_back(assemble_network(m, std::move(selected), Estimate::expected, false, index));
  }
  return out;
}

}  // namespace clearpath
