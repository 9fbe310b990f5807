// Deterministic synthetic models for scale tests and benchmarks (see synthetic.hpp).
//
// Everything random comes from a private xoshiro256** generator seeded through splitmix64 and
// is turned into integers by plain modular arithmetic, never by std:: distributions, so the
// output is byte-identical across standard libraries and platforms. Numbers are kept as
// integers or hundredths and printed by hand; the JSON text is written straight to the stream,
// one entity per line, through a buffer, so a 1,000,000-step model streams out in seconds with
// only a few small per-person and per-chain tables in memory.
#include "clearpath/synthetic.hpp"
#include "model/random.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clearpath {
namespace {

using u32 = std::uint32_t;
using u64 = std::uint64_t;

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
};

constexpr std::array<std::string_view, 12> kSkills = {
    "mlops", "python", "sql", "cobol", "java", "security", "networking",
    "data-engineering", "sap", "testing", "cloud", "mainframe-ops"};
constexpr std::array<std::string_view, 6> kItDepartments = {
    "Infrastructure", "Data Platform", "Application Support", "Security", "Mainframe Operations",
    "Networks"};
constexpr std::array<std::string_view, 6> kBusinessDepartments = {
    "Sales", "Marketing", "Finance", "Customer Service", "Supply Chain", "Pricing"};
constexpr std::array<std::string_view, 8> kSystems = {
    "Billing mainframe", "ERP", "Data warehouse", "CRM", "Payments core", "Feature store",
    "Model serving platform", "Data lake"};
constexpr std::array<std::string_view, 8> kInitiatives = {
    "Churn prediction", "Fraud detection", "Demand forecast", "Price optimisation",
    "Next best offer", "Credit scoring", "Invoice matching", "Supplier risk"};
constexpr std::array<std::string_view, 6> kGates = {
    "POC sign-off", "Security review", "Production funding", "Change advisory board",
    "Data protection review", "Architecture review"};
