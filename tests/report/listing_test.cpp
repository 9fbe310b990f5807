#include <catch2/catch.hpp>

#include <sstream>

#include "clearpath/stats.hpp"
#include "report/conflicts_report.hpp"
#include "report/copilots_report.hpp"
#include "report/document.hpp"
#include "report/path_report.hpp"
#include "report/stats_report.hpp"
#include "support/test_support.hpp"

using namespace clearpath;

namespace {

// One gate nobody on the business side can grant, a legacy step whose owner lacks its skill,
// and a department that ranks the initiative below another.
const char* kTiny = R"({"clearpath": 1, "name": "Tiny", "calendar": {"start": "2027-03-01"},
  "people": [{"id": "ana", "department": "biz", "roles": ["executive"]},
             {"id": "bo", "department": "it", "roles": ["executive"], "skills": ["sql"]}],
  "departments": [{"id": "it", "side": "it", "priorities": ["other", "churn"]},
                  {"id": "biz", "side": "business", "priorities": ["churn"]}],
  "systems": [{"id": "mainframe", "legacy": true}],
  "initiatives": [{"id": "churn", "sponsors": ["ana"], "value_per_month": 26000}, {"id": "other"}],
  "approvals": [{"id": "funding", "initiative": "churn", "approvers": ["bo"], "lead_time": 5,
                 "rule": {"slots": [{"side": "business", "role": "executive"}]}}],
  "steps": [{"id": "extract", "initiative": "churn", "system": "mainframe", "owner": "bo", "skills": ["cobol"],
             "duration": 4, "depends_on": ["funding"]}]})";

std::string text_of(const Document& d, bool color = false) {
  std::ostringstream out;
  write_text(out, d, color);
  return out.str();
}

}  // namespace

TEST_CASE("path report as Markdown", "[report]") {
  const Model m = test::load_valid(kTiny);
  const PathOptions options;
  const PathAnalysis a = analyze_path(m, options);
  std::ostringstream md;
  write_path_markdown(md, m, a, options, {"tiny.json", "", false});
  CHECK(md.str() == R"(# clearpath path: tiny.json - Tiny

2 activities, 1 links; durations: expected, remaining work

## Summary

- **initiative:** churn
- **production expected:** working day 9.0 (2027-03-11)
- **project duration:** 9.0 working days, critical path of 2 activities
- **longest legacy chain:** 1 legacy step, 4.0 days on legacy systems
- **blockers on critical or near-critical work:** **2 (the costliest: 10,800)**
- **findings:** **2 errors, 0 warnings**

  - **error: funding: no business-side executive among the available approvers: bo (it, it side) (cost of delay 10,800)**
  - **error: extract: needs cobol: its owner bo lacks it and nobody in it has it (cost of delay 4,800)**

## Critical path (9.0 working days)

| \# | id | kind | days | start | finish | start date | finish date |
| ---: | --- | --- | ---: | ---: | ---: | --- | --- |
| 1 | funding | gate | 5.0 | 0.0 | 5.0 | 2027-03-01 | 2027-03-05 |
| 2 | extract | step | 4.0 | 5.0 | 9.0 | 2027-03-08 | 2027-03-11 |

## Longest legacy-system chain

- most legacy steps: 1 legacy step, 4.0 days on legacy systems, 4.0 days end to end

| legacy step | system | owner | days |
| --- | --- | --- | ---: |
| extract | mainframe | bo | 4.0 |

  - whole chain: extract
- the same chain also has the longest time on legacy systems

## Blockers

- **critical funding: no business-side executive among the available approvers: bo (it, it side)**
  - holds back 9.0 working days, cost of delay 10,800
- **critical extract: needs cobol: its owner bo lacks it and nobody in it has it**
  - holds back 4.0 working days, cost of delay 4,800

## Risk

- PERT: project mean 9.0 days, standard deviation 0.0 along the critical path
- churn:  finish day     9.0  sd   0.0

## Business case

- churn
  - production: working day 9.0 (2027-03-11)
  - one day of delay costs 1,200 (value 26,000 a month x 12 / 260 working days)
  - payback: month 1 after production
)");
}

