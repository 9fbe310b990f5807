// levelling_bench DIR [--bounds CSV] [--effort N] [--seed S] [--limit K] [--verbose]
//
// The resource levelling heuristic (level_resources) on a PSPLIB set (issue 5): for every .sm
// file in DIR, in name order, parse_psplib, convert to a LevellingProblem (the dummy source and
// sink are kept: duration 0, no demand), level it with the given effort (default: the library's
// default) and seed (default 1), verify the schedule with check_levelled, and compare the makespan
// with the reference in the bounds CSV (`problem,optimum`: a proven optimum `43`, open bounds
// `LB..UB`, or `..UB`; the reference is the optimum or, when open, the best known upper bound).
// The CSV defaults to DIR/../bounds/<set>_optimum.csv, else DIR/../bounds/<set>_bounds.csv, with
// <set> the name of DIR (j30, j60, j120).
//
// Prints one summary: instances, average and maximum % deviation from the reference, how many
// hit it (makespan <= reference; those below a best known bound are counted apart), the average
// % deviation from the critical-path lower bound (the usual figure for j60/j120 in the
// literature), and the mean and maximum time per instance. Times are measured in-process with
// std::chrono::steady_clock around level_resources alone (not parsing, conversion or checking),
// single-threaded. --verbose adds a line per instance.
//
// Exit status: 0; 1 for a usage or I/O error; 2 when a schedule is infeasible, a makespan is
// below a proven optimum (impossible for a feasible schedule), or an instance fails to parse.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "clearpath/levelling.hpp"
#include "clearpath/load.hpp"
#include "clearpath/psplib.hpp"
#include "clearpath/psplib_levelling.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Reference {
  double value = 0;     // the optimum, or the best known upper bound
  bool proven = false;  // value is a proven optimum
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::map<std::string, Reference> read_bounds(const fs::path& path) {
  std::map<std::string, Reference> out;
  std::istringstream in(read_file(path));
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.rfind("problem,", 0) == 0) continue;
    const auto comma = line.find(',');
    if (comma == std::string::npos)
      throw std::runtime_error(path.string() + ":" + std::to_string(number) + ": no comma");
    const std::string name = line.substr(0, comma), value = line.substr(comma + 1);
    Reference ref;
    const auto dots = value.find("..");
    try {
      if (dots == std::string::npos) {
        ref.value = std::stod(value);
        ref.proven = true;
      } else {
        ref.value = std::stod(value.substr(dots + 2));
      }
    } catch (const std::exception&) {
      throw std::runtime_error(path.string() + ":" + std::to_string(number) + ": bad value '" + value + "'");
    }
    out[name] = ref;
  }
  return out;
}

