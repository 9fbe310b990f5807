// The organisation index against naive definitions on random organisations: ancestry, depth,
// org-graph distances (breadth-first and bidirectional), and the suggested co-pilots built on
// them, whichever of the two searches the suggestions use.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <deque>
#include <map>

#include "analysis/org_index.hpp"
#include "clearpath/copilots.hpp"
#include "model/random.hpp"
#include "support/test_support.hpp"

using namespace clearpath;

namespace {

// "p12": built with append, as GCC 12 warns (-Wrestrict, a false positive) on "p" + to_string().
std::string name(const char* prefix, std::uint64_t n) {
  std::string out(prefix);
  out.append(std::to_string(n));
  return out;
}

// `people` people in `departments` departments (half IT, half business), a reports_to forest,
// some dotted lines, some heads; a third of the people are executives. The initiative's sponsor
// and the one gate (an IT and a business executive; only IT approvers named) are random.
std::string random_org(Xoshiro256& rng, int people, int departments) {
  auto below = [&](std::uint64_t n) { return static_cast<int>(rng.next() % n); };
  nlohmann::ordered_json doc;
  for (int d = 0; d < departments; ++d)
    doc["departments"].push_back({{"id", name("d", d)}, {"side", d % 2 ? "business" : "it"}});
  std::vector<std::string> it_people;
  for (int i = 0; i < people; ++i) {
    const int d = below(static_cast<std::uint64_t>(departments));
    nlohmann::ordered_json p{{"id", name("p", i)}, {"department", name("d", d)}};
    p["roles"] = {below(3) == 0 ? "executive" : "engineer"};
    if (i > 0 && below(10) != 0) p["reports_to"] = name("p", below(static_cast<std::uint64_t>(i)));
    if (i > 1 && below(15) == 0) p["dotted_line_to"] = {name("p", below(static_cast<std::uint64_t>(i)))};
    if (d % 2 == 0 && p["roles"][0] == "executive") it_people.push_back(p["id"]);
    doc["people"].push_back(p);
  }
  for (int d = 0; d < departments; d += 3)
    doc["departments"][static_cast<std::size_t>(d)]["head"] = name("p", below(static_cast<std::uint64_t>(people)));
  doc["initiatives"] = {{{"id", "i"}, {"sponsors", {name("p", below(static_cast<std::uint64_t>(people)))}}}};
  nlohmann::ordered_json approvers = nlohmann::ordered_json::array();
  if (!it_people.empty()) approvers.push_back(it_people[static_cast<std::size_t>(below(it_people.size()))]);
  nlohmann::ordered_json it_slot{{"side", "it"}, {"role", "executive"}},
      business_slot{{"side", "business"}, {"role", "executive"}};
  nlohmann::ordered_json rule;
  rule["slots"] = nlohmann::ordered_json::array({it_slot, business_slot});
  nlohmann::ordered_json gate{{"id", "g"}, {"initiative", "i"}, {"approvers", approvers}};
  gate["rule"] = rule;
  doc["approvals"] = nlohmann::ordered_json::array({gate});
  return doc.dump();
}

// Breadth-first distances over people and departments, straight from the model.
std::map<Ref, std::uint32_t> naive_distances(const Model& m, const std::vector<Ref>& sources) {
  std::map<Ref, std::vector<Ref>> adjacent;
  auto link = [&](Ref a, Ref b) {
    adjacent[a].push_back(b);
    adjacent[b].push_back(a);
  };
  for (std::size_t i = 0; i < m.people().size(); ++i) {
    const Person& p = m.people()[i];
    const Ref r = m.ref_of(EntityKind::person, i);
    if (p.reports_to != kNoRef) link(r, p.reports_to);
    for (Ref d : p.dotted_line_to) link(r, d);
    if (p.department != kNoRef) link(r, p.department);
  }
  for (std::size_t i = 0; i < m.departments().size(); ++i)
    if (m.departments()[i].head != kNoRef) link(m.ref_of(EntityKind::department, i), m.departments()[i].head);
  std::map<Ref, std::uint32_t> out;
  std::deque<Ref> queue;
  for (Ref s : sources) {
    out[s] = 0;
    queue.push_back(s);
  }
  while (!queue.empty()) {
    const Ref r = queue.front();
    queue.pop_front();
    for (Ref x : adjacent[r])
      if (!out.count(x)) {
        out[x] = out[r] + 1;
        queue.push_back(x);
      }
  }
  return out;
}

}  // namespace

