// Monte Carlo over three-point durations. Starts honour not_before dates; deadlines do not
// move any date, so a run's criticality is that of its longest chains, as without them. Run r draws from its own generator seeded by
// (seed, r), so the figures depend on the seed only, never on how runs are spread over threads.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <thread>

#include "analysis/on_threads.hpp"
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
  std::vector<LinkTiming> pred_timing, succ_timing;  // empty when every link is plain (Network)
  std::vector<double> not_before;                    // by label; empty when none (Network)

  explicit TopoNetwork(const Network& net) : label(net.size()), duration(net.size()) {
    const std::size_t n = net.size();
    for (std::uint32_t k = 0; k < n; ++k) label[net.order[k]] = k;
    pred_begin.assign(n + 1, 0);
    succ_begin.assign(n + 1, 0);
    for (std::uint32_t k = 0; k < n; ++k) {
      const std::uint32_t a = net.order[k];
      duration[k] = net.duration[a];
      if (net.constrained()) not_before.push_back(net.not_before[a]);
      pred_begin[k + 1] = pred_begin[k] + (net.pred_begin[a + 1] - net.pred_begin[a]);
      succ_begin[k + 1] = succ_begin[k] + (net.succ_begin[a + 1] - net.succ_begin[a]);
      for (std::uint32_t j = net.pred_begin[a]; j < net.pred_begin[a + 1]; ++j) {
        preds.push_back(label[net.preds[j]]);
        if (!net.plain_links()) pred_timing.push_back(net.pred_timing[j]);
      }
      for (std::uint32_t j = net.succ_begin[a]; j < net.succ_begin[a + 1]; ++j) {
        succs.push_back(label[net.succs[j]]);
        if (!net.plain_links()) succ_timing.push_back(net.succ_timing[j]);
      }
    }
  }
};

// The steps whose duration is uncertain, by label; done steps stay done unless from scratch.
std::vector<ThreePoint> uncertain_steps(const Model& m, const Network& net, const PathOptions& options,
                                        const TopoNetwork& topo) {
  std::vector<ThreePoint> uncertain;
  for (std::uint32_t a = 0; a < net.size(); ++a) {
    const Ref r = net.activity[a];
    if (m.kind(r) != EntityKind::step) continue;
    if (m.step(r).status == StepStatus::done && !options.network.from_scratch) continue;  // done stays done
    const Duration& d = m.step(r).duration;
    if (!d.three_point || d.pessimistic <= d.optimistic) continue;
    // Work in progress: what is left of each point (a remaining given in days is certain).
    const StepProgress& progress = m.step(r).progress;
    if (progress.has_remaining() && !options.network.from_scratch) continue;
    const double left = options.network.from_scratch ? 1.0 : remaining_work(progress, 1.0);
    const double range = d.pessimistic - d.optimistic;
    uncertain.push_back(
        {topo.label[a], d.optimistic * left, d.likely * left, d.pessimistic * left, (d.likely - d.optimistic) / range});
  }
  return uncertain;
}

// Threads change only the speed: at most 64, and never more than there are runs.
unsigned thread_count(const PathOptions& options, std::size_t runs) {
  constexpr unsigned kMaxThreads = 64;
  const unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<std::size_t>({threads, kMaxThreads, std::max<std::size_t>(runs, 1)}));
}

// The runs of one simulation, spread over threads: thread t does runs t, t + threads, ...
class MonteCarlo {
 public:
  MonteCarlo(const Model& m, const Network& net, const TopoNetwork& topo, const PathOptions& options,
             const std::vector<std::uint32_t>& focus_activities)
      : options_(options), n_(net.size()), runs_(options.simulate), topo_(topo),
        uncertain_(uncertain_steps(m, net, options, topo_)), threads_(thread_count(options, runs_)) {
    for (std::uint32_t a : focus_activities) focus_labels_.push_back(topo_.label[a]);
  }

  void run() {
    pert_beta_quantile(0.5, 0.5);  // build the quantile table here, not inside a worker
    project_.assign(runs_, 0);
    focus_.assign(runs_, 0);
    critical_counts_.assign(threads_, std::vector<std::uint32_t>(n_, 0));
    on_threads(threads_, [this](unsigned t) { work(t); });
    if (options_.progress) options_.progress(runs_, runs_);
  }

  Simulation summary(std::optional<double> momentum_days);

 private:
  struct Scratch {
    std::vector<double> duration, ef, ls, es;  // es: for typed links only
  };
  void work(unsigned t);
  void one_run(std::size_t r, Scratch& s, std::vector<std::uint32_t>& counts);
  double plain_passes(Scratch& s, std::vector<std::uint32_t>& counts) const;
  double typed_passes(Scratch& s, std::vector<std::uint32_t>& counts) const;

  const PathOptions& options_;
  const std::size_t n_, runs_;
  const TopoNetwork& topo_;  // the caller's local: a member copy made the runs about 4% slower
  const std::vector<ThreePoint> uncertain_;
  const unsigned threads_;
  std::vector<std::uint32_t> focus_labels_;
  std::vector<double> project_, focus_;                      // by run: project end, focus finish
  std::vector<std::vector<std::uint32_t>> critical_counts_;  // by thread, by label: runs critical in
  std::atomic<std::size_t> done_{0};
};

