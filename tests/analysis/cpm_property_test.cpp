// Properties of the critical path method on random DAGs: seeded and deterministic (our own
// generator, so the graphs are the same with every standard library), written as model JSON and
// checked against an independent forward/backward pass and, for small graphs, against brute-force
// enumeration of every path.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "clearpath/schedule.hpp"
#include "support/test_support.hpp"

using namespace clearpath;
using clearpath::test::load_valid;

namespace {

// SplitMix64: tiny, portable, fully specified.
struct Rng {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(next() % n); }
  bool chance(int percent) { return below(100) < static_cast<std::uint32_t>(percent); }
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(static_cast<std::uint32_t>(i))]);
  }
};

// One generated activity; `deps` index earlier activities (generation order is topological).
struct Act {
  std::string id;
  bool approval = false;
  bool three_point = false;
  double o = 0, m = 0, p = 0;       // m alone for a one-number duration or a lead time
  bool finished = false;            // done step or granted approval
  std::vector<std::uint32_t> deps;  // may repeat an entry
  double duration() const { return finished ? 0.0 : three_point ? (o + 4 * m + p) / 6 : m; }
};

std::vector<Act> random_dag(Rng& rng, std::uint32_t n) {
  std::vector<std::uint32_t> label(n);
  for (std::uint32_t i = 0; i < n; ++i) label[i] = i;
  rng.shuffle(label);  // ids unrelated to the topological order
  std::vector<Act> acts(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    Act& a = acts[i];
    a.id = std::to_string(label[i]).insert(0, 1, 'n');  // (GCC 12 -Wrestrict misfires on "n" + ...)
    a.approval = rng.chance(20);
    if (a.approval) {
      a.m = rng.chance(30) ? 0 : rng.below(10) + (rng.chance(20) ? 0.5 : 0.0);
    } else if (rng.chance(25)) {
      a.three_point = true;
      double v[3] = {double(rng.below(20)), double(rng.below(20)), double(rng.below(20))};
      std::sort(v, v + 3);
      a.o = v[0], a.m = v[1], a.p = v[2];
    } else {
      a.m = rng.chance(10) ? 0 : rng.below(60) / 4.0;  // quarter days, exact in binary
    }
    a.finished = rng.chance(8);
    const std::uint32_t k = i == 0 ? 0 : rng.below(std::min<std::uint32_t>(i, 5) + 1);
    for (std::uint32_t d = 0; d < k; ++d)
      a.deps.push_back(rng.chance(50) ? i - 1 - rng.below(std::min<std::uint32_t>(i, 8)) : rng.below(i));
    if (!a.deps.empty() && rng.chance(5)) a.deps.push_back(a.deps.front());  // listed twice
  }
  return acts;
}

// The model JSON; with `rng`, entities and depends_on lists are shuffled and approvals come first.
std::string to_json(const std::vector<Act>& acts, Rng* rng) {
  std::vector<std::uint32_t> order(acts.size());
  for (std::uint32_t i = 0; i < acts.size(); ++i) order[i] = i;
  if (rng) rng->shuffle(order);
  nlohmann::ordered_json steps = nlohmann::ordered_json::array(), approvals = nlohmann::ordered_json::array();
  for (std::uint32_t i : order) {
    const Act& a = acts[i];
    nlohmann::ordered_json e{{"id", a.id}};
    if (a.approval) {
      e["lead_time"] = a.m;
      if (a.finished) e["status"] = "granted";
    } else {
      if (a.three_point) e["duration"] = {{"optimistic", a.o}, {"likely", a.m}, {"pessimistic", a.p}};
      else e["duration"] = a.m;
      if (a.finished) e["status"] = "done";
    }
    std::vector<std::string> deps;
    for (std::uint32_t d : a.deps) deps.push_back(acts[d].id);
    if (rng) rng->shuffle(deps);
    if (!deps.empty()) e["depends_on"] = deps;
    (a.approval ? approvals : steps).push_back(e);
  }
  nlohmann::ordered_json doc{{"clearpath", 1}, {"name", "random dag"}};
  if (rng) {
    doc["approvals"] = approvals;
    doc["steps"] = steps;
  } else {
    doc["steps"] = steps;
    doc["approvals"] = approvals;
  }
  return doc.dump();
}