constexpr std::array<std::string_view, 4> kRoles = {"executive", "director", "manager", "engineer"};
constexpr std::array<std::string_view, 4> kTitles = {"Vice President", "Director", "Manager",
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

class Generator {
 public:
  Generator(const SyntheticOptions& options, std::ostream& out)
      : out_(out), rng_(options.seed), seed_(options.seed) {
    n_steps_ = static_cast<u32>(std::min<std::size_t>(options.steps, 0xFFFFFFF0u));
    n_people_ = static_cast<u32>(std::clamp<std::size_t>(options.people, 1, 0xFFFFFFF0u));
    n_departments_ = std::max<u32>(2, n_people_ / 40);
    n_systems_ = std::max<u32>(3, n_steps_ / 2000);
    n_initiatives_ = std::max<u32>(1, n_steps_ / 5000);
    n_executives_ = std::max<u32>(1, n_people_ / 100);
    n_directors_ = std::max(n_executives_, n_people_ / 20);
    n_managers_ = std::max(n_directors_, n_people_ / 6);
    // Organisation-aware gates (see synthetic.hpp); the classic model otherwise, unchanged.
    org_gates_ = options.gates > 0 || options.max_approvers > 0;
    n_gates_ = static_cast<u32>(std::min<std::size_t>(options.gates, 0xFFFFFFF0u));
    max_approvers_ = options.max_approvers == 0
                         ? 6
                         : static_cast<u32>(std::min<std::size_t>(options.max_approvers, kMaxApprovers));
    if (org_gates_ && n_gates_ > 0)  // about 5 gates per initiative
      n_initiatives_ = std::max(n_initiatives_, static_cast<u32>((u64{n_gates_} + 4) / 5));
    buf_.reserve(kFlushAt + 4096);
  }

  void run() {
    plan_people();
    plan_chains();
    plan_gates();
    if (org_gates_) plan_organisation();
    raw("{\n\"clearpath\":1,\n\"name\":\"Synthetic model (seed ");
    num(seed_);
    raw(", ");
    num(n_steps_);
    raw(" steps, ");
    num(n_people_);
    raw(" people");
    if (org_gates_) {
      raw(", ");
      num(gates_.size());
      raw(" gates");
    }
    raw(")\",\n\"description\":\"Generated by clearpath generate for scale tests.\",\n"
        "\"calendar\":{\"start\":\"2027-01-04\",\"holidays\":[\"2027-04-02\",\"2027-05-01\","
        "\"2027-12-24\",\"2027-12-25\",\"2028-01-01\"]},\n");
    write_people();
    write_departments();
    write_systems();
    write_initiatives();
    if (org_gates_)
      write_org_approvals();
    else
      write_approvals();
    write_steps();
    raw("}\n");
    flush();
  }

 private:
  static constexpr std::size_t kFlushAt = 1 << 20;
  static constexpr u32 kWindow = 2000;  // how far back a step's extra dependencies reach

  // --- output ------------------------------------------------------------------------------
  void flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }
  void raw(std::string_view s) { buf_.append(s); }
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
  void skills(std::size_t count) {
    std::array<u32, 3> picked{};
    const std::size_t n = distinct(0, kSkills.size(), count, picked.data());
    buf_.push_back('[');
    for (std::size_t i = 0; i < n; ++i) {
      if (i) buf_.push_back(',');
      str(kSkills[picked[i]]);
    }
    buf_.push_back(']');
  }

  // Up to `count` (<= 8) distinct values in [lo, hi), in draw order; returns how many.
  std::size_t distinct(u64 lo, u64 hi, std::size_t count, u32* out) {
    const u64 span = hi > lo ? hi - lo : 0;
    count = static_cast<std::size_t>(std::min<u64>(count, span));
    std::size_t n = 0;
    while (n < count) {
      const u32 v = static_cast<u32>(lo + rng_.below(span));
      if (std::find(out, out + n, v) == out + n) out[n++] = v;
    }
    return n;
  }

  // --- planning ------------------------------------------------------------------------------
  u32 role_of(u32 person) const {
    return person < n_executives_ ? 0 : person < n_directors_ ? 1 : person < n_managers_ ? 2 : 3;
  }
  std::string_view side_of(u32 d) const {
    if (d >= 2 && d % 11 == 5) return "legal";
    if (d >= 2 && d % 11 == 8) return "data";
    return d % 2 == 0 ? "it" : "business";
  }

  // reports_to tree with span ~6 (person i reports to ~(i-1)/6, jittered, always earlier),
  // departments assigned to the first n_departments_ people and inherited down the tree.
  void plan_people() {
    parent_.assign(n_people_, 0);
    department_.assign(n_people_, 0);
    for (u32 i = 0; i < n_people_; ++i) {
      if (i > 0) {
        u64 p = (i - 1) / 6 + rng_.below(3);
        p = p >= 1 ? p - 1 : 0;
        parent_[i] = static_cast<u32>(std::min<u64>(p, i - 1));
      }
      if (i < n_departments_)
        department_[i] = i;
      else
        department_[i] =
            rng_.chance(900) ? department_[parent_[i]] : static_cast<u32>(rng_.below(n_departments_));
    }
    // Members of each department, grouped (CSR), for picking step owners from a team.
    member_begin_.assign(n_departments_ + 1, 0);
    for (u32 d : department_) ++member_begin_[d + 1];
    for (u32 d = 0; d < n_departments_; ++d) member_begin_[d + 1] += member_begin_[d];
    members_.resize(n_people_);
    std::vector<u32> fill(member_begin_.begin(), member_begin_.end() - 1);
    for (u32 i = 0; i < n_people_; ++i) members_[fill[department_[i]]++] = i;
  }

  // Each initiative owns a contiguous block of steps, cut into chains of 20-300 steps.
  void plan_chains() {
    for (u32 k = 0; k < n_initiatives_; ++k) {
      const u32 block = static_cast<u32>(u64{n_steps_} * k / n_initiatives_);
      const u32 end = static_cast<u32>(u64{n_steps_} * (k + 1) / n_initiatives_);
      for (u32 start = block; start < end;) {
        Chain c;
        c.block = block;
        c.start = start;
        c.length = static_cast<u32>(std::min<u64>(rng_.range(20, 300), end - start));
        c.initiative = k;
        c.department = static_cast<u32>(rng_.below(n_departments_));
        c.system = static_cast<u32>(rng_.below(n_systems_));
        c.started = rng_.chance(300);
        c.done = c.started ? static_cast<u32>(rng_.below(c.length / 3 + 1)) : 0;
        chains_.push_back(c);
        start += c.length;
      }
    }
  }

  // 3-5 gates per initiative, anchored at positions inside that initiative's chains.
  void plan_gates() {
    std::vector<std::vector<u32>> chains_of(n_initiatives_);
    for (u32 c = 0; c < chains_.size(); ++c) chains_of[chains_[c].initiative].push_back(c);
    for (u32 k = 0; k < n_initiatives_; ++k) {
      // Classic: 3-5 each. With a number of gates: that many, spread evenly.
      const u32 count =
          org_gates_ && n_gates_ > 0
              ? static_cast<u32>(u64{n_gates_} * (k + 1) / n_initiatives_ - u64{n_gates_} * k / n_initiatives_)
              : static_cast<u32>(rng_.range(3, 5));
      std::vector<Gate> gates(count);
      for (auto& g : gates) {
        g.initiative = k;
        if (chains_of[k].empty()) {
          g.anchor = n_steps_;  // nothing depends on it
          continue;
        }
        const Chain& c = chains_[chains_of[k][rng_.below(chains_of[k].size())]];
        const u32 offset = static_cast<u32>(rng_.below(c.length));
        g.anchor = c.start + offset;
        g.step_dep = offset > 0;  // the step before it in the same chain
      }
      std::stable_sort(gates.begin(), gates.end(),
                       [](const Gate& a, const Gate& b) { return a.anchor < b.anchor; });
      for (u32 j = 0; j < count; ++j) gates[j].number = j + 1;
      gates_.insert(gates_.end(), gates.begin(), gates.end());
    }
    // Steps meet their gates in anchor order.
    gates_by_anchor_.resize(gates_.size());
    for (u32 i = 0; i < gates_.size(); ++i) gates_by_anchor_[i] = i;
    std::stable_sort(gates_by_anchor_.begin(), gates_by_anchor_.end(),
                     [this](u32 a, u32 b) { return gates_[a].anchor < gates_[b].anchor; });
  }

  // --- entities ------------------------------------------------------------------------------
  void write_people() {
    open_array("people");
    for (u32 i = 0; i < n_people_; ++i) {
      separator(i);
      const u32 role = role_of(i);
      raw("{\"id\":");
      id("p", i);
      raw(",\"name\":\"Person ");
      num(i);
      raw("\"");
      key("department");
      id("d", department_[i]);
      if (i > 0) {
        key("reports_to");
        id("p", parent_[i]);
      }
      if (i > 1 && rng_.chance(30)) {
        u32 dotted = static_cast<u32>(rng_.below(i));
        if (dotted == parent_[i]) dotted = dotted > 0 ? dotted - 1 : 0;
        if (dotted != parent_[i]) {
          key("dotted_line_to");
          id_list("p", &dotted, 1);
        }
      }
      key("title");
      str(kTitles[role]);
      key("roles");
      raw("[\"");
      raw(kRoles[role]);
      raw("\"]");
      key("capacity");
      raw(rng_.chance(120) ? "0.5" : "1");
      if (const auto count = static_cast<std::size_t>(rng_.below(4)); count > 0) {
        key("skills");
        skills(count);
      }
      if (rng_.chance(10)) {
        raw(",\"available\":false");
        if (org_gates_) {
          available_[i] = 0;
          unavailable_.push_back(i);
        }
      }
      raw("}");
    }
    raw("\n],\n");
  }

  void write_departments() {
    std::vector<u32> order(n_initiatives_);
    for (u32 k = 0; k < n_initiatives_; ++k) order[k] = k;
    open_array("departments");
    for (u32 d = 0; d < n_departments_; ++d) {
      separator(d);
      const std::string_view side = side_of(d);
      raw("{\"id\":");
      id("d", d);
      raw(",\"name\":\"");
      if (side == "legal")
        raw("Legal and Compliance");
      else if (side == "data")
        raw("Analytics");
      else if (side == "it")
        raw(kItDepartments[(d / 2) % kItDepartments.size()]);
      else
        raw(kBusinessDepartments[(d / 2) % kBusinessDepartments.size()]);
      raw(" ");
      num(d);
      raw("\"");
      key("side");
      str(side);
      if (member_begin_[d] < member_begin_[d + 1]) {  // first member = most senior
        key("head");
        id("p", members_[member_begin_[d]]);
      }
      // A partial Fisher-Yates shuffle: a random prefix of a random order, no duplicates.
      const u32 ranked = static_cast<u32>(std::min<u64>(n_initiatives_, rng_.range(1, 8)));
      for (u32 k = 0; k < ranked; ++k)
        std::swap(order[k], order[k + rng_.below(n_initiatives_ - k)]);
      key("priorities");
      id_list("init", order.data(), ranked);
      raw("}");
    }
    raw("\n],\n");
  }

  void write_systems() {
    open_array("systems");
    for (u32 s = 0; s < n_systems_; ++s) {
      separator(s);
      const std::string_view kind = kSystems[rng_.below(kSystems.size())];
      raw("{\"id\":");
      id("sys", s);
      raw(",\"name\":\"");
      raw(kind);
      raw(" ");
      num(s);
      raw("\"");
      key("legacy");
      raw(rng_.chance(kind == "Feature store" || kind == "Model serving platform" ? 50 : 700)
              ? "true"
              : "false");
      key("owner");
      // Mostly an IT department (even ids, except the occasional legal/data one), else any.
      u32 owner = static_cast<u32>(rng_.below(n_departments_));
      if (rng_.chance(800)) owner = static_cast<u32>(2 * rng_.below((n_departments_ + 1) / 2));
      if (side_of(owner) == "legal" || side_of(owner) == "data") owner = 0;
      id("d", owner);
      raw("}");
    }
    raw("\n],\n");
  }

  void write_initiatives() {
    open_array("initiatives");
    for (u32 k = 0; k < n_initiatives_; ++k) {
      separator(k);
      raw("{\"id\":");
      id("init", k);
      raw(",\"name\":\"");
      raw(kInitiatives[k % kInitiatives.size()]);
      raw(" ");
      num(k);
      raw("\"");
      std::array<u32, 3> sponsors{};
      const std::size_t n = distinct(0, n_directors_, rng_.range(1, 3), sponsors.data());
      if (org_gates_) sponsors_.push_back({sponsors, static_cast<u32>(n)});
      key("sponsors");
      id_list("p", sponsors.data(), n);
      key("value_per_month");
      num(rng_.range(10, 500) * 1000);
      key("build_cost");
      num(rng_.range(50, 2000) * 1000);
      key("run_cost_per_month");
      num(rng_.range(1, 50) * 500);
      key("momentum_days");
      num(rng_.range(30, 180));
      raw("}");
    }
    raw("\n],\n");
  }

  void write_approvals() {
    open_array("approvals");
    for (std::size_t g = 0; g < gates_.size(); ++g) {
      separator(g);
      const Gate& gate = gates_[g];
      raw("{\"id\":");
      gate_id(gate);
      raw(",\"name\":\"");
      raw(kGates[(gate.number - 1 + gate.initiative) % kGates.size()]);
      raw("\"");
      key("initiative");
      id("init", gate.initiative);
      std::array<u32, 6> approvers{};
      const std::size_t n = distinct(0, n_managers_, rng_.range(2, 6), approvers.data());
      key("approvers");
      id_list("p", approvers.data(), n);
      key("lead_time");
      num(rng_.range(0, 20));
      key("status");
      raw(rng_.chance(200) ? "\"granted\"" : rng_.chance(20) ? "\"denied\"" : "\"pending\"");
      // Rule: min_approvers <= approvers, at most that many slots.
      const u64 min_approvers = rng_.range(1, std::max<u64>(1, std::min<u64>(3, n)));
      raw(",\"rule\":{\"min_approvers\":");
      num(min_approvers);
      const u64 slots = rng_.below(std::min<u64>(2, min_approvers) + 1);
      if (slots > 0) {
        raw(",\"slots\":[");
        for (u64 s = 0; s < slots; ++s) {
          if (s) buf_.push_back(',');
          raw("{\"side\":");
          str((s + gate.number) % 2 == 0 ? "it" : "business");
          if (rng_.chance(600)) {
            raw(",\"role\":");
            str(kRoles[rng_.below(3)]);
          }
          raw("}");
        }
        raw("]");
      }
      if (rng_.chance(300)) raw(",\"distinct_departments\":true");
      if (rng_.chance(200)) raw(",\"independent\":true");
      raw("}");
      // Dependencies: the previous gate of the initiative and the step just before the anchor.
      if (gate.number > 1 || gate.step_dep) {
        key("depends_on");
        buf_.push_back('[');
        if (gate.number > 1) {
          Gate prev = gate;
          prev.number -= 1;
          gate_id(prev);
        }
        if (gate.step_dep) {
          if (gate.number > 1) buf_.push_back(',');
          id("s", gate.anchor - 1);
        }
        buf_.push_back(']');
      }
      raw("}");
    }
    raw("\n],\n");
  }

  void gate_id(const Gate& g) {
    raw("\"gate");
    num(g.initiative);
    buf_.push_back('-');
    num(g.number);
    buf_.push_back('"');
  }

  // --- organisation-aware gates (SyntheticOptions::gates / max_approvers) ---------------------
  //
  // Each gate has an anchor person (a sponsor of its initiative, someone in the team doing the
  // work, or someone in a sponsor's department) and a rule chosen by the kind of gate. Its
  // approvers are found near the anchor: up the anchor's reporting chain, a few levels below
  // each of those managers and in their departments, nearest first; only when nobody near fits
  // is the whole organisation scanned. A satisfiable gate gets a witness for its rule (one
  // available approver per slot, enough for min_approvers, meeting distinct_departments and
  // independent), so it is satisfiable by construction: extra approvers cannot break a rule.
  // An unsatisfiable gate (kBrokenPerMille) has one slot that no available approver fills:
  // nobody on the list matches it, or the only one who does is unavailable.
  static constexpr u32 kNone = 0xFFFFFFFFu;
  static constexpr std::size_t kMaxApprovers = 1000;
  static constexpr u64 kBrokenPerMille = 90;
  static constexpr int kTriesPerLevel = 8;
  static constexpr u32 kScanLimit = 1u << 17;  // candidates a whole-organisation scan looks at

  struct SlotSpec {
    std::string_view side;  // empty: any
    int role = -1;          // index into kRoles; -1: any
    u32 department = kNone;
  };
  struct Sponsors {
    std::array<u32, 3> ids{};
    u32 count = 0;
  };

  // Children of everyone in the reporting tree (CSR), the team of each initiative, and
  // availability (filled in as people are written).
  void plan_organisation() {
    child_begin_.assign(n_people_ + 1, 0);
    for (u32 i = 1; i < n_people_; ++i) ++child_begin_[parent_[i] + 1];
    for (u32 p = 0; p < n_people_; ++p) child_begin_[p + 1] += child_begin_[p];
    children_.resize(n_people_ > 0 ? n_people_ - 1 : 0);
    std::vector<u32> fill(child_begin_.begin(), child_begin_.end() - 1);
    for (u32 i = 1; i < n_people_; ++i) children_[fill[parent_[i]]++] = i;
    team_.assign(n_initiatives_, kNone);
    for (const Chain& c : chains_)
      if (team_[c.initiative] == kNone) team_[c.initiative] = c.department;
    available_.assign(n_people_, 1);
    listed_in_.assign(n_people_, 0);
    sponsors_.reserve(n_initiatives_);
  }

  bool matches(u32 p, const SlotSpec& s) const {
    return (s.side.empty() || side_of(department_[p]) == s.side) &&
           (s.role < 0 || role_of(p) == static_cast<u32>(s.role)) &&
           (s.department == kNone || department_[p] == s.department);
  }
  // True when `a` is above `p` in p's reporting chain.
  bool above(u32 a, u32 p) const {
    for (u32 depth = 0; p != 0 && depth < 4096; ++depth) {
      p = parent_[p];
      if (p == a) return true;
    }
    return false;
  }
  // Is p on the list of the gate being written? (Long lists make a linear search too slow.)
  bool listed(u32 p) const { return listed_in_[p] == gate_stamp_; }
  void list(u32 p) {
    approvers_.push_back(p);
    listed_in_[p] = gate_stamp_;
  }
  u32 random_member(u32 d) {
    const u32 size = member_begin_[d + 1] - member_begin_[d];
    return size == 0 ? kNone : members_[member_begin_[d] + rng_.below(size)];
  }
  u32 walk_down(u32 p, u64 levels) {
    for (u64 l = 0; l < levels; ++l) {
      const u32 count = child_begin_[p + 1] - child_begin_[p];
      if (count == 0) break;
      p = children_[child_begin_[p] + rng_.below(count)];
    }
    return p;
  }

  // The first person near `anchor` that `ok` accepts, starting `first_level` managers up.
  template <class Ok>
  u32 find_near(u32 anchor, Ok&& ok, u32 first_level = 0) {
    chain_.clear();
    for (u32 p = anchor;; p = parent_[p]) {
      chain_.push_back(p);
      if (p == 0 || chain_.size() >= 64) break;
    }
    for (std::size_t level = std::min<std::size_t>(first_level, chain_.size() - 1); level < chain_.size(); ++level) {
      const u32 u = chain_[level];
      for (int t = 0; t < kTriesPerLevel; ++t) {
        const u32 c = t == 0 ? u : t % 3 == 0 ? random_member(department_[u]) : walk_down(u, rng_.range(1, 3));
        if (c != kNone && ok(c)) return c;
      }
    }
    return kNone;
  }

  // The first person `ok` accepts anywhere, scanning the people who could fill `want` (its
  // department's members, or everyone with its role) from a random start.
  template <class Ok>
  u32 find_anywhere(const SlotSpec* want, Ok&& ok) {
    u32 lo = 0, hi = n_people_;
    const bool by_department = want && want->department != kNone;
    if (by_department) {
      lo = member_begin_[want->department];
      hi = member_begin_[want->department + 1];
    } else if (want && want->role >= 0) {
      const u32 bounds[5] = {0, n_executives_, n_directors_, n_managers_, n_people_};
      lo = bounds[want->role];
      hi = bounds[want->role + 1];
    }
    if (lo >= hi) return kNone;
    const u32 span = hi - lo, start = static_cast<u32>(rng_.below(span));
    for (u32 i = 0; i < span && i < kScanLimit; ++i) {
      const u32 at = lo + (start + i) % span;
      const u32 c = by_department ? members_[at] : at;
      if (ok(c)) return c;
    }
    return kNone;
  }

  // An unlisted, unavailable person `ok` accepts: near the anchor, else anyone.
  template <class Ok>
  u32 find_unavailable(u32 anchor, Ok&& ok) {
    auto absent = [&](u32 c) { return !available_[c] && !listed(c) && ok(c); };
    if (const u32 c = find_near(anchor, absent); c != kNone) return c;
    if (unavailable_.empty()) return kNone;
    const std::size_t span = unavailable_.size(), start = rng_.below(span);
    for (std::size_t i = 0; i < span && i < kScanLimit; ++i)
      if (const u32 c = unavailable_[(start + i) % span]; absent(c)) return c;
    return kNone;
  }

  // Someone near the anchor matching `want` (ok decides the rest), else anywhere.
  template <class Ok>
  u32 find_person(u32 anchor, const SlotSpec& want, Ok&& ok) {
    auto fits = [&](u32 c) { return matches(c, want) && ok(c); };
    const u32 c = find_near(anchor, fits);
    return c != kNone ? c : find_anywhere(&want, fits);
  }

  int senior_role(u64 executive_per_mille) { return rng_.chance(executive_per_mille) ? 0 : 1; }

  // The rule of a gate of this kind (kGates) anchored at `anchor`, into slots_ and the flags.
  void choose_rule(u32 kind, u32 anchor) {
    slots_.clear();
    distinct_ = independent_ = false;
    u64 extra_min = 0;  // min_approvers beyond the number of slots
    auto any_available = [&](u32 c) { return available_[c] != 0; };
    switch (kind) {
      case 0:  // POC sign-off: the business owner of the initiative
        if (rng_.chance(700)) slots_.push_back({"business", rng_.chance(500) ? 2 : 1, kNone});
        extra_min = rng_.chance(150);
        distinct_ = rng_.chance(100);
        independent_ = rng_.chance(100);
        break;
      case 1: {  // Security review: a named IT department, a senior member and maybe another
        const int role = rng_.chance(500) ? 1 : 2;
        const u32 p = find_person(anchor, {"it", role, kNone}, any_available);
        const u32 d = p != kNone ? department_[p] : department_[anchor];
        slots_.push_back({{}, p != kNone ? role : -1, d});
        if (rng_.chance(500) && member_begin_[d + 1] - member_begin_[d] > 1) slots_.push_back({{}, -1, d});
        extra_min = rng_.chance(150);
        independent_ = rng_.chance(300);
        break;
      }
      case 2:  // Production funding: the co-pilot pair, an IT and a business senior leader
        slots_.push_back({"it", senior_role(600), kNone});
        slots_.push_back({"business", senior_role(600), kNone});
        distinct_ = rng_.chance(700);
        independent_ = rng_.chance(600);
        break;
      case 3:  // Change advisory board: IT managers, sometimes the business too
        slots_.push_back({"it", 2, kNone});
        slots_.push_back({"it", -1, kNone});
        if (rng_.chance(400)) slots_.push_back({"business", -1, kNone});
        distinct_ = rng_.chance(600);
        independent_ = rng_.chance(200);
        break;
      case 4:  // Data protection review: legal (a side, or a named legal department)
        if (n_departments_ > 5) {
          const u32 p = rng_.chance(500) ? kNone : find_person(anchor, {"legal", -1, kNone}, any_available);
          if (p != kNone)
            slots_.push_back({{}, -1, department_[p]});
          else
            slots_.push_back({"legal", -1, kNone});
        } else {
          slots_.push_back({"business", 1, kNone});
        }
        if (rng_.chance(400)) slots_.push_back({{}, 1, kNone});
        extra_min = rng_.chance(200);
        independent_ = rng_.chance(300);
        break;
      default:  // Architecture review: IT directors and managers
        slots_.push_back({"it", 1, kNone});
        if (rng_.chance(300)) slots_.push_back({"it", 2, kNone});
        extra_min = rng_.chance(200);
        distinct_ = rng_.chance(300);
        independent_ = rng_.chance(400);
        break;
    }
    if (slots_.size() > max_approvers_) slots_.resize(max_approvers_);
    min_approvers_ = static_cast<u32>(std::clamp<u64>(slots_.size() + extra_min, 1, std::min<u64>(3, max_approvers_)));
  }

  // The approvers of a gate anchored at `anchor` with the rule in slots_, into approvers_.
  void choose_approvers(u32 anchor) {
    approvers_.clear();
    ++gate_stamp_;  // nobody is listed yet
    witnesses_.clear();
    long broken = -1;
    broken_ = false;
    if (rng_.chance(kBrokenPerMille)) {
      if (slots_.empty()) slots_.push_back({"business", -1, kNone});
      broken = static_cast<long>(rng_.below(slots_.size()));
      broken_ = true;
    }
    // Fills the broken slot, or would (when available).
    auto fills_broken = [&](u32 c) { return broken >= 0 && matches(c, slots_[static_cast<std::size_t>(broken)]); };
    // May join the witnesses: available, new, keeping the rule's constraints, not the broken slot.
    auto witness_ok = [&](u32 c) {
      if (!available_[c] || listed(c) || fills_broken(c)) return false;
      for (u32 w : witnesses_) {
        if (distinct_ && department_[w] == department_[c]) return false;
        if (independent_ && (above(w, c) || above(c, w))) return false;
      }
      return true;
    };
    auto add_witness = [&](u32 c) {
      if (c == kNone) return;
      witnesses_.push_back(c);
      list(c);
    };
    for (std::size_t s = 0; s < slots_.size(); ++s)
      if (static_cast<long>(s) != broken) add_witness(find_person(anchor, slots_[s], witness_ok));
    if (broken < 0) {
      while (witnesses_.size() < min_approvers_) {
        u32 c = find_near(anchor, witness_ok);
        if (c == kNone) c = find_anywhere(nullptr, witness_ok);
        if (c == kNone) break;
        add_witness(c);
      }
    } else if (rng_.chance(350)) {  // the only one who would fill it is away
      if (const u32 c = find_unavailable(anchor, fills_broken); c != kNone) list(c);
    }
    // How many to list: 1..max_approvers, most lists short, never fewer than the witnesses.
    const u64 a = rng_.range(1, max_approvers_), b = rng_.range(1, max_approvers_);
    const std::size_t target = std::max<std::size_t>(approvers_.size(), static_cast<std::size_t>(std::min(a, b)));
    if (approvers_.size() < target && rng_.chance(120)) {  // someone on leave is listed too
      if (const u32 c = find_unavailable(anchor, [](u32) { return true; }); c != kNone) list(c);
    }
    auto extra_ok = [&](u32 c) { return !listed(c) && !(available_[c] && fills_broken(c)); };
    while (approvers_.size() < target) {
      u32 c = kNone;
      if (!slots_.empty() && rng_.chance(400)) {  // a deputy for one of the slots
        const std::size_t s = rng_.below(slots_.size());
        if (static_cast<long>(s) != broken)
          c = find_near(anchor, [&](u32 x) { return matches(x, slots_[s]) && extra_ok(x); },
                        static_cast<u32>(rng_.below(2)));
      }
      if (c == kNone) c = find_near(anchor, extra_ok, static_cast<u32>(rng_.below(3)));
      if (c == kNone) c = find_anywhere(nullptr, extra_ok);
      if (c == kNone) break;
      list(c);
    }
    if (approvers_.empty()) list(anchor);  // only in a tiny organisation
    for (std::size_t i = approvers_.size(); i > 1; --i)  // list them in no telling order
      std::swap(approvers_[i - 1], approvers_[rng_.below(i)]);
  }

  // The person a gate is organised around: a sponsor, the team doing the work, or a sponsor's
  // department.
  u32 gate_anchor(u32 initiative) {
    const Sponsors& sp = sponsors_[initiative];
    const u32 sponsor = sp.count > 0 ? sp.ids[rng_.below(sp.count)] : 0;
    const u64 r = rng_.below(100);
    u32 anchor = kNone;
    if (r >= 50 && r < 80 && team_[initiative] != kNone)
      anchor = random_member(team_[initiative]);
    else if (r >= 80)
      anchor = random_member(department_[sponsor]);
    return anchor != kNone ? anchor : sponsor;
  }

  void write_org_approvals() {
    open_array("approvals");
    for (std::size_t g = 0; g < gates_.size(); ++g) {
      separator(g);
      const Gate& gate = gates_[g];
      const u32 kind = static_cast<u32>((gate.number - 1 + gate.initiative) % kGates.size());
      raw("{\"id\":");
      gate_id(gate);
      raw(",\"name\":\"");
      raw(kGates[kind]);
      raw("\"");
      key("initiative");
      id("init", gate.initiative);
      const u32 anchor = gate_anchor(gate.initiative);
      choose_rule(kind, anchor);
      choose_approvers(anchor);
      key("approvers");
      id_list("p", approvers_.data(), approvers_.size());
      key("lead_time");
      num(rng_.range(0, 20));
      key("status");
      // A gate nobody can grant has not been granted: it waits, or was turned down.
      const bool granted = rng_.chance(200) && !broken_;
      raw(granted ? "\"granted\"" : rng_.chance(20) ? "\"denied\"" : "\"pending\"");
      raw(",\"rule\":{\"min_approvers\":");
      num(min_approvers_);
      if (!slots_.empty()) {
        raw(",\"slots\":[");
        for (std::size_t s = 0; s < slots_.size(); ++s) {
          if (s) buf_.push_back(',');
          const SlotSpec& slot = slots_[s];
          char sep = '{';
          if (!slot.side.empty()) {
            buf_.push_back(sep);
            raw("\"side\":");
            str(slot.side);
            sep = ',';
          }
          if (slot.role >= 0) {
            buf_.push_back(sep);
            raw("\"role\":");
            str(kRoles[static_cast<std::size_t>(slot.role)]);
            sep = ',';
          }
          if (slot.department != kNone) {
            buf_.push_back(sep);
            raw("\"department\":");
            id("d", slot.department);
          }
          buf_.push_back('}');
        }
        buf_.push_back(']');
      }
      if (distinct_) raw(",\"distinct_departments\":true");
      if (independent_) raw(",\"independent\":true");
      raw("}");
      // The previous gate of the initiative, the step just before the anchor and sometimes one
      // or two earlier steps of the same chain or initiative: all before the anchor (a DAG).
      std::array<u32, 2> earlier{};
      std::size_t n_earlier = 0;
      if (gate.step_dep && rng_.chance(400)) {
        const u32 block = static_cast<u32>(u64{n_steps_} * gate.initiative / n_initiatives_);
        n_earlier = distinct(block, gate.anchor - 1, static_cast<std::size_t>(rng_.range(1, 2)), earlier.data());
      }
      if (gate.number > 1 || gate.step_dep) {
        key("depends_on");
        char sep = '[';
        if (gate.number > 1) {
          buf_.push_back(sep);
          Gate prev = gate;
          prev.number -= 1;
          gate_id(prev);
          sep = ',';
        }
        if (gate.step_dep) {
          buf_.push_back(sep);
          id("s", gate.anchor - 1);
          for (std::size_t i = 0; i < n_earlier; ++i) {
            buf_.push_back(',');
            id("s", earlier[i]);
          }
        }
        buf_.push_back(']');
      }
      raw("}");
    }
    raw("\n],\n");
  }

  void write_steps() {
    open_array("steps");
    std::size_t next_gate = 0;
    for (const Chain& c : chains_) {
      for (u32 offset = 0; offset < c.length; ++offset) {
        const u32 s = c.start + offset;
        separator(s);
        raw("{\"id\":");
        id("s", s);
        key("initiative");
        id("init", c.initiative);
        key("system");
        id("sys", rng_.chance(850) ? c.system : static_cast<u32>(rng_.below(n_systems_)));
        key("owner");
        const u32 team_begin = member_begin_[c.department];
        const u32 team_size = member_begin_[c.department + 1] - team_begin;
        if (rng_.chance(300) || team_size == 0)
          id("d", c.department);
        else
          id("p", members_[team_begin + rng_.below(team_size)]);
        key("duration");
        if (rng_.chance(333)) {
          const u64 o = rng_.range(1, 10), m = o + rng_.below(6), p = m + rng_.below(16);
          raw("{\"optimistic\":");
          num(o);
          raw(",\"likely\":");
          num(m);
          raw(",\"pessimistic\":");
          num(p);
          raw("}");
        } else {
          hundredths(rng_.chance(700) ? rng_.range(1, 15) * 100 : rng_.range(1, 80) * 25);
        }
        if (rng_.chance(400)) {
          key("skills");
          skills(static_cast<std::size_t>(rng_.range(1, 2)));
        }
        if (rng_.chance(30) && n_people_ > 1) {
          raw(",\"demands\":{");
          id("p", static_cast<u32>(rng_.below(n_people_)));
          raw(":0.5,");
          id("d", c.department);
          raw(":1}");
        }
        key("status");
        if (offset < c.done)
          raw("\"done\"");
        else if (c.started && offset == c.done)
          raw("\"in-progress\"");
        else
          raw(rng_.chance(10) ? "\"blocked\"" : "\"not-started\"");
        write_step_dependencies(c, s, next_gate);
        if (rng_.chance(10)) {
          raw(",\"attributes\":{\"ticket\":\"CHG-");
          num(rng_.range(1000, 99999));
          raw("\"}");
        }
        raw("}");
      }
    }
    raw("\n]\n");
  }

  // 1-4 earlier steps (the chain predecessor plus random ones within the window and the
  // initiative's block), plus the gates anchored here. Chain heads start fresh more often than not.
  void write_step_dependencies(const Chain& c, u32 s, std::size_t& next_gate) {
    std::array<u32, 4> deps{};
    std::size_t n = 0;
    const u32 lo = std::max(c.block, s > kWindow ? s - kWindow : 0);
    if (s > c.start) {
      deps[n++] = s - 1;
      const u64 r = rng_.below(100);
      const std::size_t extra = r < 50 ? 0 : r < 80 ? 1 : r < 95 ? 2 : 3;
      for (std::size_t e = 0; e < extra && s - 1 > lo; ++e) {
        const u32 d = lo + static_cast<u32>(rng_.below(s - 1 - lo));
        if (std::find(deps.begin(), deps.begin() + static_cast<std::ptrdiff_t>(n), d) ==
            deps.begin() + static_cast<std::ptrdiff_t>(n))
          deps[n++] = d;
      }
    } else if (s > lo && rng_.chance(400)) {
      deps[n++] = lo + static_cast<u32>(rng_.below(s - lo));
    }
    const std::size_t gate_begin = next_gate;
    while (next_gate < gates_by_anchor_.size() && gates_[gates_by_anchor_[next_gate]].anchor == s)
      ++next_gate;
    if (n == 0 && gate_begin == next_gate) return;
    key("depends_on");
    buf_.push_back('[');
    for (std::size_t i = 0; i < n; ++i) {
      if (i) buf_.push_back(',');
      id("s", deps[i]);
    }
    for (std::size_t g = gate_begin; g < next_gate; ++g) {
      if (n > 0 || g > gate_begin) buf_.push_back(',');
      gate_id(gates_[gates_by_anchor_[g]]);
    }
    buf_.push_back(']');
  }

  std::ostream& out_;
  Rng rng_;
  u64 seed_;
  std::string buf_;
  u32 n_steps_ = 0, n_people_ = 0, n_departments_ = 0, n_systems_ = 0, n_initiatives_ = 0;
  u32 n_executives_ = 0, n_directors_ = 0, n_managers_ = 0;  // people [0, n) have that role or higher
  std::vector<u32> parent_, department_, member_begin_, members_;
  std::vector<Chain> chains_;
  std::vector<Gate> gates_;            // grouped by initiative, numbered in anchor order
  std::vector<u32> gates_by_anchor_;   // indices into gates_, by anchor
  // Organisation-aware gates only (org_gates_).
  bool org_gates_ = false;
  u32 n_gates_ = 0, max_approvers_ = 6;
  std::vector<u32> child_begin_, children_;  // the reporting tree downwards (CSR)
  std::vector<u32> team_;                    // by initiative: the department of its first chain
  std::vector<std::uint8_t> available_;      // by person, as written
  std::vector<u32> unavailable_;             // people written with available: false
  std::vector<Sponsors> sponsors_;           // by initiative, as written
  std::vector<SlotSpec> slots_;              // the gate being written
  u32 min_approvers_ = 1;
  bool distinct_ = false, independent_ = false;
  bool broken_ = false;  // built unsatisfiable
  std::vector<u32> approvers_, witnesses_, chain_;
  std::vector<u32> listed_in_;  // by person: the stamp of the last gate that lists them
  u32 gate_stamp_ = 0;          // the gate being written, counted from 1
};

}  // namespace

void write_synthetic_model(const SyntheticOptions& options, std::ostream& out) {
  Generator(options, out).run();
}

std::string synthetic_model(const SyntheticOptions& options) {
  std::ostringstream out;
  write_synthetic_model(options, out);
  return std::move(out).str();
}

}  // namespace clearpath
