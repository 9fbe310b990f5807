// Resource levelling, the search after the deterministic schedule: a genetic algorithm over
// activity lists (Hartmann 1998), seeded with sampled schedules, whose children are justified
// (forward-backward improvement, Valls, Ballestin & Quintanilla 2005) before they compete.
//
// - Population: kPopulationMin to kPopulationMax individuals (more with more effort), each a
//   forward activity list and the makespan of its schedule, justified. The list kept is the
//   justified schedule's own (by its starts), so decoding it again gives that schedule.
// - Seeds: the deterministic schedule and sampled ones (sample(): regret-based or around the best
//   so far, in either direction, justified as in the passes before the genetic search).
// - Children: two parents drawn at random, Hartmann's two-point crossover, then kMoves insertion
//   moves (an activity to a random place between its last predecessor and its first successor
//   in the list), the serial scheme and one justification round. Each child counts as one pass
//   of the effort. Both keep a list precedence-feasible, so every child is a schedule that keeps
//   all links, of any type and lag.
// - Survivors: the shortest of parents and children, children first among equals; a child whose
//   schedule is already in the population (same makespan and same starts, by hash) is dropped,
//   so copies of one schedule do not crowd out the rest.
// Larger populations and more insertion moves were tuned on PSPLIB j120 (BENCHMARKS.md, issue 16
// point 6); the neighbour swaps of Hartmann's mutation did worse there than insertion moves.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

#include "analysis/levelling_parts.hpp"

