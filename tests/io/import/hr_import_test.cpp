// `clearpath import hr`: HR exports (tests/data/hr) read through libcsv, and the models made of
// them, new or merged. Line numbers in the expected messages were counted in the files by hand.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "clearpath/hr_import.hpp"
#include "clearpath/render.hpp"
#include "clearpath/save.hpp"
#include "io/import/csv_reader.hpp"
#include "support/test_support.hpp"

using namespace clearpath;
using clearpath::test::load_valid;
using clearpath::test::read_source_file;

namespace {

// The imported model, REQUIREd present, as it loads back from the file save_model writes.
Model valid_model(const HrImportResult& r) {
  REQUIRE(r.model);
  return load_valid(save_model(*r.model));
}

Model import_model(const std::string& relative, const HrImportOptions& options = {}, const Model* into = nullptr) {
  const HrImportResult r = import_hr(read_source_file("tests/data/hr/" + relative), relative, options, into);
  return valid_model(r);
}

std::vector<std::string> problems_of(const std::string& csv, const HrImportOptions& options = {},
                                     const Model* into = nullptr) {
  try {
    import_hr(csv, "x.csv", options, into);
  } catch (const HrImportError& e) {
    return e.problems();
  }
  FAIL("no HrImportError");
  return {};
}

std::string id_or_empty(const Model& m, Ref r) { return r == kNoRef ? std::string() : m.id(r); }

// "id|name|title|department|manager" per person, in model order.
std::vector<std::string> people_rows(const Model& m) {
  std::vector<std::string> out;
  for (const Person& p : m.people())
    out.push_back(p.id + "|" + p.name + "|" + p.title + "|" + id_or_empty(m, p.department) + "|" +
                  id_or_empty(m, p.reports_to));
  return out;
}

// "id|name|side|head" per department.
std::vector<std::string> department_rows(const Model& m) {
  std::vector<std::string> out;
  for (const Department& d : m.departments())
    out.push_back(d.id + "|" + d.name + "|" + d.side + "|" + id_or_empty(m, d.head));
  return out;
}

const std::vector<std::string> kSmallPeople = {
    "ceo|Ana Reyes|Chief Executive Officer|dept-executive|",
    "cio|Ben Okafor|Chief Information Officer|dept-it|ceo",
    "eng1|Chen Wei|Senior Engineer|dept-it|cio",
    "mkt|Dana Levi|Marketing Director|dept-marketing|ceo",
};
const std::vector<std::string> kSmallDepartments = {
    "dept-executive|Executive||ceo",
    "dept-it|IT||cio",
    "dept-marketing|Marketing||mkt",
};

}  // namespace

TEST_CASE("hr: a small export gives exactly its people, departments and managers", "[hr]") {
  HrImportOptions o;
  o.model_name = "Small";
  const HrImportResult r = import_hr(read_source_file("tests/data/hr/small.csv"), "small.csv", o);
  const Model m = valid_model(r);
  CHECK(m.name == "Small");
  CHECK(people_rows(m) == kSmallPeople);
  CHECK(department_rows(m) == kSmallDepartments);
  CHECK(r.summary.rows == 4);
  CHECK(r.summary.people_added == 4);
  CHECK(r.summary.departments_added == 3);
  CHECK(r.summary.reporting_lines == 3);
  // save_model round trip: the same model
  CHECK(people_rows(load_valid(save_model(m))) == kSmallPeople);
}

