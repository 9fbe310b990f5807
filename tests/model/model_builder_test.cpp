// ModelBuilder (clearpath/model_builder.hpp): models made in memory and checked as files are.
#include <catch2/catch.hpp>

#include <string>
#include <utility>

#include "clearpath/model_builder.hpp"
#include "clearpath/save.hpp"
#include "support/test_support.hpp"

using namespace clearpath;

namespace {

Step step(ModelBuilder& b, std::string id, double days, std::vector<std::string> depends_on = {}) {
  Step s;
  s.id = std::move(id);
  s.duration = Duration::fixed(days);
  for (const std::string& d : depends_on) s.depends_on.push_back(b.intern(d));
  return s;
}

std::string messages(const LoadResult& r) {
  std::string out;
  for (const Diagnostic& d : r.diagnostics.items())
    out += d.code + " " + d.pointer + " [" + d.entity + "] " + std::to_string(d.line) + ":" + std::to_string(d.column) +
           " " + d.message + "\n";
  return out;
}

}  // namespace

TEST_CASE("builder: a model built in memory saves as the file that loads back into it", "[builder]") {
  ModelBuilder b;
  b.set_name("Built");
  b.set_description("made in memory");
  b.set_calendar({"2027-03-01", {"2027-04-02"}});
  b.set_attributes(Attributes::from_json(R"({"as_of": "2027-02-01"})"));
  Person ana;
  ana.id = "ana";
  ana.department = b.intern("data");  // named before it is defined
  ana.capacity = 0.5;
  CHECK(b.add(std::move(ana)));
  Department data;
  data.id = "data";
  data.side = "it";
  CHECK(b.add(std::move(data)));
  Step second = step(b, "second", 2, {"first"});
  second.owner = b.intern("ana");
  CHECK(b.add(std::move(second)));
  CHECK(b.add(step(b, "first", 1.5)));
  CHECK(b.interned_count() == 4);
  CHECK(b.id(0) == "data");  // interned by the reference, before ana herself
  CHECK(b.id(1) == "ana");
  CHECK(b.defined_kind(*b.find("first")) == EntityKind::step);

  LoadResult r = std::move(b).build();
  REQUIRE(r.model);
  CHECK(r.diagnostics.items().empty());
  const Model& m = *r.model;
  CHECK(m.steps()[1].source_index == 1);  // its position among the steps
  CHECK(m.attributes.string_member("as_of") == "2027-02-01");
  CHECK(m.relation_count(Relation::depends_on) == 1);
  const std::string saved = save_model(m);
  CHECK(saved == R"({
  "clearpath": 1,
  "name": "Built",
  "description": "made in memory",
  "calendar": {
    "start": "2027-03-01",
    "holidays": [
      "2027-04-02"
    ]
  },
  "attributes": {
    "as_of": "2027-02-01"
  },
  "people": [
    {
      "id": "ana",
      "department": "data",
      "capacity": 0.5
    }
  ],
  "departments": [
    {
      "id": "data",
      "side": "it"
    }
  ],
  "steps": [
    {
      "id": "second",
      "owner": "ana",
      "duration": 2,
      "depends_on": [
        "first"
      ]
    },
    {
      "id": "first",
      "duration": 1.5
    }
  ]
}
)");
  CHECK(save_model(clearpath::test::load_valid(saved)) == saved);
}

TEST_CASE("builder: problems are diagnostics with pointer and entity, no file position, and no model", "[builder]") {
  ModelBuilder b;
  CHECK(b.add(step(b, "a", 1, {"b"})));
  CHECK(b.add(step(b, "b", 1, {"a", "nowhere"})));
  CHECK_FALSE(b.add(step(b, "a", 3)));  // already defined: refused, nothing stored
  Person p;
  p.id = "p";
  p.reports_to = b.intern("p");
  CHECK(b.add(std::move(p)));
  CHECK(b.model().steps().size() == 2);
  const LoadResult r = std::move(b).build();
  CHECK_FALSE(r.model);
  CHECK(r.diagnostics.error_count() == 3);
  CHECK(messages(r) ==
        "dependency-cycle /steps/0/depends_on/0 [a] 0:0 dependency cycle (2 items, each depends on the next): a -> b "
        "-> a\n"
        "self-reference /people/0/reports_to [p] 0:0 person 'p' reports to themselves\n"
        "unknown-reference /steps/1/depends_on/1 [b] 0:0 unknown reference 'nowhere' in depends_on of step 'b'\n");
  REQUIRE(r.cycles.size() == 1);
  CHECK(r.cycles[0].ids == std::vector<std::string>{"a", "b"});
}

TEST_CASE("builder: warnings alone still give the model", "[builder]") {
  ModelBuilder b;
  Step s = step(b, "s", 1, {"t", "t"});
  CHECK(b.add(std::move(s)));
  CHECK(b.add(step(b, "t", 1)));
  const LoadResult r = std::move(b).build();
  REQUIRE(r.model);
  CHECK(r.diagnostics.warning_count() == 1);
  CHECK(messages(r) ==
        "duplicate-entry /steps/0/depends_on/1 [s] 0:0 't' is listed more than once in depends_on of step 's'\n");
}