namespace clearpath::levelling_detail {

namespace {

constexpr std::size_t kPopulationMin = 20;  // with effort up to 50 x this
constexpr std::size_t kPopulationMax = 40;  // with effort from 50 x this
constexpr std::size_t kEffortPerIndividual = 50;
constexpr std::size_t kMoves = 8;  // insertion moves a child

// FNV-1a over the start times' bits, mixed: equal schedules, equal hashes.
std::uint64_t hash_starts(const std::vector<double>& start) {
  std::uint64_t h = 1469598103934665603ULL;
  for (const double s : start) {
    std::uint64_t bits = 0;
    const double v = s + 0.0;  // -0 as +0
    std::memcpy(&bits, &v, sizeof bits);
    h = (h ^ bits) * 1099511628211ULL;
    h ^= h >> 29;
  }
  return h;
}

}  // namespace

void Leveller::keep_if_best() {
  if (cand_.makespan <= best_.makespan) std::swap(best_, cand_);
}

void Leveller::sample() {
  const SerialSchedule& best = best_;
  const bool local = rng_.uniform() < 0.5;
  const bool reverse = rng_.uniform() < 0.5;
  SerialSchedule& first = reverse ? rev_ : cand_;
  if (local) {
    const double sigma = kLocalSpread * mean_duration_;
    for (u32 a = 0; a < n_; ++a) {
      key1_[a] = (reverse ? best.makespan - best.finish[a] : best.start[a]) + sigma * rng_.uniform();
      key2_[a] = reverse ? rlft_[a] : lft_[a];
    }
    list_by_keys(reverse, first.list);
  } else {
    list_by_rbrs(reverse, first.list);
  }
  sgs(reverse, first);
  if (reverse) {  // into forward time: by increasing start, i.e. decreasing reverse finish
    list_by_finish(rev_, false, cand_.list);
    sgs(false, cand_);
  }
  if (options_.justify) improve(cand_);
}

void Leveller::crossover(const std::vector<u32>& mother, const std::vector<u32>& father, std::vector<u32>& child) {
  if (taken_.size() != n_) taken_.assign(n_, 0);
  if (++stamp_ == 0) {  // wrapped: clear the stamps once
    std::fill(taken_.begin(), taken_.end(), 0);
    stamp_ = 1;
  }
  std::size_t q1 = rng_.next() % (n_ + 1), q2 = rng_.next() % (n_ + 1);
  if (q1 > q2) std::swap(q1, q2);
  child.clear();
  for (std::size_t i = 0; i < q1; ++i) {
    child.push_back(mother[i]);
    taken_[mother[i]] = stamp_;
  }
  for (std::size_t i = 0; i < n_ && child.size() < q2; ++i)
    if (taken_[father[i]] != stamp_) {
      child.push_back(father[i]);
      taken_[father[i]] = stamp_;
    }
  for (std::size_t i = 0; i < n_; ++i)
    if (taken_[mother[i]] != stamp_) {
      child.push_back(mother[i]);
      taken_[mother[i]] = stamp_;
    }
}

void Leveller::mutate(std::vector<u32>& list) {
  if (n_ < 2) return;
  place_.resize(n_);
  for (u32 k = 0; k < n_; ++k) place_[list[k]] = k;
  for (std::size_t move = 0; move < kMoves; ++move) {
    const u32 a = list[rng_.next() % n_];
    u32 lo = 0, hi = n_ - 1;  // after every predecessor, before every successor
    for (u32 i = pred_.begin[a]; i < pred_.begin[a + 1]; ++i) lo = std::max(lo, place_[pred_.item[i]] + 1);
    for (u32 i = succ_.begin[a]; i < succ_.begin[a + 1]; ++i) hi = std::min(hi, place_[succ_.item[i]] - 1);
    const u32 from = place_[a];
    const u32 to = lo + static_cast<u32>(rng_.next() % (hi - lo + 1));
    const auto at = [&](u32 k) { return list.begin() + static_cast<std::ptrdiff_t>(k); };
    if (to < from) std::rotate(at(to), at(from), at(from + 1));
    else if (to > from) std::rotate(at(from), at(from + 1), at(to + 1));
    for (u32 k = std::min(from, to); k <= std::max(from, to); ++k) place_[list[k]] = k;
  }
}

bool Leveller::known(double makespan, std::uint64_t hash) const {
  for (const Individual& i : population_)
    if (i.makespan == makespan && i.hash == hash) return true;
  return false;
}

void Leveller::evolve() {
  const std::size_t effort = options_.effort;
  const std::size_t size = std::min(std::clamp(effort / kEffortPerIndividual, kPopulationMin, kPopulationMax), effort);
  const auto shorter = [](const Individual& x, const Individual& y) {
    if (x.makespan != y.makespan) return x.makespan < y.makespan;
    return x.child && !y.child;
  };
  population_.clear();
  population_.push_back({best_.list, best_.makespan, hash_starts(best_.start), false});
  std::size_t made = 0;
  while (population_.size() < size && made < effort && !stop()) {
    sample();
    ++made;
    const std::uint64_t h = hash_starts(cand_.start);
    if (!known(cand_.makespan, h)) population_.push_back({cand_.list, cand_.makespan, h, false});
    keep_if_best();
  }
  std::stable_sort(population_.begin(), population_.end(), shorter);
  std::vector<u32> child;
  while (made < effort && !stop() && population_.size() > 1) {
    const std::size_t parents = population_.size();
    for (Individual& i : population_) i.child = false;
    for (std::size_t k = 0; k < size && made < effort && !stop(); ++k) {
      const std::size_t m = rng_.next() % parents;
      std::size_t f = rng_.next() % (parents - 1);
      if (f >= m) ++f;
      crossover(population_[m].list, population_[f].list, child);
      mutate(child);
      cand_.list = child;
      sgs(false, cand_);
      if (options_.justify) improve(cand_, 1);
      ++made;
      const std::uint64_t h = hash_starts(cand_.start);
      if (!known(cand_.makespan, h)) population_.push_back({cand_.list, cand_.makespan, h, true});
      keep_if_best();
    }
    std::stable_sort(population_.begin(), population_.end(), shorter);
    population_.resize(std::min(population_.size(), size));
  }
}

}  // namespace clearpath::levelling_detail