TEST_CASE("hr: BOM and CRLF, semicolons and tabs read the same as plain CSV", "[hr]") {
  CHECK(people_rows(import_model("bom-crlf.csv")) == kSmallPeople);
  CHECK(department_rows(import_model("bom-crlf.csv")) == kSmallDepartments);
  std::vector<std::string> with_group = kSmallPeople;
  with_group[1] = "cio|Ben Okafor|Chief Information Officer, Group|dept-it|ceo";
  CHECK(people_rows(import_model("semicolon.csv")) == with_group);
  CHECK(people_rows(import_model("tab.tsv")) == with_group);
  HrImportOptions tab;
  tab.delimiter = '\t';
  CHECK(people_rows(import_model("tab.tsv", tab)) == with_group);
  CHECK(detect_csv_delimiter("a;b;c\n1,2;3") == ';');
  CHECK(detect_csv_delimiter("a\tb\n") == '\t');
  CHECK(detect_csv_delimiter("\"a;b\",c\n") == ',');
  CHECK(detect_csv_delimiter("abc\n") == ',');
}

TEST_CASE("hr: quoted commas, newlines and doubled quotes, and header aliases", "[hr]") {
  const Model m = import_model("quoted.csv");
  CHECK(people_rows(m) == std::vector<std::string>{
                              "1|Reyes, Ana|Chief Executive Officer, Group|dept-executive|",
                              "2|Ben \"Benny\" Okafor|Director,\nData & Analytics|dept-data-analytics|1",
                              "3|Chen Wei|Engineer|dept-data-analytics|2",
                          });
  CHECK(department_rows(m) ==
        std::vector<std::string>{"dept-executive|Executive||1", "dept-data-analytics|Data & Analytics||2"});
  // Records know their first line, past quoted newlines.
  const CsvTable t = read_csv(read_source_file("tests/data/hr/quoted.csv"), "quoted.csv");
  REQUIRE(t.records.size() == 4);
  CHECK(t.records[2].line == 3);
  CHECK(t.records[3].line == 5);
}

TEST_CASE("hr: First Name + Last Name, explicit columns and --attribute", "[hr]") {
  HrImportOptions o;
  o.columns.id = "personnel no";  // case-insensitive
  o.columns.manager = "Supervisor";
  o.columns.title = "Position";
  o.attribute_columns = {"Cost Centre"};
  const Model m = import_model("first-last.csv", o);
  CHECK(people_rows(m) == std::vector<std::string>{"100|Ana Reyes|CEO||", "101|Ben Okafor|CIO||100"});
  CHECK(m.people()[1].attributes.json() == R"({"Cost Centre":"CC-2"})");
}

TEST_CASE("hr: every bad row is reported with its line and id", "[hr]") {
  const std::vector<std::string> p = problems_of(read_source_file("tests/data/hr/bad-rows.csv"));
  CHECK(p == std::vector<std::string>{
                 // NOLINTNEXTLINE(bugprone-suspicious-missing-comma): one message, split over two lines
                 "x.csv:4: unknown manager 'Alice' of employee 'a2' (that is the name of employee 'a1': the manager "
                 "column must "
                 "hold ids; choose it with --manager)",
                 "x.csv:5: duplicate employee id 'a1': already on line 2",
                 "x.csv:6: empty employee id (name 'Dan')",
                 "x.csv:7: wrong number of fields: 4, the header has 5 (employee 'a3')",
                 "x.csv:8: manager cycle (3 people): a4 -> a5 -> a6 -> a4 (lines 8, 10, 11)",
                 "x.csv:12: employee 'a7' is their own manager",
                 "x.csv:13: invalid employee id 'a\\x01b': it contains a control character",
                 "x.csv:14: not UTF-8: byte 0xff at column 8 (save the export as \"CSV UTF-8\", or read it with "
                 "--encoding windows-1252)",
                 "x.csv:15: employee id 'dept-ops' is also the id of department 'Ops' (line 2)",
                 "x.csv:16: unknown manager 'nobody' of employee 'a9'",
             });
}

TEST_CASE("hr: malformed quoting stops the reading at its line", "[hr]") {
  CHECK(problems_of(read_source_file("tests/data/hr/unclosed.csv")) ==
        std::vector<std::string>{
            "x.csv:3: a quoted field of the record starting on this line is never closed (a \" is missing)"});
  const auto stray = problems_of(read_source_file("tests/data/hr/stray-quote.csv"));
  REQUIRE(stray.size() == 1);
  CHECK(stray[0].rfind("x.csv:3: malformed quoting at column 5", 0) == 0);
  CHECK(problems_of("") == std::vector<std::string>{"x.csv: empty: no header line"});
  CHECK(problems_of("Employee ID,Name\n") ==
        std::vector<std::string>{"x.csv:1: no employees: the file has a header line only"});
}

