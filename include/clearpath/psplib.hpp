#pragma once
// PSPLIB single-mode RCPSP instances (.sm files, Kolisch & Sprecher 1996): reading them, and
// turning one into a clearpath model (`clearpath import psplib`). Jobs become steps with their
// durations and `demands`, the renewable resources become departments with a `capacity`, and
// the successor lists become `depends_on`.
#include <string>
#include <string_view>
#include <vector>

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
  int mpm_time = 0;             // the file's precedence-only critical-path length
};

// Parses a .sm file; malformed input throws InputError naming `file`, the line and the problem.
PsplibInstance parse_psplib(std::string_view text, const std::string& file);

// The clearpath model of an instance, as JSON text in the file format (deterministic).
std::string psplib_model_json(const PsplibInstance& instance, const std::string& name);

}  // namespace clearpath