TEST_CASE("copilots report as Markdown", "[report]") {
  const Model m = test::load_valid(kTiny);
  const CopilotOptions options;
  const CopilotAnalysis a = analyze_copilots(m, options);
  std::ostringstream md;
  write_copilots_markdown(md, m, a, options, {"tiny.json", false});
  CHECK(md.str() == R"(# clearpath copilots: tiny.json - Tiny

1 gate checked (pending; --all adds granted and denied), 2 initiatives

## Summary

- **gates that cannot be granted:** **1 (funding)**
- **gates with a single point of failure:** 0
- **initiatives without a co-pilot:** 2 (churn, other)
- **approval bottlenecks (more than 5 pending gates):** 0
- **findings:** 3 errors, 0 warnings (listed at the end)

## Gates

- **funding: CANNOT BE GRANTED**
  - pending gate of churn; rule: 1 approver: business-side executive; approvers: bo
  - business-side executive: **OPEN**
    - no business-side executive among the available approvers: bo (it, it side)
  - suggested business-side executive:
    - ana: biz, business side, the sponsor

## Initiatives

- churn
  - **sponsors: ana (biz, business side) - no IT-side co-pilot, single sponsor**
  - suggested IT-side co-sponsor: bo
  - single points of failure: none
  - sole owners of critical steps:
    - bo: extract
  - approval path:

| \# | gate | status | lead | cumulative | done by day |
| ---: | --- | --- | ---: | ---: | ---: |
| 1 | funding | pending | 5 | 5 | 5.0 |

- other
  - **sponsors: none - no business-side or IT-side co-pilot, single sponsor**
  - suggested business-side co-sponsor: ana
  - suggested IT-side co-sponsor: bo
  - single points of failure: none
  - sole owners of critical steps: none
  - approval path: no gates

## Sign-off load (pending gates per person; a bottleneck above 5)

| person | gates | essential | which |
| --- | ---: | ---: | --- |
| bo | 1 | 0 | funding |

## Findings

- **error missing-copilot**
  - churn has a single sponsor, ana (biz, business side): no IT-side co-pilot
- **error missing-copilot**
  - funding cannot be granted: no business-side executive among the available approvers: bo (it, it side). Suggested business-side executive: ana.
- **error missing-copilot**
  - other has no sponsor: no business-side or IT-side co-pilot
)");
}

TEST_CASE("conflicts and level reports as Markdown", "[report]") {
  const Model m = test::load_valid(kTiny);
  ConflictOptions options;
  options.level = true;
  const ConflictAnalysis a = analyze_conflicts(m, options);
  std::ostringstream md, level;
  write_conflicts_markdown(md, m, a, options, {"tiny.json", false});
  CHECK(md.str() == R"(# clearpath conflicts: tiny.json - Tiny

2 activities; CPM duration 9.0 working days; top 3, near-critical below 5.0 days of float

## Summary

- **levelled duration:** 9.0 working days against 9.0 by CPM: no delay

- ranking conflicts: 1; priority inversions: 0; over-allocations: 0; skills gaps: 1; skills held by one person: 0

## Ranking conflicts (critical work on an initiative the department ranks outside its top 3, or last of several)

| department | initiative | rank | days | cost | items |
| --- | --- | --- | ---: | ---: | --- |
| it | churn | **2/2** | 4.0 | 4,800 | extract |

## Priority inversions (each waits for the other)

- none

## Ranking disagreement (normalised Kendall tau distance over shared initiatives)

|  | A | B |  |
| ---: | ---: | ---: | --- |
| A | . | - | biz |
| B | - | . | it |

## Over-allocation (early-start schedule)

- none

## Levelled schedule (no resource over capacity)

- duration 9.0 against CPM 9.0; drivers: -
- churn: finish day     9.0 -&gt;     9.0

## Skills

- **gap: extract                     cobol         owner bo in it, critical**

## Findings

- **error priority-conflict (cost of delay 4,800)**
  - it ranks churn 2nd of 2 yet holds 4.0 days of critical work on it: extract
- **error skills-gap**
  - extract needs cobol: its owner bo lacks it and nobody available in it has it
)");
  write_levelled_markdown(level, m, a, {"tiny.json", false});
  CHECK(level.str() == R"(# clearpath level: tiny.json - Tiny

levelled duration 9.0 working days against 9.0 by CPM

## Schedule (by levelled start)

| id | start | finish | CPM start | moved |
| --- | ---: | ---: | ---: | ---: |
| funding | 0.0 | 5.0 | 0.0 |  |
| extract | 5.0 | 9.0 | 5.0 |  |
)");
}