TEST_CASE("hr: header problems", "[hr]") {
  const std::string csv = read_source_file("tests/data/hr/small.csv");
  HrImportOptions o;
  o.columns.id = "Personnel No";
  CHECK(
      problems_of(csv, o) ==
      std::vector<std::string>{"x.csv:1: no column 'Personnel No' (--id) in the header; the header has: 'Employee ID', "
                               "'Name', 'Title', 'Department', 'Manager ID'"});
  o = {};
  o.columns.manager = "manager-id";
  CHECK(problems_of(csv, o) ==
        std::vector<std::string>{
            "x.csv:1: no column 'manager-id' (--manager) in the header (did you mean 'Manager ID'?); "
            "the header has: 'Employee ID', 'Name', 'Title', 'Department', 'Manager ID'"});
  const auto missing = problems_of("Name,Title\nAna,CEO\n");
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].rfind("x.csv:1: no employee id column: looked for 'Employee ID' and EmployeeID", 0) == 0);
  CHECK(problems_of("Employee ID,Name,name\n1,a,b\n") ==
        std::vector<std::string>{"x.csv:1: column 'name' appears twice in the header (columns 2 and 3)"});
  // Optional columns may be missing: people without title, department or manager.
  const HrImportResult r = import_hr("Employee ID,Name\n1,Ana\n", "x.csv", {});
  CHECK(people_rows(valid_model(r)) == std::vector<std::string>{"1|Ana|||"});
}

TEST_CASE("hr: a manager cycle of 100,000 people is one short line, abbreviated as the loader's", "[hr]") {
  // e0 reports to e1, ... e99999 to e0; row k is on line k + 2.
  constexpr std::size_t n = 100000;
  std::string csv = "Employee ID,Name,Manager ID\n";
  for (std::size_t k = 0; k < n; ++k)
    csv.append("e")
        .append(std::to_string(k))
        .append(",N")
        .append(std::to_string(k))
        .append(",e")
        .append(std::to_string((k + 1) % n))
        .append("\n");  // appended: g++ 12 warns falsely (-Wrestrict) of "e" + string
  const auto p = problems_of(csv);
  REQUIRE(p.size() == 1);
  CHECK(p[0] ==
        "x.csv:2: manager cycle (100000 people): e0 -> e1 -> e2 -> e3 -> e4 -> e5 -> e6 -> e7 -> e8 -> e9 -> ... "
        "(99989 more) -> e99999 -> e0 (lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, ... (99988 more))");
  // Short cycles are written whole, as before.
  CHECK(problems_of("Employee ID,Name,Manager ID\na,A,b\nb,B,a\n") ==
        std::vector<std::string>{"x.csv:2: manager cycle (2 people): a -> b -> a (lines 2, 3)"});
}

TEST_CASE("hr: --roles-from-title matches in linear time (RE2), so a backtracking pattern is harmless", "[hr]") {
  // '^(a+)+$' against 30 a's and a '!' took std::regex minutes of backtracking.
  HrImportOptions o;
  o.title_roles = {{"^(a+)+$", "executive"}, {"^(a|aa)*$", "director"}};
  const std::string as(30, 'a');
  const Model m = valid_model(import_hr("Employee ID,Name,Title\ne1,Ann," + as + "!\ne2,Bo," + as + "\n", "x.csv", o));
  CHECK(m.people()[0].roles.empty());
  CHECK(m.people()[1].roles == std::vector<std::string>{"executive", "director"});
  // What RE2 does not have is a clear problem of the option.
  for (const char* pattern : {"(a)\\1", "chief(?=x)", "(?<!vp)chief"}) {
    INFO(pattern);
    HrImportOptions bad;
    bad.title_roles = {{pattern, "executive"}};
    const auto p = problems_of("Employee ID,Name,Title\ne1,Ann,Chief\n", bad);
    REQUIRE(p.size() == 1);
    CHECK_THAT(p[0], Catch::Matchers::StartsWith("--roles-from-title '" + std::string(pattern) +
                                                 "=executive': invalid regular expression '" + pattern +
                                                 "' (RE2 syntax: no backreferences or lookaround): "));
  }
}

