#pragma once
// The pieces of the synthetic generator (synthetic.hpp) shared by its files: the seeded
// generator, the name tables, the planned skeleton of a model, the Refs of its entities and
// the writer of its text.
// Private to the library.
//
//   synthetic.cpp        builds the model: people, departments, systems, initiatives, the
//                        classic approvals and the steps
//   synthetic_writer.cpp writes it in the generator's layout
//   synthetic_plan.cpp   plans its skeleton first: reporting tree, chains, where gates sit
//   synthetic_gates.cpp  organisation-aware approvals (SyntheticOptions::gates / max_approvers)
//
// Everything random comes from a private xoshiro256** generator seeded through splitmix64 and
// is turned into integers by plain modular arithmetic, never by std:: distributions, so the
// output is byte-identical across standard libraries and platforms. All files draw from the
// one generator, in a fixed order.
#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "clearpath/model_builder.hpp"
#include "model/random.hpp"
#include "synthetic/synthetic.hpp"

namespace clearpath::synthetic {

using u32 = std::uint32_t;
using u64 = std::uint64_t;

inline constexpr u32 kNone = 0xFFFFFFFFu;
inline constexpr std::size_t kMaxApprovers = 1000;  // SyntheticOptions::max_approvers is capped here

// The seeded generator, with the integer draws the generator needs.
class Rng : public Xoshiro256 {
 public:
  using Xoshiro256::Xoshiro256;
  // Uniform-enough integer in [0, n); n == 0 gives 0. The modulo bias is < n / 2^64.
  u64 below(u64 n) { return n == 0 ? 0 : next() % n; }
  // Integer in [lo, hi] (inclusive).
  u64 range(u64 lo, u64 hi) { return lo + below(hi - lo + 1); }
  // True with probability per_mille / 1000.
  bool chance(u64 per_mille) { return below(1000) < per_mille; }
  // Up to `count` (<= 8) distinct values in [lo, hi), in draw order; returns how many.
  std::size_t distinct(u64 lo, u64 hi, std::size_t count, u32* out) {
    const u64 span = hi > lo ? hi - lo : 0;
    count = static_cast<std::size_t>(std::min<u64>(count, span));
    std::size_t n = 0;
    while (n < count) {
      const u32 v = static_cast<u32>(lo + below(span));
      if (std::find(out, out + n, v) == out + n) out[n++] = v;
    }
    return n;
  }
};

inline constexpr std::array<std::string_view, 12> kSkills = {"mlops", "python",   "sql",        "cobol",
                                                             "java",  "security", "networking", "data-engineering",
                                                             "sap",   "testing",  "cloud",      "mainframe-ops"};
inline constexpr std::array<std::string_view, 6> kItDepartments = {
    "Infrastructure", "Data Platform", "Application Support", "Security", "Mainframe Operations", "Networks"};
inline constexpr std::array<std::string_view, 6> kBusinessDepartments = {
    "Sales", "Marketing", "Finance", "Customer Service", "Supply Chain", "Pricing"};
inline constexpr std::array<std::string_view, 8> kSystems = {
    "Billing mainframe", "ERP",           "Data warehouse",         "CRM",
    "Payments core",     "Feature store", "Model serving platform", "Data lake"};
inline constexpr std::array<std::string_view, 8> kInitiatives = {
    "Churn prediction", "Fraud detection", "Demand forecast",  "Price optimisation",
    "Next best offer",  "Credit scoring",  "Invoice matching", "Supplier risk"};
inline constexpr std::array<std::string_view, 6> kGates = {"POC sign-off",           "Security review",
                                                           "Production funding",     "Change advisory board",
                                                           "Data protection review", "Architecture review"};
inline constexpr std::array<std::string_view, 4> kRoles = {"executive", "director", "manager", "engineer"};
inline constexpr std::array<std::string_view, 4> kTitles = {"Vice President", "Director", "Manager", "Engineer"};

// A run of consecutive steps that follow each other: steps [start, start + length).
struct Chain {
  u32 block = 0;  // first step of its initiative's block; dependencies stay inside it
  u32 start = 0;
  u32 length = 0;
  u32 initiative = 0;
  u32 department = 0;  // the team doing the work
  u32 system = 0;
  u32 done = 0;  // this many leading steps are done
  bool started = false;
};

// A gate anchored at a step position: it may depend on steps before `anchor`, and the step at
// `anchor` depends on it, so every edge goes forward in (anchor, gate) order and the graph is a DAG.
struct Gate {
  u32 anchor = 0;
  u32 initiative = 0;
  u32 number = 0;  // 1-based within its initiative: id "gate<initiative>-<number>"
  bool step_dep = false;
};

// The skeleton of a model, drawn before anything is written (synthetic_plan.cpp).
struct Plan {
  u32 n_steps = 0, n_people = 0, n_departments = 0, n_systems = 0, n_initiatives = 0;
  u32 n_executives = 0, n_directors = 0, n_managers = 0;  // people [0, n) have that role or higher
  // Organisation-aware gates (see synthetic.hpp); the classic model otherwise, unchanged.
  bool org_gates = false;
  u32 n_gates = 0, max_approvers = 6;
  std::vector<u32> parent, department;     // by person: reports_to (person 0: 0) and department
  std::vector<u32> member_begin, members;  // the members of each department (CSR), senior first
  std::vector<Chain> chains;
  std::vector<Gate> gates;           // grouped by initiative, numbered in anchor order
  std::vector<u32> gates_by_anchor;  // indices into gates, by anchor