TEST_CASE("stats report as Markdown", "[report]") {
  const Model m = test::load_valid(kTiny);
  std::ostringstream md;
  write_stats_markdown(md, "tiny.json", m.name, compute_stats(m));
  CHECK(md.str() == R"(# tiny.json (Tiny)

| entities | count |
| --- | ---: |
| people | 2 |
| departments | 2 |
| systems | 1 |
| initiatives | 2 |
| approvals | 1 |
| steps | 1 |
| total | 9 |

| relations | count |
| --- | ---: |
| member\_of | 2 |
| reports\_to | 0 |
| dotted\_line\_to | 0 |
| head\_of | 0 |
| prioritizes | 3 |
| owned\_by | 1 |
| sponsored\_by | 1 |
| part\_of | 2 |
| approved\_by | 1 |
| depends\_on | 1 |
| runs\_on | 1 |
| demands | 0 |
| requires\_department | 0 |
| total | 12 |

| also counted | count |
| --- | ---: |
| legacy systems | 1 |
| three-point steps | 0 |
| steps not done | 1 |
| approvals pending | 1 |
)");
}

TEST_CASE("listing text: fixed columns cut with ~, headings with a note, every space kept", "[report]") {
  Document d;
  d.listing = true;
  d.title = "clearpath x: f.json - Plan";
  d.subtitle = {"2 activities"};
  Section& s = d.section("a", "Some title", "(ids as written: Ab)");
  Table& t = s.listing_table({{"#", 3, true}, {"name", 8, false, 2}, {"moved", 6, true}, {"note", 0, false, 2}});
  t.row({"1", "a-very-long-name", "", "x"});
  t.row({"22", "b", "+1.0", ""});  // no gap before an empty last column
  t.more = 3;
  s.line("plain line");
  s.labelled("label", 10, "value", 1);
  s.wrapped("word " + std::string(20, 'w') + " " + std::string(90, 'v'), 1);
  d.section("b", "");  // untitled: a blank line only
  d.sections.back().facts({{"owner", {"bo", Look::bad}}});
  CHECK(text_of(d) ==
        "clearpath x: f.json - Plan\n"
        "  2 activities\n"
        "\n"
        "SOME TITLE (ids as written: Ab)\n"
        "    #  name     moved  note\n"
        "    1  a-very~         x\n"
        "   22  b         +1.0\n"
        "  ... and 3 more (see --format json)\n"
        "  plain line\n"
        "    label     value\n"
        "    word wwwwwwwwwwwwwwwwwwww\n"
        "    " +
            std::string(90, 'v') +
            "\n"
            "\n"
            "  owner: bo\n");
}

TEST_CASE("listing text: colour on the text, never on its indent, and control characters defused", "[report]") {
  Document d;
  d.listing = true;
  d.title = "Plan \033[2J";
  Section& s = d.section("a", "Findings");
  s.line("error kind", 0, Look::bad);
  s.wrapped(std::string(60, 'a') + " " + std::string(60, 'b'), 1, Look::warn);
  s.labelled("gate\nslot", 8, "OPEN", 1, false, Look::bad);
  const std::string plain = text_of(d), color = text_of(d, true);
  CHECK(plain == "Plan  [2J\n\nFINDINGS\n  error kind\n    " + std::string(60, 'a') + "\n    " + std::string(60, 'b') +
                     "\n    gate s~ OPEN\n");
  CHECK(color == "Plan  [2J\n\n\033[1mFINDINGS\033[0m\n  \033[31merror kind\033[0m\n    \033[33m" +
                     std::string(60, 'a') + "\033[0m\n    \033[33m" + std::string(60, 'b') +
                     "\033[0m\n    gate s~ \033[31mOPEN\033[0m\n");
}

TEST_CASE("Markdown and HTML of a listing: notes after titles, lines nested by depth, untitled sections", "[report]") {
  Document d;
  d.listing = true;
  d.title = "clearpath x";
  Section& s = d.section("a", "Gates", "(pending)");
  s.line("g: CANNOT BE GRANTED", 0, Look::bad);
  s.labelled("it-side executive", 34, "OPEN", 1);
  d.section("b", "").line("counted");
  std::ostringstream md, html;
  write_markdown(md, d);
  CHECK(
      md.str() ==
      "# clearpath x\n\n## Gates (pending)\n\n- **g: CANNOT BE GRANTED**\n  - it-side executive: OPEN\n\n- counted\n");
  write_html(html, d);
  CHECK(html.str().find("<h2>Gates (pending)</h2>\n<p style=\"margin: 0 0 0 0em\"><span class=\"bad\">g: CANNOT BE "
                        "GRANTED</span></p>\n"
                        "<p style=\"margin: 0 0 0 1.5em\">it-side executive: OPEN</p>\n") != std::string::npos);
  CHECK(html.str().find("<section id=\"b\">\n<p") != std::string::npos);  // no heading for the untitled section
  CHECK(html.str().find("<a href=\"#b\">") == std::string::npos);
}