// An independent CPM over the generated activities (in generation order).
struct Oracle {
  double duration = 0;
  std::vector<double> es, ef, ls, lf;
  std::vector<std::vector<std::uint32_t>> succs;
};

Oracle oracle(const std::vector<Act>& acts) {
  const std::size_t n = acts.size();
  Oracle o;
  o.es.assign(n, 0), o.ef.assign(n, 0), o.ls.assign(n, 0), o.lf.assign(n, 0), o.succs.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::uint32_t d : acts[i].deps) {
      o.es[i] = std::max(o.es[i], o.ef[d]);
      o.succs[d].push_back(static_cast<std::uint32_t>(i));
    }
    o.ef[i] = o.es[i] + acts[i].duration();
    o.duration = std::max(o.duration, o.ef[i]);
  }
  for (std::size_t i = n; i-- > 0;) {
    o.lf[i] = o.duration;
    for (std::uint32_t s : o.succs[i]) o.lf[i] = std::min(o.lf[i], o.ls[s]);
    o.ls[i] = o.lf[i] - acts[i].duration();
  }
  return o;
}

// Brute force: every path of the DAG, enumerated; the longest one through each activity.
std::vector<double> longest_through(const std::vector<Act>& acts, const Oracle& o) {
  std::vector<double> best(acts.size(), 0);
  std::vector<std::uint32_t> path;
  std::function<void(std::uint32_t, double)> walk = [&](std::uint32_t v, double length) {
    path.push_back(v);
    length += acts[v].duration();
    for (std::uint32_t u : path) best[u] = std::max(best[u], length);
    for (std::uint32_t s : o.succs[v]) walk(s, length);
    path.pop_back();
  };
  for (std::uint32_t v = 0; v < acts.size(); ++v) walk(v, 0);
  return best;
}

constexpr double kTol = 1e-9;

struct Run {
  Model model;
  Network net;
  Schedule s;
  std::map<std::string, std::uint32_t> index;  // id -> activity index
  std::vector<std::string> ids(const std::vector<std::uint32_t>& p) const {
    std::vector<std::string> out;
    for (std::uint32_t a : p) out.push_back(model.id(net.activity[a]));
    return out;
  }
};

Run run(const std::string& json) {
  Run r{load_valid(json), {}, {}, {}};
  r.net = build_network(r.model, {});
  r.s = compute_schedule(r.model, r.net);
  for (std::uint32_t i = 0; i < r.net.size(); ++i) r.index[r.model.id(r.net.activity[i])] = i;
  return r;
}

// A chain is a path of tight links between critical activities.
void check_chain(const Run& r, const std::vector<std::uint32_t>& chain,
                 const std::set<std::pair<std::uint32_t, std::uint32_t>>& links) {
  REQUIRE_FALSE(chain.empty());
  CHECK(r.s.times[chain.front()].es == Approx(0).margin(kTol));
  CHECK(r.s.times[chain.back()].ef == Approx(r.s.duration).margin(kTol));
  double length = 0;
  for (std::size_t k = 0; k < chain.size(); ++k) {
    CHECK(r.s.times[chain[k]].critical);
    length += r.net.duration[chain[k]];
    if (k == 0) continue;
    CHECK(links.count({chain[k - 1], chain[k]}) == 1);
    CHECK(r.s.times[chain[k]].es == Approx(r.s.times[chain[k - 1]].ef).margin(1e-6));
  }
  CHECK(length == Approx(r.s.duration).margin(1e-7));
}