void MonteCarlo::work(unsigned t) {
  Scratch s{topo_.duration, std::vector<double>(n_), std::vector<double>(n_),
            std::vector<double>(topo_.pred_timing.empty() ? 0 : n_)};
  std::vector<std::uint32_t>& counts = critical_counts_[t];
  for (std::size_t r = t; r < runs_; r += threads_) {
    one_run(r, s, counts);
    const std::size_t now = ++done_;
    if (t == 0 && options_.progress && now < runs_) options_.progress(now, runs_);
  }
}

// Run r: its durations drawn, a forward pass for the finishes, a backward pass for the
// activities without float.
void MonteCarlo::one_run(std::size_t r, Scratch& s, std::vector<std::uint32_t>& counts) {
  std::vector<double>& duration = s.duration;
  const std::vector<double>& ef = s.ef;
  Rng rng(options_.seed * 0x100000001B3ULL ^ (r + 1) * 0xD6E8FEB86659FD93ULL);
  for (const ThreePoint& u : uncertain_) duration[u.activity] = sample(u, options_.distribution, rng);
  const double end = topo_.pred_timing.empty() ? plain_passes(s, counts) : typed_passes(s, counts);
  double finish = 0;
  for (std::uint32_t k : focus_labels_) finish = std::max(finish, ef[k]);
  project_[r] = end;
  focus_[r] = finish;
}

// The passes of one run when every link is finish-to-start with no lag; returns the project end.
double MonteCarlo::plain_passes(Scratch& s, std::vector<std::uint32_t>& counts) const {
  const std::uint32_t n = static_cast<std::uint32_t>(n_);
  const std::vector<double>& duration = s.duration;
  std::vector<double>& ef = s.ef;
  std::vector<double>& ls = s.ls;
  double end = 0;
  for (std::uint32_t k = 0; k < n; ++k) {
    double es = topo_.not_before.empty() ? 0.0 : topo_.not_before[k];
    for (std::uint32_t j = topo_.pred_begin[k]; j < topo_.pred_begin[k + 1]; ++j) es = std::max(es, ef[topo_.preds[j]]);
    ef[k] = es + duration[k];
    end = std::max(end, ef[k]);
  }
  for (std::uint32_t k = n; k-- > 0;) {
    double lf = end;
    for (std::uint32_t j = topo_.succ_begin[k]; j < topo_.succ_begin[k + 1]; ++j) lf = std::min(lf, ls[topo_.succs[j]]);
    ls[k] = lf - duration[k];
    if (ls[k] - (ef[k] - duration[k]) <= kFloatEpsilon) ++counts[k];
  }
  return end;
}

// The same with links of any type and lag (schedule.hpp).
double MonteCarlo::typed_passes(Scratch& s, std::vector<std::uint32_t>& counts) const {
  const std::uint32_t n = static_cast<std::uint32_t>(n_);
  const std::vector<double>& duration = s.duration;
  std::vector<double>& es = s.es;
  std::vector<double>& ef = s.ef;
  std::vector<double>& ls = s.ls;
  double end = 0;
  for (std::uint32_t k = 0; k < n; ++k) {
    double start = topo_.not_before.empty() ? 0.0 : topo_.not_before[k];
    for (std::uint32_t j = topo_.pred_begin[k]; j < topo_.pred_begin[k + 1]; ++j) {
      const std::uint32_t p = topo_.preds[j];
      start = std::max(start, earliest_start_after(topo_.pred_timing[j], es[p], ef[p], duration[k]));
    }
    es[k] = start;
    ef[k] = start + duration[k];
    end = std::max(end, ef[k]);
  }
  for (std::uint32_t k = n; k-- > 0;) {
    double lf = end;
    for (std::uint32_t j = topo_.succ_begin[k]; j < topo_.succ_begin[k + 1]; ++j) {
      const std::uint32_t v = topo_.succs[j];
      lf = std::min(lf, latest_finish_before(topo_.succ_timing[j], ls[v], ls[v] + duration[v], duration[k]));
    }
    ls[k] = lf - duration[k];
    if (ls[k] - es[k] <= kFloatEpsilon) ++counts[k];
  }
  return end;
}

// Percentiles of the project end and the focus's finish, the chance of the momentum window,
// and how often each activity was critical.
Simulation MonteCarlo::summary(std::optional<double> momentum_days) {
  std::sort(project_.begin(), project_.end());
  std::sort(focus_.begin(), focus_.end());
  Simulation s;
  s.runs = runs_;
  s.p50 = nearest_rank(project_, 0.50);
  s.p80 = nearest_rank(project_, 0.80);
  s.p95 = nearest_rank(project_, 0.95);
  s.focus_p80 = nearest_rank(focus_, 0.80);
  if (momentum_days && runs_ > 0)
    s.p_within_momentum =
        static_cast<double>(std::count_if(focus_.begin(), focus_.end(),
                                          [&](double f) { return f <= *momentum_days + kFloatEpsilon; })) /
        static_cast<double>(runs_);
  s.criticality.assign(n_, 0.0);
  for (std::uint32_t a = 0; a < n_; ++a) {
    std::uint64_t c = 0;
    for (const auto& counts : critical_counts_) c += counts[topo_.label[a]];
    s.criticality[a] = runs_ ? static_cast<double>(c) / static_cast<double>(runs_) : 0.0;
  }
  return s;
}

}  // namespace

Simulation simulate(const Model& m, const Network& net, const PathOptions& options,
                    const std::vector<std::uint32_t>& focus_activities, std::optional<double> momentum_days) {
  const TopoNetwork topo(net);
  MonteCarlo mc(m, net, topo, options, focus_activities);
  mc.run();
  return mc.summary(momentum_days);
}

}  // namespace clearpath
