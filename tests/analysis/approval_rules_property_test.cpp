// Gate checks against brute force on random small organisations: satisfiability, single points
// of failure and bus factor must equal what trying every subset of approvers gives.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>

#include "clearpath/approval_rules.hpp"
#include "model/random.hpp"
#include "support/test_support.hpp"

using namespace clearpath;

namespace {

// "p12" (appended: GCC 12 warns, falsely, about "p" + std::to_string() under -Wrestrict).
std::string person_id(std::uint64_t n) {
  std::string out = "p";
  out.append(std::to_string(n));
  return out;
}

// 10 people in 3 departments (2 sides), a random reports_to forest, random roles and
// availability; one gate with up to 8 approvers and a random rule.
std::string random_org(Xoshiro256& rng) {
  auto below = [&](std::uint64_t n) { return rng.next() % n; };
  const char* roles[] = {"executive", "manager", "engineer"};
  const char* depts[] = {"it", "biz", "ops"};
  nlohmann::ordered_json doc;
  doc["departments"] = {
      {{"id", "it"}, {"side", "it"}}, {{"id", "biz"}, {"side", "business"}}, {{"id", "ops"}, {"side", "business"}}};
  const int n = 10;
  for (int i = 0; i < n; ++i) {
    nlohmann::ordered_json p{{"id", person_id(i)}, {"department", depts[below(3)]}};
    p["roles"] = {roles[below(3)]};
    if (i > 0 && below(4) != 0) p["reports_to"] = person_id(below(static_cast<std::uint64_t>(i)));
    if (below(8) == 0) p["available"] = false;
    doc["people"].push_back(p);
  }
  nlohmann::ordered_json rule{{"min_approvers", 1 + below(3)}};
  rule["slots"] = nlohmann::ordered_json::array();
  for (std::uint64_t k = 0, slots = below(4); k < slots; ++k) {
    nlohmann::ordered_json s = nlohmann::ordered_json::object();
    if (below(2)) s["side"] = below(2) ? "it" : "business";
    if (below(2)) s["role"] = roles[below(3)];
    if (below(4) == 0) s["department"] = depts[below(3)];
    if (s.empty()) s["role"] = roles[below(3)];  // a slot names at least one field
    rule["slots"].push_back(s);
  }
  rule["distinct_departments"] = below(2) == 0;
  rule["independent"] = below(2) == 0;
  nlohmann::ordered_json approvers = nlohmann::ordered_json::array();
  for (int i = 0; i < n; ++i)
    if (below(10) < 6) approvers.push_back(person_id(i));
  while (approvers.size() > 8) approvers.erase(approvers.begin() + static_cast<long>(below(approvers.size())));
  doc["approvals"] = {{{"id", "g"}, {"approvers", approvers}, {"rule", rule}}};
  return doc.dump();
}

bool fills(const Model& m, Ref p, const Slot& s) {
  const Person& x = m.person(p);
  if (s.department != kNoRef && x.department != s.department) return false;
  if (!s.side.empty() && m.department(x.department).side != s.side) return false;
  return s.role.empty() || std::find(x.roles.begin(), x.roles.end(), s.role) != x.roles.end();
}

// Brute force: some set of `need` people among `people`, pairwise compatible, with a slot
// assignment (permutations of the set over the slots).
bool satisfiable(const Model& m, const Rule& rule, const std::vector<Ref>& people) {
  const std::size_t need = std::max<std::size_t>(static_cast<std::size_t>(rule.min_approvers), rule.slots.size());
  if (people.size() < need) return false;
  if (need == 0) return true;
  std::vector<int> pick(people.size(), 0);
  std::fill(pick.end() - static_cast<long>(need), pick.end(), 1);
  do {
    std::vector<Ref> set;
    for (std::size_t i = 0; i < people.size(); ++i)
      if (pick[i]) set.push_back(people[i]);
    bool ok = true;
    for (std::size_t i = 0; i < set.size() && ok; ++i)
      for (std::size_t j = i + 1; j < set.size() && ok; ++j) {
        if (rule.distinct_departments && m.person(set[i]).department == m.person(set[j]).department) ok = false;
        if (rule.independent && clearpath::test::naive_in_one_chain(m, set[i], set[j])) ok = false;
      }
    if (!ok) continue;
    std::sort(set.begin(), set.end());
    do {
      bool all = true;
      for (std::size_t k = 0; k < rule.slots.size() && all; ++k) all = fills(m, set[k], rule.slots[k]);
      if (all) return true;
    } while (std::next_permutation(set.begin(), set.end()));
  } while (std::next_permutation(pick.begin(), pick.end()));
  return false;
}

}  // namespace

TEST_CASE("gate checks equal brute force on 300 random organisations", "[approvals][property]") {
  Xoshiro256 rng(20261126);
  int satisfiable_seen = 0, unsatisfiable_seen = 0, bus_above_one = 0;
  for (int round = 0; round < 300; ++round) {
    const std::string text = random_org(rng);
    const Model m = clearpath::test::load_valid(text);
    const Ref g = *m.find("g");
    const Approval& gate = m.approval(g);
    INFO(text);
    std::vector<Ref> available;
    for (Ref p : gate.approvers)
      if (m.person(p).available && std::find(available.begin(), available.end(), p) == available.end())
        available.push_back(p);
    const bool expected = satisfiable(m, gate.rule, available);
    const GateCheck c = check_gate(m, g);
    REQUIRE(c.satisfiable == expected);
    if (!expected) {
      ++unsatisfiable_seen;
      CHECK_FALSE(c.unfilled.empty());
      continue;
    }
    ++satisfiable_seen;
    // The assignment itself is valid: each slot filled by a different approver who fits it.
    for (const SlotFill& f : c.assignment) CHECK(fills(m, f.person, gate.rule.slots[f.slot]));
    // Single points of failure and bus factor by trying every set of absences, smallest first.
    const GateResilience r = gate_resilience(m, g);
    CHECK(r.exact);
    std::vector<std::string> spofs;
    for (Ref p : available) {
      std::vector<Ref> rest;
      for (Ref q : available)
        if (q != p) rest.push_back(q);
      if (!satisfiable(m, gate.rule, rest)) spofs.push_back(m.id(p));
    }
    std::sort(spofs.begin(), spofs.end());
    std::vector<std::string> got;
    for (Ref p : r.single_points_of_failure) got.push_back(m.id(p));
    CHECK(got == spofs);
    std::size_t bus = available.size();
    for (std::uint32_t mask = 1; mask < (1u << available.size()); ++mask) {
      const std::size_t size = static_cast<std::size_t>(__builtin_popcount(mask));
      if (size >= bus) continue;
      std::vector<Ref> rest;
      for (std::size_t i = 0; i < available.size(); ++i)
        if (!(mask & (1u << i))) rest.push_back(available[i]);
      if (!satisfiable(m, gate.rule, rest)) bus = size;
    }
    CHECK(r.bus_factor == bus);
    bus_above_one += bus > 1;
  }
  // The random organisations exercise both outcomes and non-trivial bus factors.
  CHECK(satisfiable_seen > 30);
  CHECK(unsatisfiable_seen > 30);
  CHECK(bus_above_one > 10);
}
