#pragma once
// The pieces of level_resources, one per file (see levelling.cpp for the method). Private to the
// library.
//   levelling.cpp          the search (Leveller::run), level_resources, check_levelled
//   levelling_setup.cpp    validation, compact form, topological order, latest finishes, bounds
//   activity_lists.cpp     precedence-feasible activity lists: by keys, regret-based sampling
//   serial_sgs.cpp         the serial schedule-generation scheme and justification
//   levelling_search.cpp   the genetic search over activity lists after the first schedule
//   resource_profile.cpp   the per-resource load profile the scheme fits activities into
//   grid_profile.hpp       the same on unit cells, for small problems with integer times
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/grid_profile.hpp"
#include "analysis/resource_profile.hpp"
#include "clearpath/levelling.hpp"
#include "model/random.hpp"

namespace clearpath::levelling_detail {

using u32 = std::uint32_t;
inline constexpr double kTol = 1e-9;

inline double tolerance(double magnitude) { return kTol * std::max(1.0, std::fabs(magnitude)); }

// A number for messages, 12 significant digits.
std::string num(double v);

// Adjacency in compressed sparse rows: item[begin[a] .. begin[a + 1]).
struct Csr {
  std::vector<u32> begin, item;
  std::size_t size(u32 a) const { return begin[a + 1] - begin[a]; }
};

// A schedule from the serial scheme, in the direction it was generated in.
struct SerialSchedule {
  std::vector<double> start, finish;
  std::vector<u32> list;  // the order in which the serial SGS placed the activities
  double makespan = 0;
};

class Leveller {
 public:
  Leveller(const LevellingProblem& problem, const LevellingOptions& options)
      : n_(static_cast<u32>(problem.duration.size())), options_(options),
        budget_(levelling_work_budget(options.effort)), rng_(options.seed) {
    validate_and_build(problem);
  }

  LevelledSchedule run();

 private:
  static constexpr double kLocalSpread = 2;     // noise of the local sampling, in mean durations
  static constexpr double kRegretOffset = 0.2;  // epsilon of the regret sampling, in mean durations

  bool over_budget() const { return work_ >= budget_; }
  bool reached_bound(double makespan) const { return makespan <= lower_bound_ + tolerance(lower_bound_); }

  // --- validation and set-up (levelling_setup.cpp) ---

  [[noreturn]] static void invalid(const std::string& what) { throw std::invalid_argument("levelling: " + what); }

  void validate_and_build(const LevellingProblem& p);
  void check_sizes(const LevellingProblem& p) const;
  void read_durations(const LevellingProblem& p);  // also the mean positive duration
  void build_precedence(const LevellingProblem& p);
  void check_link_timing(const LevellingProblem& p);  // also sets typed_
  void build_link_deltas(const LevellingProblem& p);
  void choose_grid();  // sets grid_ and sizes grids_
  std::vector<double> merge_demands(const LevellingProblem& p);
  void check_demand(u32 activity, u32 resource, double amount) const;
  struct Ranking;
  const Ranking& ranking(bool reverse);  // rank_forward_ or rank_reverse_, built on first use
  void allocate_buffers();
  // Kahn's algorithm; a cycle is reported with the activities on it.
  void topological_order();
  void critical_path_times();
  void critical_path_times_typed();

  // --- activity lists (activity_lists.cpp) ---

  const Csr& before(bool reverse) const { return reverse ? succ_ : pred_; }
  const Csr& after(bool reverse) const { return reverse ? pred_ : succ_; }
  // Beside before(reverse).item: each link's minimum start-to-start distance in that direction's
  // time (typed_ only).
  const std::vector<double>& before_delta(bool reverse) const { return reverse ? succ_delta_ : pred_delta_; }

  // Precedence-feasible order (in the given direction): always the eligible activity with the
  // smallest (key1_, key2_, index).
  void list_by_keys(bool reverse, std::vector<u32>& list);
  // The order that justifies schedule `from` the other way (`reverse` is the direction the list
  // is for): by decreasing finish in from's time (ties: later in from.list first),
  // precedence-feasible in the other direction.
  void list_by_finish(const SerialSchedule& from, bool reverse, std::vector<u32>& list);
  // Regret-based biased random sampling on the latest finish (Kolisch & Drexl 1996).
  void list_by_rbrs(bool reverse, std::vector<u32>& list);

  // --- the search after the deterministic schedule (levelling_search.cpp) ---

