#pragma once
// `clearpath conflicts`: what people's other commitments do to a plan. Departments that hold
// critical work on an initiative but rank it low, pairs of departments that wait for each
// other, people and departments loaded beyond capacity, the production date once nobody is
// over capacity (resource levelling), and skills nobody or only one person has. See
// docs/conflicts.md.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "clearpath/error.hpp"
#include "clearpath/finding.hpp"
#include "clearpath/levelling.hpp"
#include "clearpath/schedule.hpp"

namespace clearpath {

struct ConflictOptions {
  std::string initiative;  // "": every initiative; else its network only, and it is the focus
  std::size_t top = 3;     // a department should rank an initiative it holds critical work on in its top N
  double near_days = 5;    // near-critical: total float below this
  bool level = true;       // compute the resource-levelled schedule
  // The analyses of the initiatives' own networks: ranking conflicts, inversions, the
  // disagreement between rankings, skills gaps and concentrations. false: only the network,
  // the over-allocation and the levelling (what `clearpath level` prints); those stay empty.
  bool initiative_analyses = true;
  LevellingOptions levelling;
  // 1: everything on the calling thread. Otherwise, for a network of 50,000 activities or more,
  // the initiatives' analyses (ranking conflicts, inversions, skills) run on a second thread
  // beside the over-allocation and the levelling. The results never depend on it.
  unsigned threads = 0;
};

// A department holding critical or near-critical work on an initiative that it ranks low.
struct RankingConflict {
  Ref department = kNoRef, initiative = kNoRef;
  std::optional<std::size_t> rank;  // 1-based place in its priorities; none if unranked
  std::size_t ranked = 0;           // how many initiatives it ranks
  std::vector<Ref> items;           // its critical or near-critical steps and gates there (by id)
  bool critical = false;            // some item has no float (else near-critical only)
  double days_at_stake = 0;         // the remaining duration of those items
  double cost_of_delay = 0;         // days_at_stake x the initiative's value per working day
};

// Two departments that both hold critical work on two initiatives and rank them in opposite
// order: departments[0] ranks initiatives[0] above initiatives[1], departments[1] the reverse.
struct PriorityInversion {
  Ref departments[2] = {kNoRef, kNoRef};
  Ref initiatives[2] = {kNoRef, kNoRef};
};

// Normalised Kendall tau distance between departments' rankings over the initiatives both rank:
// 0 = same order, 1 = opposite; none when they share fewer than two.
// Kept sparse: only pairs that share two initiatives have a distance (a dense matrix of the
// 5,000 departments of a large organisation would hold 25 million cells, nearly all empty).
struct Disagreement {
  struct Pair {
    std::uint32_t row = 0, column = 0;  // indices into departments, row <= column
    double distance = 0;
  };
  std::vector<Ref> departments;  // by id: those that rank anything
  std::vector<Pair> pairs;       // by row, then column; the matrix is symmetric
  // The distance between departments[p] and departments[q] (either order); none when they
  // share fewer than two initiatives.
  std::optional<double> between(std::size_t p, std::size_t q) const;
};

// A period in the early-start schedule in which a resource is loaded beyond its capacity.
struct Overallocation {
  Ref resource = kNoRef;    // a person or a department
  double from = 0, to = 0;  // working days, [from, to)
  double load = 0;          // the peak load in the period
  double capacity = 0;
  std::vector<Ref> items;        // steps running in it that demand the resource (by id)
  std::vector<Ref> initiatives;  // theirs (by id)
};

struct LevelledOutcome {
  double duration = 0;      // levelled project duration
  double cpm_duration = 0;  // precedence-only (CPM) duration
  double delay_days = 0;    // duration - cpm_duration
  struct Moved {
    Ref activity = kNoRef;
    double days = 0;  // later than its CPM early start by this much
  };
  std::vector<Moved> moved;  // most days first, then id
  std::vector<Ref> drivers;  // resources over capacity in the CPM schedule that moved work demands, most delay first
  struct InitiativeFinish {
    Ref initiative = kNoRef;
    double cpm_finish = 0, levelled_finish = 0;
  };
  std::vector<InitiativeFinish> initiatives;  // by id
  std::vector<double> start;                  // by network activity: the levelled start
};

// A step needing a skill that neither its owner nor anyone available in the owning department has.
struct SkillGap {
  Ref step = kNoRef;
  std::string skill;
  Ref owner = kNoRef;       // person or department
  Ref department = kNoRef;  // the owning department (the owner's, or the owner)
  bool critical = false;    // on its initiative's critical path
};

// A skill only one available person has, needed by several critical steps.
struct SkillConcentration {
  std::string skill;
  Ref person = kNoRef;
  std::vector<Ref> steps;  // critical steps needing it (by id)
};

struct ConflictAnalysis {
  Network network;                                 // the whole (or the focus initiative's) network
  Schedule schedule;                               // its CPM schedule (remaining work, expected durations)
  std::vector<RankingConflict> ranking_conflicts;  // costliest first, then department, initiative
  std::vector<PriorityInversion> inversions;       // by department ids, then initiative ids
  Disagreement disagreement;
  std::vector<Overallocation> overallocations;  // by resource id, then time
  std::optional<LevelledOutcome> levelled;
  std::vector<SkillGap> skill_gaps;                // by step id, then skill
  std::vector<SkillConcentration> concentrations;  // by skill
  std::vector<Finding> findings;                   // sorted
};

// Unknown --initiative: ScheduleError. ConflictError is no longer thrown: a step demanding more
// of a resource than its capacity is an error of the file, which the loader rejects. It stays
// for programs that catch it.
struct ConflictError : Error {
  using Error::Error;
};

ConflictAnalysis analyze_conflicts(const Model& model, const ConflictOptions& options);

}  // namespace clearpath