void usage() {
  std::cerr << "usage: levelling_bench DIR [--bounds CSV] [--effort N] [--seed S] [--limit K] [--verbose]\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    usage();
    return 1;
  }
  const fs::path dir = argv[1];
  std::optional<fs::path> bounds_path;
  clearpath::LevellingOptions options;
  std::size_t limit = 0;
  bool verbose = false;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        usage();
        std::exit(1);
      }
      return argv[++i];
    };
    if (arg == "--bounds") bounds_path = value();
    else if (arg == "--effort") options.effort = std::stoul(value());
    else if (arg == "--seed") options.seed = std::stoull(value());
    else if (arg == "--limit") limit = std::stoul(value());
    else if (arg == "--verbose") verbose = true;
    else {
      usage();
      return 1;
    }
  }

  try {
    std::string set = dir.filename().string();
    if (set.empty()) set = dir.parent_path().filename().string();
    if (!bounds_path) {
      for (const char* suffix : {"_optimum.csv", "_bounds.csv"}) {
        const fs::path candidate = dir / ".." / "bounds" / (set + suffix);
        if (fs::exists(candidate)) {
          bounds_path = candidate;
          break;
        }
      }
      if (!bounds_path) throw std::runtime_error("no bounds CSV for " + set + " (give --bounds)");
    }
    const auto bounds = read_bounds(*bounds_path);

    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir))
      if (entry.is_regular_file() && entry.path().extension() == ".sm") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    if (limit > 0 && files.size() > limit) files.resize(limit);
    if (files.empty()) throw std::runtime_error("no .sm files in " + dir.string());

    std::size_t count = 0, hits = 0, below = 0, optimal_known = 0, schedules = 0, problems = 0;
    double sum_dev = 0, max_dev = 0, sum_cp_dev = 0, sum_ms = 0, max_ms = 0;
    std::string worst;
    for (const fs::path& file : files) {
      const std::string name = file.filename().string();
      clearpath::PsplibInstance inst;
      try {
        inst = clearpath::parse_psplib(read_file(file), file.string());
      } catch (const clearpath::InputError& e) {
        std::cerr << e.what() << '\n';
        ++problems;
        continue;
      }
      const auto ref = bounds.find(name);
      if (ref == bounds.end()) throw std::runtime_error(name + " is not in " + bounds_path->string());
      const clearpath::LevellingProblem problem = clearpath::psplib_levelling_problem(inst);

      const auto start = Clock::now();
      const clearpath::LevelledSchedule schedule = clearpath::level_resources(problem, options);
      const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();

      if (const auto why = clearpath::check_levelled(problem, schedule)) {
        std::cerr << name << ": infeasible schedule: " << *why << '\n';
        ++problems;
        continue;
      }
      const double r = ref->second.value;
      if (ref->second.proven && schedule.makespan < r) {
        std::cerr << name << ": makespan " << schedule.makespan << " below the proven optimum " << r << '\n';
        ++problems;
      }
      const double dev = 100.0 * (schedule.makespan - r) / r;
      const double cp_dev = 100.0 * (schedule.makespan - inst.mpm_time) / inst.mpm_time;
      ++count;
      optimal_known += ref->second.proven ? 1 : 0;
      hits += schedule.makespan <= r ? 1 : 0;
      below += schedule.makespan < r ? 1 : 0;
      sum_dev += dev;
      sum_cp_dev += cp_dev;
      if (worst.empty() || dev > max_dev) {
        max_dev = dev;
        worst = name;
      }
      sum_ms += ms;
      max_ms = std::max(max_ms, ms);
      schedules += schedule.schedules;
      if (verbose)
        std::printf("%-16s makespan %4g  ref %4g%s  dev %6.2f%%  cp %4d  %8.3f ms  %zu schedules\n", name.c_str(),
                    schedule.makespan, r, ref->second.proven ? " (opt)" : " (ub) ", dev, inst.mpm_time, ms,
                    schedule.schedules);
    }
    if (count == 0) throw std::runtime_error("no instance was levelled");
    const double n = static_cast<double>(count);
    std::printf("set %s: %zu instances (%zu with a proven optimum), effort %zu, seed %llu\n", set.c_str(), count,
                optimal_known, options.effort, static_cast<unsigned long long>(options.seed));
    std::printf("  deviation from optimum/best known: average %.3f%%, max %.2f%% (%s)\n", sum_dev / n, max_dev,
                worst.c_str());
    std::printf("  hit optimum/best known: %zu of %zu (%.1f%%)%s\n", hits, count, 100.0 * static_cast<double>(hits) / n,
                below ? (", " + std::to_string(below) + " below the best known bound").c_str() : "");
    std::printf("  deviation from the critical-path lower bound: average %.2f%%\n", sum_cp_dev / n);
    std::printf("  time per instance (level_resources only, in-process steady_clock): mean %.2f ms, max %.2f ms\n",
                sum_ms / n, max_ms);
    std::printf("  schedules generated per instance: mean %.0f\n", static_cast<double>(schedules) / n);
    if (problems > 0) {
      std::printf("  PROBLEMS: %zu (see stderr)\n", problems);
      return 2;
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "levelling_bench: " << e.what() << '\n';
    return 1;
  }
}