// Each activity's times and floats against the oracle's.
void check_times(const std::vector<Act>& acts, const Oracle& o, const Run& r, const std::vector<std::uint32_t>& at) {
  for (std::size_t i = 0; i < acts.size(); ++i) {
    INFO("activity " << acts[i].id);
    const ActivityTimes& t = r.s.times[at[i]];
    CHECK(t.es == Approx(o.es[i]).margin(kTol));
    CHECK(t.ef == Approx(o.ef[i]).margin(kTol));
    CHECK(t.ls == Approx(o.ls[i]).margin(kTol));
    CHECK(t.lf == Approx(o.lf[i]).margin(kTol));
    CHECK(t.ef - t.es == Approx(acts[i].duration()).margin(kTol));
    CHECK(t.total_float >= 0);
    CHECK(t.free_float >= 0);
    CHECK(t.free_float <= t.total_float + kTol);
    const double tf = o.ls[i] - o.es[i];
    CHECK(t.total_float == Approx(tf <= kFloatEpsilon ? 0 : tf).margin(kTol));
    CHECK(t.critical == (tf <= kFloatEpsilon));
    double next_es = o.duration;
    for (std::uint32_t s : o.succs[i]) next_es = std::min(next_es, o.es[s]);
    const double ff = next_es - o.ef[i];
    CHECK(t.free_float == Approx(ff <= kFloatEpsilon ? 0 : ff).margin(kTol));
    for (std::uint32_t d : acts[i].deps) CHECK(t.es >= r.s.times[at[d]].ef - kTol);  // ES(v) >= EF(u)
  }
}

void check_tied_chains(const std::vector<Act>& acts, const Oracle& o, const Run& r,
                       const std::set<std::pair<std::uint32_t, std::uint32_t>>& links) {
  // The critical path and the tied chains.
  check_chain(r, r.s.critical_path, links);
  REQUIRE_FALSE(r.s.tied_paths.empty());
  CHECK(r.s.tied_paths.size() <= kTiedPathCap);
  CHECK(r.s.tied_paths.front() == r.s.critical_path);
  for (const auto& chain : r.s.tied_paths) check_chain(r, chain, links);
  CHECK(std::set<std::vector<std::uint32_t>>(r.s.tied_paths.begin(), r.s.tied_paths.end()).size() ==
        r.s.tied_paths.size());
  // The number of maximal chains of tight links, counted forwards (the product counts backwards).
  const auto critical = [&](std::uint32_t i) { return o.ls[i] - o.es[i] <= kFloatEpsilon; };
  const auto tight = [&](std::uint32_t u, std::uint32_t v) {
    return critical(u) && critical(v) && std::abs(o.ef[u] - o.es[v]) <= kFloatEpsilon;
  };
  std::vector<double> chains(acts.size(), 0);
  double total = 0;
  for (std::uint32_t v = 0; v < acts.size(); ++v) {
    if (!critical(v)) continue;
    std::set<std::uint32_t> preds(acts[v].deps.begin(), acts[v].deps.end());
    bool has_tight_pred = false;
    for (std::uint32_t u : preds)
      if (tight(u, v)) chains[v] += chains[u], has_tight_pred = true;
    if (!has_tight_pred) chains[v] = 1;
    bool has_tight_succ = false;
    for (std::uint32_t s : std::set<std::uint32_t>(o.succs[v].begin(), o.succs[v].end()))
      has_tight_succ = has_tight_succ || tight(v, s);
    if (!has_tight_succ) total += chains[v];
  }
  CHECK(r.s.tied_path_count == Approx(total));
  CHECK(r.s.tied_path_count >= static_cast<double>(r.s.tied_paths.size()));
}

void check_brute_force(const std::vector<Act>& acts, const Oracle& o, const Run& r,
                       const std::vector<std::uint32_t>& at) {
  // Brute force on small graphs: the longest path, and each activity's total float as the
  // duration minus the longest path through it.
  if (acts.size() <= 14) {
    const std::vector<double> through = longest_through(acts, o);
    const double longest = *std::max_element(through.begin(), through.end());
    CHECK(r.s.duration == Approx(longest).margin(kTol));
    for (std::size_t i = 0; i < acts.size(); ++i) {
      INFO("activity " << acts[i].id);
      const double tf = longest - through[i];
      CHECK(r.s.times[at[i]].total_float == Approx(tf <= kFloatEpsilon ? 0 : tf).margin(kTol));
    }
  }
}