TEST_CASE("hr: --side-of and --roles-from-title", "[hr]") {
  HrImportOptions o;
  o.sides = {{"it", "it"}, {"dept-marketing", "business"}, {"Executive", "business"}};
  o.title_roles = {{"^chief", "executive"}, {"director|officer", "director"}, {"ENGINEER", "engineer"}};
  const Model m = import_model("small.csv", o);
  CHECK(department_rows(m) == std::vector<std::string>{"dept-executive|Executive|business|ceo", "dept-it|IT|it|cio",
                                                       "dept-marketing|Marketing|business|mkt"});
  CHECK(m.people()[0].roles == std::vector<std::string>{"executive", "director"});
  CHECK(m.people()[2].roles == std::vector<std::string>{"engineer"});
  CHECK(m.people()[3].roles == std::vector<std::string>{"director"});

  const std::string csv = read_source_file("tests/data/hr/small.csv");
  HrImportOptions bad;
  bad.sides = {{"Finance", "business"}, {"IT", "IT"}};
  bad.title_roles = {{"(", "executive"}, {"chief", "executiv"}, {"x", "Exec Utive"}};
  const auto p = problems_of(csv, bad);
  REQUIRE(p.size() == 4);
  CHECK(p[0].rfind("--roles-from-title '(=executive': invalid regular expression '('", 0) == 0);
  CHECK(p[1].rfind("--roles-from-title 'chief=executiv': unknown role 'executiv' (did you mean 'executive'?)", 0) == 0);
  CHECK(p[2].rfind("--roles-from-title 'x=Exec Utive': invalid role 'Exec Utive'", 0) == 0);
  CHECK(p[3].rfind("--side-of 'IT=IT': invalid side 'IT'", 0) == 0);
  bad = {};
  bad.sides = {{"Marketting", "business"}};
  CHECK(problems_of(csv, bad) ==
        std::vector<std::string>{
            "--side-of 'Marketting=business': no department 'Marketting' in x.csv (did you mean 'Marketing'?)"});
  HrImportOptions fallback;
  fallback.sides = {{"IT", "it"}};
  fallback.default_side = "business";
  CHECK(department_rows(import_model("small.csv", fallback)) ==
        std::vector<std::string>{"dept-executive|Executive|business|ceo", "dept-it|IT|it|cio",
                                 "dept-marketing|Marketing|business|mkt"});
  HrImportOptions custom;  // a role no approval rule knows yet is fine
  custom.title_roles = {{"marketing", "storyteller"}};
  CHECK(import_model("small.csv", custom).people()[3].roles == std::vector<std::string>{"storyteller"});
}