TEST_CASE("org index: ancestry, depth and both distance searches equal naive ones", "[copilots][property]") {
  Xoshiro256 rng(7);
  for (int round = 0; round < 20; ++round) {
    const Model m = clearpath::test::load_valid(random_org(rng, 150, 8));
    const OrgIndex org(m);
    std::vector<Ref> people;
    for (std::size_t i = 0; i < m.people().size(); ++i) people.push_back(m.ref_of(EntityKind::person, i));
    for (Ref a : people) {
      std::uint32_t depth = 0;
      for (Ref c = m.person(a).reports_to; c != kNoRef; c = m.person(c).reports_to) ++depth;
      REQUIRE(org.depth(a) == depth);
      for (std::size_t k = 0; k < 10; ++k) {
        const Ref b = people[rng.next() % people.size()];
        REQUIRE(org.in_one_chain(a, b) == (a != b && clearpath::test::naive_in_one_chain(m, a, b)));
      }
    }
    const std::vector<Ref> sources = {people[rng.next() % people.size()], people[rng.next() % people.size()]};
    const std::map<Ref, std::uint32_t> expected = naive_distances(m, sources);
    std::map<Ref, std::uint32_t> spread;
    org.closest_first(
        sources, [&](Ref p, std::uint32_t d, Ref) { spread[p] = d; }, [] { return false; });
    for (Ref p : people) {
      INFO(m.id(p));
      const auto it = expected.find(p);
      const auto d = org.distance(sources, p);
      REQUIRE(d.has_value() == (it != expected.end()));
      REQUIRE(spread.count(p) == (it != expected.end() ? 1u : 0u));
      if (!d) continue;
      CHECK(d->steps == it->second);
      CHECK(spread[p] == it->second);
      CHECK(naive_distances(m, {sources[d->source]}).at(p) == d->steps);  // the source named is that close
    }
  }
}

TEST_CASE("suggested co-pilots are the closest, then most senior, then by id, with few or many candidates",
          "[copilots][property]") {
  Xoshiro256 rng(11);
  int few = 0, many = 0;
  for (int round = 0; round < 30; ++round) {
    // Small organisations have few business executives (a distance for each); large ones many
    // (a breadth-first search from the sponsor).
    const int people = round % 2 ? 60 : 400;
    const Model m = clearpath::test::load_valid(random_org(rng, people, 10));
    const Ref gate = *m.find("g");
    if (m.approval(gate).approvers.empty()) continue;
    const OrgIndex org(m);
    const std::map<Ref, std::uint32_t> distance = naive_distances(m, m.initiative(*m.find("i")).sponsors);
    struct Row {
      std::uint32_t distance, depth;
      std::string id;
      bool operator<(const Row& o) const { return std::tie(distance, depth, id) < std::tie(o.distance, o.depth, o.id); }
    };
    std::vector<Row> rows;
    for (std::size_t i = 0; i < m.people().size(); ++i) {
      const Ref p = m.ref_of(EntityKind::person, i);
      const Person& x = m.people()[i];
      if (x.roles[0] != "executive" || m.department(x.department).side != "business") continue;
      const auto d = distance.find(p);
      rows.push_back({d == distance.end() ? UINT32_MAX : d->second, org.depth(p), m.id(p)});
    }
    (rows.size() > 32 ? many : few) += 1;
    std::sort(rows.begin(), rows.end());
    const CopilotAnalysis a = analyze_copilots(m, {});
    REQUIRE(a.gates.size() == 1);
    REQUIRE(a.gates[0].suggestions.size() == 1);
    const auto& got = a.gates[0].suggestions[0].candidates;
    REQUIRE(got.size() == std::min<std::size_t>(3, rows.size()));
    for (std::size_t k = 0; k < got.size(); ++k) {
      CHECK(m.id(got[k].person) == rows[k].id);
      CHECK(got[k].distance.value_or(UINT32_MAX) == rows[k].distance);
    }
  }
  CHECK(few > 3);
  CHECK(many > 3);
}
