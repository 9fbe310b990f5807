// `clearpath analyze`: every analysis, one ranked list of findings, an executive summary, and
// with -o the diagrams of every view written next to the report.
#include <filesystem>
#include <sstream>

#include "clearpath/analyze.hpp"
#include "clearpath/render.hpp"
#include "cli/commands.hpp"
#include "report/analyze_report.hpp"
#include "util/text.hpp"

namespace clearpath {
namespace {

namespace fs = std::filesystem;

// -o names the report file when it ends in a report format's extension (.txt, .json, .md,
// .html): the report alone. Anything else is a folder that receives report.<ext> and a diagram
// of every view, <view>.svg, which the Markdown report links and the HTML report embeds.
struct Destination {
  OutputFormat format = OutputFormat::text;
  fs::path report;  // empty: standard output
  fs::path folder;  // where the diagrams go (empty: none are written)
};

bool is_report_format(const std::optional<OutputFormat>& f) {
  return f == OutputFormat::text || f == OutputFormat::json || f == OutputFormat::markdown || f == OutputFormat::html;
}

// Where the report and the diagrams go, and in which format; nullopt (after saying why) when -o
// is a file that is not a folder.
std::optional<Destination> destination(Session& s, const AnalyzeArgs& args) {
  Destination dest;
  dest.format = args.format.value_or(OutputFormat::text);
  if (args.output.empty() || args.output == "-") return dest;
  const fs::path out(args.output);
  std::error_code ec;
  if (const auto f = format_of_extension(args.output); is_report_format(f) && !fs::is_directory(out, ec)) {
    dest.report = out;
    dest.format = args.format.value_or(*f);
    return dest;
  }
  // A diagram's or an export's extension is a mistake, not a folder's name.
  if (const auto f = format_of_extension(args.output); f && !fs::is_directory(out, ec)) {
    s.io().err << "clearpath: error: -o " << quote_text(args.output) << ": analyze writes a report (.txt, .json, .md, "
               << ".html) or a folder of the report and its diagrams; `clearpath render` draws one diagram\n";
    return std::nullopt;
  }
  dest.folder = out;
  dest.report = out / (std::string("report.") + output_format_extension(dest.format));
  if (fs::exists(dest.folder, ec) && !fs::is_directory(dest.folder, ec)) {
    s.io().err << "clearpath: error: " << dest.folder.string() << " is not a folder\n";
    return std::nullopt;
  }
  return dest;
}

const char* view_caption(View v) {
  switch (v) {
    case View::org: return "Organisation: departments, reporting lines, missing co-pilots";
    case View::approvals: return "Approval path: gates in order, who fills each slot";
    case View::deps: return "Dependencies: critical path, longest legacy chain, blockers";
    case View::conflicts: return "Priorities: how departments rank the initiatives";
    case View::timeline: return "Timeline: when the work happens, planned and levelled";
  }
  return "";
}

// Diagrams: files with -o, and inline SVG for the HTML page (drawn in memory either way).
std::vector<ReportDiagram> draw_diagrams(Session& s, const Model& model, const AnalyzeArgs& args, bool to_files) {
  std::vector<ReportDiagram> diagrams;
  for (View v : kViews) {
    RenderOptions o;
    o.view = v;
    if (v != View::org) o.initiative = args.initiative;
    if (args.max_nodes) o.node_budget = args.max_nodes;
    ReportDiagram d{view_name(v), view_caption(v), "", "", ""};
    try {
      d.svg = s.in_phase("drawing the " + std::string(view_name(v)) + " diagram",
                         [&] { return render_diagram(build_diagram(model, o), DiagramFormat::svg); });
      if (to_files) d.file = std::string(view_name(v)) + ".svg";
    } catch (const RenderError& e) {
      // The report is worth more than one diagram: say so and go on without it.
      s.io().err << "clearpath: warning: the " << view_name(v) << " diagram could not be drawn: " << e.what() << "\n";
      d.error = e.what();
    }
    diagrams.push_back(std::move(d));
  }
  return diagrams;
}

// Into a folder: the report is made first (in memory), so that nothing is written when making
// it fails; then the diagrams, each atomically, then the report. A diagram that could not be
// drawn this time does not leave last run's file behind.
bool write_into_folder(Session& s, const Destination& dest, const AnalyzeReportOptions& report,
                       const std::function<void(std::ostream&)>& write_report) {
  std::ostringstream content;
  write_report(content);
  for (const ReportDiagram& d : report.diagrams)
    if (!d.file.empty()) s.refuse_overwriting_input((dest.folder / d.file).string());
  s.refuse_overwriting_input(dest.report.string());
  std::error_code ec;
  fs::create_directories(dest.folder, ec);
  if (ec) {
    s.io().err << "clearpath: error: cannot create " << dest.folder.string() << ": " << ec.message() << "\n";
    return false;
  }
  for (const ReportDiagram& d : report.diagrams) {
    if (!d.file.empty()) write_file_atomically((dest.folder / d.file).string(), d.svg);
    else fs::remove(dest.folder / (d.view + ".svg"), ec);
  }
  write_file_atomically(dest.report.string(), content.str());
  return true;
}

AnalyzeOptions analyze_options(Session& s, const AnalyzeArgs& args) {
  AnalyzeOptions options;
  options.initiative = args.initiative;
  options.simulate = args.simulate;
  options.seed = args.seed;
  options.near_days = args.near;
  options.top = args.top;
  options.threads = s.io().terminal.threads;
  options.observer = s.progress();
  return options;
}

}  // namespace

CLI::App* add_analyze_command(CLI::App& command, AnalyzeArgs& args) {
  CLI::App* c = &command;
  c->add_option("file", args.file, "model file (JSON); - reads standard input")->required();
  c->add_option("--initiative", args.initiative, "only this initiative's work and what it depends on");
  c->add_option("-o,--output", args.output,
                "a folder for report.<ext> and the diagrams of every view (<view>.svg), or a report file "
                "(.txt, .json, .md, .html) alone");
  add_format_option(c, args.format,
                    {OutputFormat::text, OutputFormat::json, OutputFormat::markdown, OutputFormat::html},
                    "text (default), json, md or html; default from -o's extension");
  c->add_option("--fail-on", args.fail_on,
                "exit 1 on findings of this severity or worse: error (default), warning, never")
      ->check(CLI::IsMember({"error", "warning", "never"}));
  c->add_option("--simulate", args.simulate, "Monte Carlo runs for the P80 date (e.g. 10000)")
      ->check(CLI::Range(0, 100'000'000));
  c->add_option("--seed", args.seed, "seed of the simulation (same seed, same figures)");
  c->add_option("--near", args.near, "near-critical: total float below this many days (default 5)")
      ->check(CLI::Range(0.0, 1e6));
  c->add_option("--top", args.top,
                "departments should rank initiatives they hold critical work on in their top N (default 3)")
      ->check(CLI::Range(1, 1'000'000));
  c->add_option("--max-nodes", args.max_nodes, "largest diagram before it is collapsed (default 300)")
      ->check(CLI::Range(1, 10'000'000));
  c->footer(
      "Examples:\n  clearpath analyze graphs/churn-model.json\n"
      "  clearpath analyze graphs/churn-model.json --format html -o report/     report/report.html + 5 diagrams\n"
      "  clearpath analyze graphs/churn-model.json -o churn.html                one page, diagrams inside\n"
      "  clearpath analyze graphs/churn-model.json --simulate 10000 --format json -o churn.json\n"
      "  clearpath analyze plan.json --fail-on warning                          in CI: exit 1 on any warning\n\n"
      "Exit status: 0 no findings at or above --fail-on, 1 some, 2 invalid input or usage.");
  return c;
}

int run_analyze(Session& s, const AnalyzeArgs& args) {
  const std::optional<Destination> dest = destination(s, args);
  if (!dest) return kExitInvalid;
  LoadResult& r = s.load(args.file, true);
  if (!r.model) return kExitInvalid;
  const AnalyzeOptions options = analyze_options(s, args);
  const Analysis analysis = analyze_model(*r.model, options);
  AnalyzeReportOptions report;
  report.file = Session::display(args.file);
  report.diagnostics = &r.diagnostics;
  const bool to_folder = !dest->folder.empty();
  if (to_folder || dest->format == OutputFormat::html) report.diagrams = draw_diagrams(s, *r.model, args, to_folder);

  const bool to_file = !dest->report.empty();
  const bool color =
      dest->format == OutputFormat::text && !to_file && s.io().terminal.out_is_tty && !s.io().terminal.no_color;
  auto write_report = [&](std::ostream& out) {
    if (dest->format == OutputFormat::json) return write_analyze_json(out, *r.model, analysis, options, report);
    const Document d = analyze_document(*r.model, analysis, report);
    if (dest->format == OutputFormat::markdown) write_markdown(out, d);
    else if (dest->format == OutputFormat::html) write_html(out, d);
    else write_text(out, d, color);
  };
  if (!to_folder) s.emit(to_file ? dest->report.string() : std::string(), write_report);
  else if (!s.in_phase("writing " + dest->folder.string(),
                       [&] { return write_into_folder(s, *dest, report, write_report); }))
    return kExitInvalid;
  return exit_for_findings(plain_findings(analysis.findings), args.fail_on);
}

}  // namespace clearpath
