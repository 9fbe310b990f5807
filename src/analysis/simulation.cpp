// Monte Carlo over three-point durations. Run r draws from its own generator seeded by
// (seed, r), so the figures depend on the seed only, never on how runs are spread over threads.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <thread>

#include "analysis/path_parts.hpp"
#include "analysis/pert_beta.hpp"
#include "model/random.hpp"

namespace clearpath {
namespace {

using Rng = Xoshiro256;

struct ThreePoint {
  std::uint32_t activity;
  double o, m, p;
  double mode;  // (m - o) / (p - o), in [0, 1]
};

double sample(const ThreePoint& t, Distribution dist, Rng& rng) {
  const double u = rng.uniform();
  if (dist == Distribution::triangular) {
    const double range = t.p - t.o;
    return u < t.mode ? t.o + std::sqrt(u * range * (t.m - t.o)) : t.p - std::sqrt((1 - u) * range * (t.p - t.m));
  }
  return t.o + (t.p - t.o) * pert_beta_quantile(t.mode, u);
}

// `values` sorted ascending.
double nearest_rank(const std::vector<double>& values, double q) {
  if (values.empty()) return 0;
  const std::size_t rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size())));
  return values[std::min(values.size(), std::max<std::size_t>(rank, 1)) - 1];
}

// The network relabelled in topological order: each run then walks its arrays front to back
// (and back to front), which is several times faster than following ids around memory.
struct TopoNetwork {
  std::vector<std::uint32_t> label;  // activity -> position in topological order
  std::vector<double> duration;
  std::vector<std::uint32_t> pred_begin, preds, succ_begin, succs;

  explicit TopoNetwork(const Network& net) : label(net.size()), duration(net.size()) {
    const std::size_t n = net.size();
    for (std::uint32_t k = 0; k < n; ++k) label[net.order[k]] = k;
    pred_begin.assign(n + 1, 0);
    succ_begin.assign(n + 1, 0);
    for (std::uint32_t k = 0; k < n; ++k) {
      const std::uint32_t a = net.order[k];
      duration[k] = net.duration[a];
      pred_begin[k + 1] = pred_begin[k] + (net.pred_begin[a + 1] - net.pred_begin[a]);
      succ_begin[k + 1] = succ_begin[k] + (net.succ_begin[a + 1] - net.succ_begin[a]);
      for (std::uint32_t j = net.pred_begin[a]; j < net.pred_begin[a + 1]; ++j) preds.push_back(label[net.preds[j]]);
      for (std::uint32_t j = net.succ_begin[a]; j < net.succ_begin[a + 1]; ++j) succs.push_back(label[net.succs[j]]);
    }
  }
};

}  // namespace

Simulation simulate(const Model& m, const Network& net, const PathOptions& options,
                    const std::vector<std::uint32_t>& focus_activities, std::optional<double> momentum_days) {
  const std::size_t n = net.size(), runs = options.simulate;
  const TopoNetwork topo(net);
  std::vector<ThreePoint> uncertain;
  for (std::uint32_t a = 0; a < n; ++a) {
    const Ref r = net.activity[a];
    if (m.kind(r) != EntityKind::step) continue;
    if (m.step(r).status == StepStatus::done && !options.network.from_scratch) continue;  // done stays done
    const Duration& d = m.step(r).duration;
    if (!d.three_point || d.pessimistic <= d.optimistic) continue;
    const double range = d.pessimistic - d.optimistic;
    uncertain.push_back({topo.label[a], d.optimistic, d.likely, d.pessimistic, (d.likely - d.optimistic) / range});
  }

  // Threads change only the speed: at most 64, and never more than there are runs.
  constexpr unsigned kMaxThreads = 64;
  unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>({threads, kMaxThreads, std::max<std::size_t>(runs, 1)}));
  pert_beta_quantile(0.5, 0.5);  // build the quantile table here, not inside a worker
  std::vector<double> project(runs), focus(runs);
  std::vector<std::vector<std::uint32_t>> critical_counts(threads, std::vector<std::uint32_t>(n, 0));
  std::atomic<std::size_t> done{0};

  std::vector<std::uint32_t> focus_labels;
  for (std::uint32_t a : focus_activities) focus_labels.push_back(topo.label[a]);

  auto worker = [&](unsigned t) {
    std::vector<double> duration = topo.duration, ef(n), ls(n);
    std::vector<std::uint32_t>& counts = critical_counts[t];
    for (std::size_t r = t; r < runs; r += threads) {
      Rng rng(options.seed * 0x100000001B3ULL ^ (r + 1) * 0xD6E8FEB86659FD93ULL);
      for (const ThreePoint& u : uncertain) duration[u.activity] = sample(u, options.distribution, rng);
      double end = 0;
      for (std::uint32_t k = 0; k < n; ++k) {
        double es = 0;
        for (std::uint32_t j = topo.pred_begin[k]; j < topo.pred_begin[k + 1]; ++j) es = std::max(es, ef[topo.preds[j]]);
        ef[k] = es + duration[k];
        end = std::max(end, ef[k]);
      }
      for (std::uint32_t k = static_cast<std::uint32_t>(n); k-- > 0;) {
        double lf = end;
        for (std::uint32_t j = topo.succ_begin[k]; j < topo.succ_begin[k + 1]; ++j) lf = std::min(lf, ls[topo.succs[j]]);
        ls[k] = lf - duration[k];
        if (ls[k] - (ef[k] - duration[k]) <= kFloatEpsilon) ++counts[k];
      }
      double finish = 0;
      for (std::uint32_t k : focus_labels) finish = std::max(finish, ef[k]);
      project[r] = end;
      focus[r] = finish;
      const std::size_t now = ++done;
      if (t == 0 && options.progress && now < runs) options.progress(now, runs);
    }
  };
  // An exception in any worker (out of memory) is carried out and rethrown here, after every
  // thread has been joined, rather than terminating the process.
  std::vector<std::exception_ptr> failure(threads);
  auto guarded = [&](unsigned t) {
    try {
      worker(t);
    } catch (...) {
      failure[t] = std::current_exception();
    }
  };
  {
    std::vector<std::jthread> pool;
    try {
      for (unsigned t = 1; t < threads; ++t) pool.emplace_back(guarded, t);
    } catch (...) {
      failure[0] = std::current_exception();  // could not start a thread: the others still finish
    }
    if (!failure[0]) guarded(0);
  }  // jthreads join here
  for (const std::exception_ptr& f : failure)
    if (f) std::rethrow_exception(f);
  if (options.progress) options.progress(runs, runs);

  std::sort(project.begin(), project.end());
  std::sort(focus.begin(), focus.end());
  Simulation s;
  s.runs = runs;
  s.p50 = nearest_rank(project, 0.50);
  s.p80 = nearest_rank(project, 0.80);
  s.p95 = nearest_rank(project, 0.95);
  s.focus_p80 = nearest_rank(focus, 0.80);
  if (momentum_days && runs > 0)
    s.p_within_momentum = static_cast<double>(std::count_if(focus.begin(), focus.end(), [&](double f) {
                            return f <= *momentum_days + kFloatEpsilon;
                          })) / static_cast<double>(runs);
  s.criticality.assign(n, 0.0);
  for (std::uint32_t a = 0; a < n; ++a) {
    std::uint64_t c = 0;
    for (const auto& counts : critical_counts) c += counts[topo.label[a]];
    s.criticality[a] = runs ? static_cast<double>(c) / static_cast<double>(runs) : 0.0;
  }
  return s;
}

}  // namespace clearpath
