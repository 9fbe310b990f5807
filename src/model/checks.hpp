#pragma once
// Checks that need the whole file: references (unknown ids, wrong kinds, self-references),
// dependency and reporting cycles, rule sides, priorities, and that the plan can be computed
// (demands within capacities, numbers within bounds, dates by 9999-12-31). Each problem becomes a diagnostic
// with the JSON pointer of the offending value. Private to the library.
#include "clearpath/diagnostic.hpp"
#include "clearpath/model_builder.hpp"

namespace clearpath {

// The bound of every number of working days: a duration's point, a lead time, momentum_days, and
// a lag either way.
inline constexpr double kMaxDays = 1e6;

// `cycles`, when given, receives every dependency cycle in full.
void check_model(const ModelBuilder& builder, Diagnostics& diag, std::vector<DependencyCycle>* cycles = nullptr);

// The parts, for tests.
void check_references(const ModelBuilder& builder, Diagnostics& diag);
void check_dependency_cycles(const ModelBuilder& builder, Diagnostics& diag,
                             std::vector<DependencyCycle>* cycles = nullptr);
void check_reporting_cycles(const ModelBuilder& builder, Diagnostics& diag);
void check_feasibility(const ModelBuilder& builder, Diagnostics& diag);
// Date constraints (not_before, deadline): a calendar start to count from, no deadline before it.
void check_activity_dates(const ModelBuilder& builder, Diagnostics& diag);
// Progress: a status date within the calendar, actual dates in order and by the status date, a
// done step with no work left, percent_complete or remaining but not both.
void check_progress(const ModelBuilder& builder, Diagnostics& diag);
// Link timings: one per dependency, lags within bounds, no link past an approval before its grant.
void check_links(const ModelBuilder& builder, Diagnostics& diag);
// Whether every lag is within its bound (check_links reports each one that is not).
bool lags_within_bounds(const Model& model);

// The same two with the model's work graph built already (check_model builds it once for both).
struct WorkGraph;  // model/work_graph.hpp
void check_dependency_cycles(const ModelBuilder& builder, const WorkGraph& work, Diagnostics& diag,
                             std::vector<DependencyCycle>* cycles = nullptr);
void check_feasibility(const ModelBuilder& builder, const WorkGraph* work, Diagnostics& diag);
// With a calendar start: that the longest chain of dependencies ends by 9999-12-31 (`work`,
// when null, is built only if the total of all the work does not already fit).
void check_calendar_fits(const ModelBuilder& builder, const WorkGraph* work, Diagnostics& diag);

}  // namespace clearpath
