// `clearpath render`: annotated diagrams (org, approvals, deps, conflicts, timeline) as SVG, PNG, PDF or DOT.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "clearpath/render.hpp"
#include "clearpath/save.hpp"
#include "cli/commands.hpp"
#include "util/text.hpp"

namespace clearpath {

CLI::App* add_render_command(CLI::App& command, RenderArgs& args) {
  CLI::App* c = &command;
  c->add_option("file", args.file, "model file (JSON); - reads standard input")->required();
  c->add_option("--view", args.view, "org, approvals, deps, conflicts or timeline")
      ->required()
      ->check(CLI::IsMember({"org", "approvals", "deps", "conflicts", "timeline"}));
  c->add_option("--initiative", args.initiative, "only this initiative (approvals, deps, conflicts, timeline)");
  c->add_option("--focus", args.focus, "deps: draw this step or gate and what is within --depth links of it");
  c->add_option("--depth", args.depth, "deps: links from --focus (default 2); org: levels below the top to draw")
      ->check(CLI::Range(0, 1'000'000));
  c->add_option("--root", args.root, "org: draw this person's sub-organisation");
  c->add_option("--page-per", args.page_per, "org: one page per department, each a file in the -o folder")
      ->check(CLI::IsMember({"department"}));
  c->add_flag("--all-edges", args.all_edges, "deps: draw every dependency, not only those no longer chain implies");
  c->add_option("--max-nodes", args.max_nodes,
                "node budget; larger views are collapsed (default " + std::to_string(kDefaultNodeBudget) + ")")
      ->check(CLI::Range(1, 100'000));
  add_format_option(c, args.format, {OutputFormat::svg, OutputFormat::png, OutputFormat::pdf, OutputFormat::dot},
                    "svg, png, pdf or dot (default: from the -o extension, else svg)");
  c->add_option("-o,--output", args.output, "write to this file (atomically) instead of stdout");
  c->footer(
      "Examples:\n  clearpath render graphs/churn-model.json --view deps -o deps.svg\n"
      "  clearpath render graphs/churn-model.json --view org --root cio -o it-org.png\n"
      "  clearpath render graphs/churn-model.json --view org --page-per department --format png -o org-pages\n"
      "  clearpath render graphs/churn-model.json --view approvals --initiative churn-model -o gates.pdf\n"
      "  clearpath render graphs/churn-model.json --view deps --focus deploy-model-serving --depth 3 -o focus.svg\n"
      "  clearpath render graphs/churn-model.json --view conflicts --format dot | dot -Tsvg > conflicts.svg\n\n"
      "Every diagram has a title (model, view, date) and a legend of the styles it uses. Above the node\n"
      "budget, people are collapsed below a depth and steps into their systems; the title says so.\n"
      "Exit status: 0 ok, 2 invalid input or usage.");
  return c;
}

namespace {

// The format asked for, else the one -o's extension names, else (no extension, or stdout) SVG;
// nullopt for an extension that names no format render writes (-o x.jpg).
std::optional<DiagramFormat> choose_format(const RenderArgs& args) {
  if (args.format) return diagram_format(*args.format);
  if (const auto f = format_of_extension(args.output);
      f == OutputFormat::svg || f == OutputFormat::png || f == OutputFormat::pdf || f == OutputFormat::dot)
    return diagram_format(*f);
  if (std::filesystem::path(args.output).has_extension()) return std::nullopt;
  return DiagramFormat::svg;
}

}  // namespace

// A department's id as a file name: letters, digits, '.', '_' and '-' kept, anything else '_'.
std::string file_name_of(const std::string& id) {
  std::string out;
  for (unsigned char c : id) out += std::isalnum(c) || c == '.' || c == '_' || c == '-' ? static_cast<char>(c) : '_';
  if (out.empty() || out[0] == '.') out.insert(out.begin(), '_');
  return out;
}

// --page-per department: each department with people, one file each in the -o folder, named by
// its id. Each is drawn (and checked) before any is written.
int render_pages(Session& s, const RenderArgs& args, const Model& m, RenderOptions options, DiagramFormat format) {
  namespace fs = std::filesystem;
  if (args.output.empty() || args.output == "-" || fs::path(args.output).has_extension()) {
    s.io().err << "clearpath: error: --page-per department writes one file per department into a folder: "
               << (args.output.empty() || args.output == "-"
                       ? std::string("give one with -o")
                       : "-o " + quote_text(args.output) + " names a file (give a folder, without an extension)")
               << "\n";
    return kExitInvalid;
  }
  std::set<Ref> staffed;
  for (const Person& p : m.people())
    if (p.department != kNoRef) staffed.insert(p.department);
  std::vector<std::pair<std::string, std::string>> pages;  // file name -> drawing
  std::set<std::string> names;
  std::vector<Ref> departments(staffed.begin(), staffed.end());
  std::sort(departments.begin(), departments.end(), [&](Ref a, Ref b) { return m.id(a) < m.id(b); });
  for (Ref d : departments) {
    options.department = m.id(d);
    std::string name = file_name_of(m.id(d));
    while (!names.insert(name).second) name += "_";
    const std::string drawn = s.in_phase("drawing the " + m.id(d) + " page",
                                         [&] { return render_diagram(build_diagram(m, options), format); });
    pages.emplace_back(name + "." + format_name(format), drawn);
  }
  for (const auto& [file, drawn] : pages) s.refuse_overwriting_input((fs::path(args.output) / file).string());
  std::error_code ec;
  fs::create_directories(args.output, ec);
  if (ec) {
    s.io().err << "clearpath: error: cannot create " << args.output << ": " << ec.message() << "\n";
    return kExitInvalid;
  }
  for (const auto& [file, drawn] : pages) write_file_atomically((fs::path(args.output) / file).string(), drawn);
  return kExitOk;
}

int run_render(Session& s, const RenderArgs& args) {
  const std::optional<DiagramFormat> chosen = choose_format(args);
  if (!chosen) {
    s.io().err << "clearpath: error: -o " << quote_text(args.output)
               << ": render writes svg, png, pdf or dot (.svg, .png, .pdf, .dot or .gv), or give --format\n";
    return kExitInvalid;
  }
  const DiagramFormat format = *chosen;
  const bool to_stdout = args.output.empty() || args.output == "-";
  if (to_stdout && s.io().terminal.out_is_tty && (format == DiagramFormat::png || format == DiagramFormat::pdf)) {
    s.io().err << "clearpath: error: " << format_name(format) << " is binary: write it to a file with -o\n";
    return kExitInvalid;
  }
  LoadResult& r = s.load(args.file, true);
  if (!r.model) return kExitInvalid;
  RenderOptions options;
  options.view = *parse_view(args.view);
  options.initiative = args.initiative;
  options.focus = args.focus;
  options.depth = args.depth;
  options.root = args.root;
  options.all_edges = args.all_edges;
  if (args.max_nodes) options.node_budget = args.max_nodes;
  if (!args.page_per.empty()) {
    if (options.view != View::org) {
      s.io().err << "clearpath: error: --page-per department applies to the org view, not to --view " << args.view
                 << "\n";
      return kExitInvalid;
    }
    if (!args.root.empty()) {
      s.io().err << "clearpath: error: --root and --page-per department: give one of them\n";
      return kExitInvalid;
    }
    return render_pages(s, args, *r.model, options, format);
  }
  const Diagram diagram =
      s.in_phase("building the " + args.view + " diagram", [&] { return build_diagram(*r.model, options); });
  const std::string drawn =
      s.in_phase("laying out the " + args.view + " diagram", [&] { return render_diagram(diagram, format); });
  s.emit(args.output, drawn);
  return kExitOk;
}

}  // namespace clearpath
