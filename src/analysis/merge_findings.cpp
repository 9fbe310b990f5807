// One ranked list from the findings of the three analyses, with the problems two analyses see
// from two sides counted once.
#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "clearpath/analyze.hpp"

namespace clearpath {
namespace {

// Kinds that describe the same gate or step from two sides when their first subjects agree:
// the path's blocker and the co-pilot analysis's missing executive, or the conflicts
// analysis's skills gap.
bool same_problem(const std::string& a, const std::string& b) {
  auto pair = [&](const char* x, const char* y) { return (a == x && b == y) || (a == y && b == x); };
  return pair("critical-path-blocker", "missing-copilot") || pair("critical-path-blocker", "skills-gap") ||
         pair("near-critical-blocker", "missing-copilot") || pair("near-critical-blocker", "skills-gap");
}

// Leads the merged finding: worse severity, then larger cost, then the earlier source.
bool leads(const Finding& a, std::size_t a_source, const Finding& b, std::size_t b_source) {
  if (a.severity != b.severity) return a.severity > b.severity;
  if (a.cost_of_delay != b.cost_of_delay) return a.cost_of_delay > b.cost_of_delay;
  return a_source < b_source;
}

}  // namespace

std::vector<MergedFinding> merge_findings(const std::vector<Finding>& path, const std::vector<Finding>& copilots,
                                          const std::vector<Finding>& conflicts) {
  static const char* const kSources[] = {"path", "copilots", "conflicts"};
  const std::vector<Finding>* lists[] = {&path, &copilots, &conflicts};
  struct Group {
    std::vector<std::pair<std::size_t, const Finding*>> members;  // (source, finding) in source order
  };
  std::vector<Group> groups;
  // Groups by first subject, so each finding is compared only with those about the same entity.
  std::map<std::string, std::vector<std::size_t>> by_subject;
  for (std::size_t source = 0; source < 3; ++source)
    for (const Finding& f : *lists[source]) {
      std::optional<std::size_t> joined;
      if (!f.subjects.empty())
        for (std::size_t g : by_subject[f.subjects.front()]) {
          const bool fits = std::all_of(groups[g].members.begin(), groups[g].members.end(), [&](const auto& m) {
            return m.first != source && same_problem(m.second->kind, f.kind);
          });
          if (fits) {
            joined = g;
            break;
          }
        }
      if (!joined) {
        joined = groups.size();
        groups.emplace_back();
        if (!f.subjects.empty()) by_subject[f.subjects.front()].push_back(*joined);
      }
      groups[*joined].members.emplace_back(source, &f);
    }

  std::vector<MergedFinding> out;
  out.reserve(groups.size());
  for (const Group& g : groups) {
    std::size_t lead = 0;
    for (std::size_t k = 1; k < g.members.size(); ++k)
      if (leads(*g.members[k].second, g.members[k].first, *g.members[lead].second, g.members[lead].first)) lead = k;
    MergedFinding m;
    m.finding = *g.members[lead].second;
    for (std::size_t k = 0; k < g.members.size(); ++k) {
      const char* source = kSources[g.members[k].first];
      if (std::find(m.sources.begin(), m.sources.end(), source) == m.sources.end()) m.sources.emplace_back(source);
      if (k != lead) m.also.push_back(*g.members[k].second);
    }
    out.push_back(std::move(m));
  }
  // Severity, cost of delay, then the subjects' ids (the entity first), kind and message: a
  // total order, so the list is the same on every run.
  std::sort(out.begin(), out.end(), [](const MergedFinding& x, const MergedFinding& y) {
    const Finding &a = x.finding, &b = y.finding;
    if (a.severity != b.severity) return a.severity > b.severity;
    if (a.cost_of_delay != b.cost_of_delay) return a.cost_of_delay > b.cost_of_delay;
    return std::tie(a.subjects, a.kind, a.message, x.sources) < std::tie(b.subjects, b.kind, b.message, y.sources);
  });
  return out;
}

std::vector<Finding> plain_findings(const std::vector<MergedFinding>& merged) {
  std::vector<Finding> out;
  out.reserve(merged.size());
  for (const MergedFinding& m : merged) out.push_back(m.finding);
  return out;
}

}  // namespace clearpath
