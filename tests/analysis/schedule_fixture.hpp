#pragma once
// Schedules of small models written inline, for the CPM tests: every figure of an activity by
// its id, and the critical chains as ids.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "clearpath/schedule.hpp"
#include "support/test_support.hpp"

namespace clearpath::test {

struct Result {
  Model model;
  Network net;
  Schedule s;

  std::uint32_t at(const std::string& id) const {
    for (std::uint32_t i = 0; i < net.size(); ++i)
      if (model.id(net.activity[i]) == id) return i;
    FAIL("no activity '" << id << "' in the network");
    return 0;
  }
  const ActivityTimes& t(const std::string& id) const { return s.times[at(id)]; }
  std::vector<std::string> ids(const std::vector<std::uint32_t>& path) const {
    std::vector<std::string> out;
    for (std::uint32_t a : path) out.push_back(model.id(net.activity[a]));
    return out;
  }
  std::vector<std::vector<std::string>> tied() const {
    std::vector<std::vector<std::string>> out;
    for (const auto& p : s.tied_paths) out.push_back(ids(p));
    return out;
  }
  std::vector<std::string> activities() const { return ids(net.order); }
};

inline Result schedule(const std::string& json, const NetworkOptions& options = {}) {
  Result r{load_valid(json), {}, {}};
  r.net = build_network(r.model, options);
  r.s = compute_schedule(r.model, r.net);
  return r;
}

// A file with the given steps, approvals and initiatives (JSON array bodies).
inline std::string doc(const std::string& steps, const std::string& approvals = "",
                       const std::string& initiatives = "") {
  return R"({"clearpath": 1, "name": "cpm test", "initiatives": [)" + initiatives + R"(], "approvals": [)" + approvals +
         R"(], "steps": [)" + steps + "]}";
}

// Every figure of one activity, exactly (the hand-computed cases use whole or binary-exact days).
inline void check(const Result& r, const std::string& id, double es, double ef, double ls, double lf, double tf,
                  double ff, bool critical) {
  INFO("activity " << id);
  const ActivityTimes& t = r.t(id);
  CHECK(t.es == es);
  CHECK(t.ef == ef);
  CHECK(t.ls == ls);
  CHECK(t.lf == lf);
  CHECK(t.total_float == tf);
  CHECK(t.free_float == ff);
  CHECK(t.critical == critical);
}

using Ids = std::vector<std::string>;
}  // namespace clearpath::test