void check_shuffled(const std::vector<Act>& acts, const Run& r, std::uint64_t seed) {
  // The same file, shuffled: identical results per id, to the bit.
  Rng shuffler{seed ^ 0x5DEECE66Dull};
  const Run q = run(to_json(acts, &shuffler));
  REQUIRE(q.net.size() == r.net.size());
  CHECK(q.s.duration == r.s.duration);
  for (const auto& [id, i] : r.index) {
    INFO("activity " << id);
    const ActivityTimes& a = r.s.times[i];
    const ActivityTimes& b = q.s.times[q.index.at(id)];
    CHECK(a.es == b.es);
    CHECK(a.ef == b.ef);
    CHECK(a.ls == b.ls);
    CHECK(a.lf == b.lf);
    CHECK(a.total_float == b.total_float);
    CHECK(a.free_float == b.free_float);
    CHECK(a.critical == b.critical);
  }
  CHECK(q.ids(q.s.critical_path) == r.ids(r.s.critical_path));
  CHECK(q.s.tied_path_count == r.s.tied_path_count);
  REQUIRE(q.s.tied_paths.size() == r.s.tied_paths.size());
  for (std::size_t k = 0; k < r.s.tied_paths.size(); ++k) CHECK(q.ids(q.s.tied_paths[k]) == r.ids(r.s.tied_paths[k]));
}

void check_dag(const std::vector<Act>& acts, std::uint64_t seed) {
  const Oracle o = oracle(acts);
  const Run r = run(to_json(acts, nullptr));
  REQUIRE(r.net.size() == acts.size());
  CHECK(r.s.duration == Approx(o.duration).margin(kTol));

  // Links as activity indices, duplicates collapsed.
  std::vector<std::uint32_t> at(acts.size());
  for (std::size_t i = 0; i < acts.size(); ++i) at[i] = r.index.at(acts[i].id);
  std::set<std::pair<std::uint32_t, std::uint32_t>> links;
  for (std::size_t i = 0; i < acts.size(); ++i)
    for (std::uint32_t d : acts[i].deps) links.insert({at[d], at[i]});
  CHECK(r.net.link_count() == links.size());

  check_times(acts, o, r, at);
  check_tied_chains(acts, o, r, links);
  check_brute_force(acts, o, r, at);
  check_shuffled(acts, r, seed);
}

}  // namespace

TEST_CASE("cpm properties on 200 random DAGs", "[cpm][property]") {
  for (std::uint64_t trial = 0; trial < 200; ++trial) {
    const std::uint64_t seed = 0xC1EA4Aull * 1000 + trial;
    Rng rng{seed};
    // A quarter small enough for brute force, the rest up to 300 activities.
    const std::uint32_t n = trial < 50 ? 1 + rng.below(14) : 1 + rng.below(300);
    const std::vector<Act> acts = random_dag(rng, n);
    INFO("trial " << trial << ", seed " << seed << ", " << n << " activities");
    check_dag(acts, seed);
  }
}

TEST_CASE("cpm properties: forward_pass agrees with compute_schedule", "[cpm][property]") {
  Rng rng{20270301};
  for (int trial = 0; trial < 20; ++trial) {
    const std::vector<Act> acts = random_dag(rng, 1 + rng.below(200));
    const Run r = run(to_json(acts, nullptr));
    std::vector<double> ef;
    CHECK(forward_pass(r.net, r.net.duration, ef) == r.s.duration);
    REQUIRE(ef.size() == r.net.size());
    for (std::uint32_t i = 0; i < r.net.size(); ++i) CHECK(ef[i] == r.s.times[i].ef);
  }
}

TEST_CASE("cpm: the count of tied chains stays finite", "[cpm]") {
  // 1100 diamonds in series (two 1-day branches each, joined by 0-day steps): 2^1100 tied chains,
  // beyond a double: the count saturates at kTiedPathCountLimit instead of becoming +inf.
  std::ostringstream steps;
  steps << R"({"id": "j0", "duration": 0})";
  for (int k = 1; k <= 1100; ++k)
    steps << ",{\"id\": \"d" << k << "a\", \"duration\": 1, \"depends_on\": [\"j" << k - 1 << "\"]}"
          << ",{\"id\": \"d" << k << "b\", \"duration\": 1, \"depends_on\": [\"j" << k - 1 << "\"]}"
          << ",{\"id\": \"j" << k << "\", \"duration\": 0, \"depends_on\": [\"d" << k << "a\", \"d" << k << "b\"]}";
  const Run r = run(R"({"clearpath": 1, "name": "diamonds", "steps": [)" + steps.str() + "]}");
  CHECK(r.s.duration == 1100);
  CHECK(r.s.tied_paths.size() == kTiedPathCap);
  CHECK(std::isfinite(r.s.tied_path_count));
  CHECK(r.s.tied_path_count == kTiedPathCountLimit);
}