  // One sampled schedule into cand_, forward and justified: around the best so far (random
  // keys) or afresh (regret-based), in either direction.
  void sample();
  // The genetic search over activity lists (levelling_search.cpp describes it), `effort` passes.
  void evolve();
  // cand_ replaces best_ when it is as short (so the search drifts along plateaus).
  void keep_if_best();
  bool stop() const { return reached_bound(best_.makespan) || over_budget(); }
  // Hartmann's two-point crossover of precedence-feasible lists: the mother's first q1, the
  // father's next ones up to q2, the mother's rest; feasible as both parents are.
  void crossover(const std::vector<u32>& mother, const std::vector<u32>& father, std::vector<u32>& child);
  // Insertion moves, each keeping the list precedence-feasible.
  void mutate(std::vector<u32>& list);
  // Whether the population holds a schedule of this makespan and hash of its starts.
  bool known(double makespan, std::uint64_t hash) const;

  // --- serial schedule-generation scheme (serial_sgs.cpp) ---

  // Places s.list in order (reverse: in mirrored time, successors first); fills start, finish
  // and makespan (in that direction's time).
  void sgs(bool reverse, SerialSchedule& s);
  template <bool Typed, class Profile>
  void sgs_pass(bool reverse, SerialSchedule& s, std::vector<Profile>& profiles);
  // Forward-backward improvement of the forward schedule s, in place.
  void improve(SerialSchedule& s, std::size_t rounds = kLevellingMaxRounds);

  const u32 n_;
  const LevellingOptions options_;
  const std::size_t budget_;  // levelling_work_budget(effort)
  Xoshiro256 rng_;

  std::vector<double> dur_, capacity_, threshold_;
  std::vector<double> lft_, rlft_;  // latest finish, forward and in reverse time (CP - earliest start)
  std::vector<double> deadline_;    // by activity, or empty: caps lft_ (a priority, not a constraint)
  Csr pred_, succ_;
  // Whether some link is other than finish-to-start with lag 0. If not, the deltas stay empty and
  // every pass takes the finish-to-start code, as fast as before links had types.
  bool typed_ = false;
  // Every link i -> j as a minimum distance between starts. Forward: S_j >= S_i + delta_ij, beside
  // pred_.item. Mirrored time (S'_x = T - F_x): S'_i >= S'_j + delta_ij + d_j - d_i, beside
  // succ_.item (levelling_setup.cpp derives it).
  std::vector<double> pred_delta_, succ_delta_;
  std::vector<u32> dem_begin_, dem_res_;
  std::vector<double> dem_amount_;
  std::vector<u32> topo_;
  bool all_integer_ = true;
  double critical_path_ = 0, lower_bound_ = 0;
  double regret_offset_ = 1, mean_duration_ = 1;

  std::vector<ResourceProfile> profiles_;
  // Instead, when every time is an integer and the horizon is short (choose_grid): grids_.
  bool grid_ = false;
  std::vector<GridProfile> grids_;
  std::vector<u32> used_resources_;  // those some activity loads
  std::vector<double> key1_, key2_;
  std::vector<u32> indegree_;
  struct Keyed {  // an eligible activity in list_by_keys' heap, with its keys
    double key1, key2;
    u32 activity;
  };
  std::vector<Keyed> heap_;
  struct Finished {  // list_by_finish's sort: an activity's finish (as a key) and its place in the list
    std::uint64_t key;
    u32 place;
  };
  std::vector<Finished> finished_, radix_spare_;
  // Activities ranked by latest finish (forward, or in reverse time), 1-based, for the sampling.
  struct Ranking {
    std::vector<u32> rank, order;  // rank[activity], order[rank]
    std::vector<double> value;     // value[rank]: the latest finish
  };
  Ranking rank_forward_, rank_reverse_;
  std::vector<double> fen_count_, fen_sum_;
  std::vector<char> present_;
  std::size_t fen_top_ = 1;  // the largest power of two <= n
  SerialSchedule best_, cand_, back_, spare_, rev_;
  struct Individual {
    std::vector<u32> list;  // a forward list whose serial schedule, justified, it stands for
    double makespan = 0;
    std::uint64_t hash = 0;  // of the start times
    bool child = false;      // of the latest generation (wins ties against its parents)
  };
  std::vector<Individual> population_;
  std::vector<u32> taken_;  // crossover's stamps, by activity
  std::vector<u32> place_;  // mutation: place in the list, by activity
  u32 stamp_ = 0;
  std::size_t work_ = 0, schedules_ = 0;  // work: activities placed + profile points looked at
};

}  // namespace clearpath::levelling_detail