TEST_CASE("hr: --into keeps the model's entities and merges people and departments", "[hr]") {
  const Model base = load_valid(read_source_file("tests/data/hr/base-model.json"));
  HrImportOptions o;
  o.title_roles = {{"chief|ceo", "executive"}};
  o.sides = {{"Executive", "business"}};
  const HrImportResult r = import_hr(read_source_file("tests/data/hr/merge.csv"), "merge.csv", o, &base);
  const Model m = valid_model(r);
  CHECK(m.name == base.name);
  CHECK(people_rows(m) == std::vector<std::string>{
                              "ben|Ben Okafor|Chief Information Officer|it|ana",
                              "olga|Olga Ivanova|Consultant|it|ben",
                              "ana|Ana Reyes|CEO|dept-executive|",
                              "zed|Zed Nowak|ML Engineer|it|ben",
                          });
  // it had no head: Ben is the one member of it (in the export) whose manager is outside it.
  CHECK(department_rows(m) == std::vector<std::string>{"it|Information Technology|it|ben", "sales|Sales|business|",
                                                       "dept-executive|Executive|business|ana"});
  const Person& ben = m.people()[0];
  CHECK(ben.roles == std::vector<std::string>{"engineer", "executive"});
  CHECK(ben.skills == std::vector<std::string>{"cobol"});
  CHECK(ben.capacity == 0.5);
  CHECK_FALSE(m.people()[1].available);
  CHECK(m.systems().size() == 1);
  CHECK(m.steps().size() == 1);
  CHECK(m.approvals().size() == 1);
  CHECK(m.initiatives().size() == 1);
  CHECK(m.departments()[0].priorities.size() == 1);
  CHECK(r.summary.people_added == 2);
  CHECK(r.summary.people_updated == 1);
  CHECK(r.summary.departments_added == 1);
  CHECK(r.summary.departments_matched == 1);

  CHECK(problems_of(read_source_file("tests/data/hr/merge-collision.csv"), {}, &base) ==
        std::vector<std::string>{"x.csv:3: employee id 'billing' is already the id of a system in the model"});
  // A cycle through a person of the model who is not in the export.
  CHECK(problems_of("Employee ID,Name,Manager ID\nben,Ben,olga\n", {}, &base) ==
        std::vector<std::string>{"x.csv:2: manager cycle (2 people): ben -> olga -> ben (lines 2)"});
}

TEST_CASE("hr: the imported org renders", "[hr]") {
  HrImportOptions o;
  o.sides = {{"IT", "it"}, {"Marketing", "business"}};
  const Model m = import_model("small.csv", o);
  RenderOptions ro;
  ro.view = View::org;
  const Diagram d = build_diagram(m, ro);
  CHECK(d.clusters.size() == 3);
  const std::string svg = render_diagram(d, DiagramFormat::svg);
  CHECK(svg.rfind("<?xml", 0) == 0);
  CHECK(svg.find("Chen Wei") != std::string::npos);
}

TEST_CASE("hr: Windows-1252 exports with --encoding, and an error without", "[hr]") {
  const std::string csv = read_source_file("tests/data/hr/windows-1252.csv");
  CHECK(problems_of(csv) ==
        std::vector<std::string>{"x.csv:2: not UTF-8: byte 0xe9 at column 5 (save the export as \"CSV UTF-8\", "
                                 "or read it with --encoding windows-1252)"});
  HrImportOptions o;
  o.windows1252 = true;
  const Model m = valid_model(import_hr(csv, "x.csv", o));
  CHECK(people_rows(m) == std::vector<std::string>{"7|Clément Dubois|Responsable d’équipe – €||"});
}

TEST_CASE("hr: department ids", "[hr]") {
  CHECK(hr_department_id("R&D (Paris)") == "dept-r-d-paris");
  CHECK(hr_department_id("  IT  ") == "dept-it");
  CHECK(hr_department_id("Développement") == "dept-développement");
  CHECK(hr_department_id("&&") == "");
  CHECK(problems_of("Employee ID,Name,Department\n1,Ana,R&D\n2,Ben,R-D\n3,Chen,r&d\n4,Dan,&&\n5,Eve,&&\n") ==
        std::vector<std::string>{
            "x.csv:3: departments 'R&D' (line 2) and 'R-D' both get the id 'dept-r-d'; rename one of them",
            "x.csv:5: department '&&' has no letter or digit to make its id of"});
  // Names differing only in case are one department, named as first written.
  const Model m = valid_model(import_hr("Employee ID,Name,Department\n1,Ana,IT\n2,Ben,it\n", "x.csv", {}));
  CHECK(department_rows(m) == std::vector<std::string>{"dept-it|IT||"});
}