  // Index into kRoles.
  u32 role_of(u32 person) const {
    return person < n_executives ? 0 : person < n_directors ? 1 : person < n_managers ? 2 : 3;
  }
  std::string_view side_of(u32 d) const {
    if (d >= 2 && d % 11 == 5) return "legal";
    if (d >= 2 && d % 11 == 8) return "data";
    return d % 2 == 0 ? "it" : "business";
  }
};

Plan plan_model(const SyntheticOptions& options, Rng& rng);

struct Sponsors {
  std::array<u32, 3> ids{};
  u32 count = 0;
};

// What organisation-aware gates need of the people and initiatives as written (availability
// and sponsors are drawn while they are written). Empty for the classic model.
struct Written {
  std::vector<u32> department_halves;   // by department: its available members' capacity, in halves
  std::vector<std::uint8_t> available;  // by person
  std::vector<u32> unavailable;         // people written with available: false
  std::vector<Sponsors> sponsors;       // by initiative
};

// The Refs of the model's entities. Every id is interned up front, kind by kind in the order the
// entities are added, so the Ref of person i, gate g or step s is a sum, never a lookup.
class Refs {
 public:
  Refs(const Plan& plan, ModelBuilder& b);
  Ref person(u32 i) const { return people_ + i; }
  Ref department(u32 d) const { return departments_ + d; }
  Ref system(u32 s) const { return systems_ + s; }
  Ref initiative(u32 k) const { return initiatives_ + k; }
  Ref gate(u32 initiative, u32 number) const { return gates_ + gate_begin_[initiative] + number - 1; }
  Ref step(u32 s) const { return steps_ + s; }
  // The id of entity `r`, as interned.
  const std::string& id(Ref r) const { return b_.id(r); }

 private:
  const ModelBuilder& b_;
  Ref people_ = 0, departments_ = 0, systems_ = 0, initiatives_ = 0, gates_ = 0, steps_ = 0;
  std::vector<u32> gate_begin_;  // by initiative: its first gate in Plan::gates
};

// "p" and 12 -> "p12".
inline std::string numbered(std::string_view prefix, u64 n) {
  char digits[24];
  const auto res = std::to_chars(digits, digits + sizeof digits, n);
  std::string out(prefix);
  return out.append(digits, res.ptr);
}

// The organisation-aware approvals (synthetic_gates.cpp), added in Plan::gates order.
void add_org_approvals(const Plan& plan, const Written& written, Rng& rng, const Refs& refs, ModelBuilder& b);

// The model in the generator's own layout (synthetic_writer.cpp): one entity per line, compact,
// the keys of the file format in a fixed order, and the defaults the generator always states
// (capacity, legacy, lead_time, status, min_approvers) written out. Earlier versions wrote these
// bytes straight from the generator; benchmarks and saved files keep them.
void write_generated_model(const Model& model, std::ostream& out);

}  // namespace clearpath::synthetic
