#pragma once
// PSPLIB single-mode RCPSP instances (.sm files, Kolisch & Sprecher 1996): reading them, and
// turning one into a clearpath model (`clearpath import psplib`). Jobs become steps with their
// durations and `demands`, the renewable resources become departments with a `capacity`, and
// the successor lists become `depends_on`.
#include <string>
#include <string_view>
#include <vector>

#include "clearpath/model.hpp"

namespace clearpath {

struct PsplibJob {
  int number = 0;               // 1-based, as in the file; 1 is the dummy source, the last the dummy sink
  int duration = 0;             // periods
  std::vector<int> demands;     // per renewable resource, per period
  std::vector<int> successors;  // job numbers
};

struct PsplibInstance {
  std::vector<PsplibJob> jobs;  // every job, dummies included, by number (jobs[k].number == k + 1)
  std::vector<int> capacities;  // per renewable resource
  int horizon = 0;
  int mpm_time = 0;  // the file's precedence-only critical-path length
};

// Parses a .sm file; malformed input throws InputError naming `file`, the line and the problem
// ("FILE:LINE: job 5 has 2 modes; ..."). Only single-project, single-mode files with renewable
// resources alone are accepted; successors must be numbered above their job (PSPLIB's
// topological numbering, so no cycle is possible); the dummy source and sink must take no time
// and request nothing; no job may request more of a resource than its capacity (0 included). CRLF line ends and
// trailing blanks are fine. Never reads past `text`, whatever it holds.
PsplibInstance parse_psplib(std::string_view text, const std::string& file);

// The id of job `job`'s step: "job-" and the number zero-padded to the width of the last
// non-dummy job's number, so ids sort in job order ("job-02" .. "job-31" for j30).
std::string psplib_job_id(const PsplibInstance& instance, int job);

// The clearpath model of an instance (as parse_psplib returns it), checked, deterministic: a
// department r1..rK per resource, an initiative `project`, and a step per non-dummy job; see
// docs/psplib.md for the mapping. An inconsistent instance (a successor that is no job, a
// negative duration, request or capacity) throws std::invalid_argument.
Model psplib_model(const PsplibInstance& instance, const std::string& name);

}  // namespace clearpath
