#pragma once
// The pieces of the synthetic generator (synthetic.hpp) shared by its files: the seeded
// generator, the name tables, the planned skeleton of a model and the buffered JSON writer.
// Private to the library.
//
//   synthetic.cpp        writes the model: people, departments, systems, initiatives, the
//                        classic approvals and the steps
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

#include "synthetic/synthetic.hpp"
#include "model/random.hpp"

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

inline constexpr std::array<std::string_view, 12> kSkills = {
    "mlops", "python", "sql", "cobol", "java", "security", "networking",
    "data-engineering", "sap", "testing", "cloud", "mainframe-ops"};
inline constexpr std::array<std::string_view, 6> kItDepartments = {
    "Infrastructure", "Data Platform", "Application Support", "Security", "Mainframe Operations",
    "Networks"};
inline constexpr std::array<std::string_view, 6> kBusinessDepartments = {
    "Sales", "Marketing", "Finance", "Customer Service", "Supply Chain", "Pricing"};
inline constexpr std::array<std::string_view, 8> kSystems = {
    "Billing mainframe", "ERP", "Data warehouse", "CRM", "Payments core", "Feature store",
    "Model serving platform", "Data lake"};
inline constexpr std::array<std::string_view, 8> kInitiatives = {
    "Churn prediction", "Fraud detection", "Demand forecast", "Price optimisation",
    "Next best offer", "Credit scoring", "Invoice matching", "Supplier risk"};
inline constexpr std::array<std::string_view, 6> kGates = {
    "POC sign-off", "Security review", "Production funding", "Change advisory board",
    "Data protection review", "Architecture review"};
inline constexpr std::array<std::string_view, 4> kRoles = {"executive", "director", "manager",
                                                           "engineer"};
inline constexpr std::array<std::string_view, 4> kTitles = {"Vice President", "Director", "Manager",
                                                            "Engineer"};

// A run of consecutive steps that follow each other: steps [start, start + length).
struct Chain {
  u32 block = 0;       // first step of its initiative's block; dependencies stay inside it
  u32 start = 0;
  u32 length = 0;
  u32 initiative = 0;
  u32 department = 0;  // the team doing the work
  u32 system = 0;
  u32 done = 0;        // this many leading steps are done
  bool started = false;
};

// A gate anchored at a step position: it may depend on steps before `anchor`, and the step at
// `anchor` depends on it, so every edge goes forward in (anchor, gate) order and the graph is a DAG.
struct Gate {
  u32 anchor = 0;
  u32 initiative = 0;
  u32 number = 0;     // 1-based within its initiative: id "gate<initiative>-<number>"
  bool step_dep = false;
};

// The skeleton of a model, drawn before anything is written (synthetic_plan.cpp).
struct Plan {
  u32 n_steps = 0, n_people = 0, n_departments = 0, n_systems = 0, n_initiatives = 0;
  u32 n_executives = 0, n_directors = 0, n_managers = 0;  // people [0, n) have that role or higher
  // Organisation-aware gates (see synthetic.hpp); the classic model otherwise, unchanged.
  bool org_gates = false;
  u32 n_gates = 0, max_approvers = 6;
  std::vector<u32> parent, department;      // by person: reports_to (person 0: 0) and department
  std::vector<u32> member_begin, members;   // the members of each department (CSR), senior first
  std::vector<Chain> chains;
  std::vector<Gate> gates;            // grouped by initiative, numbered in anchor order
  std::vector<u32> gates_by_anchor;   // indices into gates, by anchor

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

// The JSON text, written straight to the stream through a buffer, one entity per line, so a
// 1,000,000-step model streams out in seconds. Numbers are integers or hundredths, printed by
// hand.
class Writer {
 public:
  explicit Writer(std::ostream& out) : out_(out) { buf_.reserve(kFlushAt + 4096); }

  void flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }
  void raw(std::string_view s) { buf_.append(s); }
  void put(char c) { buf_.push_back(c); }
  void num(u64 v) {
    char tmp[24];
    auto res = std::to_chars(tmp, tmp + sizeof tmp, v);
    buf_.append(tmp, res.ptr);
  }
  // A non-negative quantity given in hundredths: 150 -> "1.5", 200 -> "2", 25 -> "0.25".
  void hundredths(u64 v) {
    num(v / 100);
    const u64 frac = v % 100;
    if (frac == 0) return;
    buf_.push_back('.');
    buf_.push_back(static_cast<char>('0' + frac / 10));
    if (frac % 10 != 0) buf_.push_back(static_cast<char>('0' + frac % 10));
  }
  void id(std::string_view prefix, u64 n) {
    buf_.push_back('"');
    raw(prefix);
    num(n);
    buf_.push_back('"');
  }
  void gate_id(const Gate& g) {
    raw("\"gate");
    num(g.initiative);
    buf_.push_back('-');
    num(g.number);
    buf_.push_back('"');
  }
  void key(std::string_view k) {  // ,"k":
    raw(",\"");
    raw(k);
    raw("\":");
  }
  void str(std::string_view s) {  // our strings never need escaping
    buf_.push_back('"');
    raw(s);
    buf_.push_back('"');
  }
  void open_array(std::string_view name) {
    raw("\"");
    raw(name);
    raw("\":[");
  }
  // Before element `index` of an array: one entity per line; the buffer is flushed when full.
  void separator(u64 index) {
    raw(index == 0 ? "\n" : ",\n");
    if (buf_.size() >= kFlushAt) flush();
  }
  void id_list(std::string_view prefix, const u32* first, std::size_t count) {
    buf_.push_back('[');
    for (std::size_t i = 0; i < count; ++i) {
      if (i) buf_.push_back(',');
      id(prefix, first[i]);
    }
    buf_.push_back(']');
  }

 private:
  static constexpr std::size_t kFlushAt = 1 << 20;
  std::ostream& out_;
  std::string buf_;
};

// The "approvals" array of organisation-aware gates (synthetic_gates.cpp).
void write_org_approvals(const Plan& plan, const Written& written, Rng& rng, Writer& out);

}  // namespace clearpath::synthetic
