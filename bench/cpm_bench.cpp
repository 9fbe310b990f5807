// cpm_bench FILE [REPEATS]: the CPM-only timings for bench/path_scale.sh (issue 3, section 10).
// Loads the model once (read_input + load_model, timed once for information), then times,
// single-threaded with std::chrono::steady_clock, REPEATS (default 5) runs each of
//   build_network(model, {})           the activities, durations and CSR links, topological order
//   compute_schedule(model, network)   forward and backward pass, floats, critical path(s)
//   forward_pass(network, durations)   the forward pass alone (what one Monte Carlo run costs)
// and prints one line of JSON: the medians (and minima) in milliseconds, the activity and link
// counts and the project duration. Each result is destroyed outside the timed region.
// Exit status: 0, 1 for a usage or I/O error, 2 when the model does not load.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "clearpath/load.hpp"
#include "clearpath/schedule.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double minimum(const std::vector<double>& v) { return *std::min_element(v.begin(), v.end()); }

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: cpm_bench FILE [REPEATS]   (REPEATS defaults to 5)\n";
    return 1;
  }
  const std::string path = argv[1];
  int repeats = 5;
  if (argc == 3) {
    char* end = nullptr;
    const long r = std::strtol(argv[2], &end, 10);
    if (end == argv[2] || *end != '\0' || r < 1 || r > 1000000) {
      std::cerr << "cpm_bench: REPEATS must be a positive integer, not '" << argv[2] << "'\n";
      return 1;
    }
    repeats = static_cast<int>(r);
  }

  try {
    auto start = Clock::now();
    const std::string text = clearpath::read_input(path);
    const double read_ms = ms_since(start);
    start = Clock::now();
    clearpath::LoadResult loaded = clearpath::load_model(text);
    const double load_ms = ms_since(start);
    if (!loaded.model) {
      std::cerr << "cpm_bench: " << path << " does not load (" << loaded.diagnostics.error_count() << " errors)\n";
      for (const clearpath::Diagnostic& d : loaded.diagnostics.items()) {
        if (d.severity != clearpath::DiagnosticSeverity::error) continue;
        std::cerr << path << ":" << d.line << ":" << d.column << ": error: " << d.message << "\n";
      }
      return 2;
    }
    const clearpath::Model& model = *loaded.model;

    std::vector<double> build_ms, schedule_ms, forward_ms;
    clearpath::Network network;
    clearpath::Schedule schedule;
    std::vector<double> ef;
    double forward_duration = 0;
    for (int i = 0; i < repeats; ++i) {
      clearpath::Network fresh;
      start = Clock::now();
      fresh = clearpath::build_network(model, {});
      build_ms.push_back(ms_since(start));
      network = std::move(fresh);  // the previous network is freed here, outside the timing
    }
    for (int i = 0; i < repeats; ++i) {
      clearpath::Schedule fresh;
      start = Clock::now();
      fresh = clearpath::compute_schedule(model, network);
      schedule_ms.push_back(ms_since(start));
      schedule = std::move(fresh);
    }
    for (int i = 0; i < repeats; ++i) {
      start = Clock::now();
      forward_duration = clearpath::forward_pass(network, network.duration, ef);
      forward_ms.push_back(ms_since(start));
    }

    const double b = median(build_ms), s = median(schedule_ms);
    std::printf(
        "{\"file\": %s, \"repeats\": %d, \"activities\": %zu, \"links\": %zu, \"duration\": %.17g, "
        "\"forward_pass_duration\": %.17g, \"critical_path_length\": %zu, "
        "\"read_ms\": %.4f, \"load_ms\": %.4f, "
        "\"build_network_ms\": %.4f, \"compute_schedule_ms\": %.4f, \"cpm_ms\": %.4f, \"forward_pass_ms\": %.4f, "
        "\"build_network_min_ms\": %.4f, \"compute_schedule_min_ms\": %.4f, \"forward_pass_min_ms\": %.4f}\n",
        json_string(path).c_str(), repeats, network.size(), network.link_count(), schedule.duration, forward_duration,
        schedule.critical_path.size(), read_ms, load_ms, b, s, b + s, median(forward_ms), minimum(build_ms),
        minimum(schedule_ms), minimum(forward_ms));
    return 0;
  } catch (const clearpath::InputError& e) {
    std::cerr << "cpm_bench: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "cpm_bench: " << e.what() << "\n";
    return 1;
  }
}
