// `clearpath analyze`: every analysis, one ranked list of findings, an executive summary, and
// with -o the diagrams of every view written next to the report.
#include <chrono>
#include <filesystem>
#include <sstream>

#include "cli/commands.hpp"
#include "clearpath/analyze.hpp"
#include "clearpath/render.hpp"
#include "report/analyze_report.hpp"

namespace clearpath {
namespace {

namespace fs = std::filesystem;

const char* extension_of(const std::string& format) {
  if (format == "json") return "json";
  if (format == "md") return "md";
  if (format == "html") return "html";
  return "txt";
}

// -o names the report file when it ends in a report format's extension (.txt, .json, .md,
// .html): the report alone. Anything else is a folder that receives report.<ext> and a diagram
// of every view, <view>.svg, which the Markdown report links and the HTML report embeds.
struct Destination {
  fs::path report;        // empty: standard output
  fs::path folder;        // where the diagrams go (empty: none are written)
};

std::optional<std::string> format_of_extension(const fs::path& p) {
  std::string e = p.extension().string();
  for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (e == ".txt") return "text";
  if (e == ".json") return "json";
  if (e == ".md") return "md";
  if (e == ".html" || e == ".htm") return "html";
  return std::nullopt;
}

const char* view_caption(View v) {
  switch (v) {
    case View::org: return "Organisation: departments, reporting lines, missing co-pilots";
    case View::approvals: return "Approval path: gates in order, who fills each slot";
    case View::deps: return "Dependencies: critical path, longest legacy chain, blockers";
    case View::conflicts: return "Priorities: how departments rank the initiatives";
  }
  return "";
}

}  // namespace

CLI::App* add_analyze_command(CLI::App& app, AnalyzeArgs& args) {
  CLI::App* c = app.add_subcommand("analyze", "Everything at once: summary, every analysis, ranked findings, diagrams");
  c->add_option("file", args.file, "model file (JSON); - reads standard input")->required();
  c->add_option("--initiative", args.initiative, "only this initiative's work and what it depends on");
  c->add_option("-o,--output", args.output,
                "a folder for report.<ext> and the diagrams of every view (<view>.svg), or a report file "
                "(.txt, .json, .md, .html) alone");
  c->add_option("--format", args.format, "text (default), json, md or html; default from -o's extension")
      ->check(CLI::IsMember({"text", "json", "md", "html"}));
  c->add_option("--fail-on", args.fail_on, "exit 1 on findings of this severity or worse: error (default), warning, never")
      ->check(CLI::IsMember({"error", "warning", "never"}));
  c->add_option("--simulate", args.simulate, "Monte Carlo runs for the P80 date (e.g. 10000)")->check(CLI::Range(0, 100'000'000));
  c->add_option("--seed", args.seed, "seed of the simulation (same seed, same figures)");
  c->add_option("--near", args.near, "near-critical: total float below this many days (default 5)")->check(CLI::Range(0.0, 1e6));
  c->add_option("--top", args.top, "departments should rank initiatives they hold critical work on in their top N (default 3)")
      ->check(CLI::Range(1, 1'000'000));
  c->add_option("--max-nodes", args.max_nodes, "largest diagram before it is collapsed (default 300)")->check(CLI::Range(1, 10'000'000));
  c->footer(
      "Examples:\n  clearpath analyze graphs/churn-model.json\n"
      "  clearpath analyze graphs/churn-model.json --format html -o report/     report/report.html + 4 diagrams\n"
      "  clearpath analyze graphs/churn-model.json -o churn.html                one page, diagrams inside\n"
      "  clearpath analyze graphs/churn-model.json --simulate 10000 --format json -o churn.json\n"
      "  clearpath analyze plan.json --fail-on warning                          in CI: exit 1 on any warning\n\n"
      "Exit status: 0 no findings at or above --fail-on, 1 some, 2 invalid input or usage.");
  return c;
}

int run_analyze(Session& s, const AnalyzeArgs& args) {
  Destination dest;
  std::string format = args.format;
  if (!args.output.empty() && args.output != "-") {
    const fs::path out(args.output);
    if (const auto f = format_of_extension(out); f && !fs::is_directory(out)) {
      dest.report = out;
      if (format.empty()) format = *f;
    } else {
      dest.folder = out;
      if (format.empty()) format = "text";
      dest.report = out / (std::string("report.") + extension_of(format));
    }
    std::error_code ec;
    if (fs::exists(dest.folder, ec) && !fs::is_directory(dest.folder, ec)) {
      s.io().err << "clearpath: error: " << dest.folder.string() << " is not a folder\n";
      return kExitInvalid;
    }
  }
  if (format.empty()) format = "text";

  LoadResult r = s.load(args.file, true);
  if (!r.model) return kExitInvalid;
  AnalyzeOptions options;
  options.initiative = args.initiative;
  options.simulate = args.simulate;
  options.seed = args.seed;
  options.near_days = args.near;
  options.top = args.top;
  options.threads = s.io().terminal.threads;
  options.progress = s.progress_bar("simulating");
  Analysis analysis;
  try {
    analysis = analyze_model(*r.model, options);
  } catch (const ScheduleError& e) {
    s.io().err << "clearpath: error: " << e.what() << "\n";
    return kExitInvalid;
  } catch (const CopilotError& e) {
    s.io().err << "clearpath: error: " << e.what() << "\n";
    return kExitInvalid;
  } catch (const ConflictError& e) {
    s.io().err << "clearpath: error: " << Session::display(args.file) << ": " << e.what() << "\n";
    return kExitInvalid;
  }

  // Diagrams: files with -o, and inline SVG for the HTML page (drawn in memory either way).
  AnalyzeReportOptions report;
  report.file = Session::display(args.file);
  report.diagnostics = &r.diagnostics;
  const bool write_diagrams = !dest.folder.empty();
  if (write_diagrams || format == "html") {
    const auto started = std::chrono::steady_clock::now();
    for (View v : kViews) {
      RenderOptions o;
      o.view = v;
      if (v != View::org) o.initiative = args.initiative;
      if (args.max_nodes) o.node_budget = args.max_nodes;
      ReportDiagram d{view_name(v), view_caption(v), "", "", ""};
      try {
        d.svg = render_diagram(build_diagram(*r.model, o), DiagramFormat::svg);
        if (write_diagrams) d.file = std::string(view_name(v)) + ".svg";
      } catch (const RenderError& e) {
        // The report is worth more than one diagram: say so and go on without it.
        s.io().err << "clearpath: warning: the " << view_name(v) << " diagram could not be drawn: " << e.what() << "\n";
        d.error = e.what();
      }
      report.diagrams.push_back(std::move(d));
      if (s.io().terminal.err_is_tty &&
          std::chrono::steady_clock::now() - started > std::chrono::milliseconds(s.io().terminal.progress_after_ms))
        s.io().err << "clearpath: drew the " << view_name(v) << " diagram\n";
    }
  }

  const bool to_file = !dest.report.empty();
  const bool color = format == "text" && !to_file && s.io().terminal.out_is_tty && !s.io().terminal.no_color;
  auto write_report = [&](std::ostream& out) {
    if (format == "json") {
      write_analyze_json(out, *r.model, analysis, options, report);
      return;
    }
    const Document d = analyze_document(*r.model, analysis, report);
    if (format == "md") write_markdown(out, d);
    else if (format == "html") write_html(out, d);
    else write_text(out, d, color);
  };
  if (!write_diagrams) {
    s.emit(to_file ? dest.report.string() : std::string(), write_report);
    return exit_for_findings(plain_findings(analysis.findings), args.fail_on);
  }
  // Into a folder: the report is made first (in memory), so that nothing is written when
  // making it fails; then the diagrams, each atomically, then the report. A diagram that could
  // not be drawn this time does not leave last run's file behind.
  std::ostringstream content;
  write_report(content);
  std::error_code ec;
  fs::create_directories(dest.folder, ec);
  if (ec) {
    s.io().err << "clearpath: error: cannot create " << dest.folder.string() << ": " << ec.message() << "\n";
    return kExitInvalid;
  }
  for (const ReportDiagram& d : report.diagrams) {
    if (!d.file.empty()) write_file_atomically((dest.folder / d.file).string(), d.svg);
    else fs::remove(dest.folder / (d.view + ".svg"), ec);
  }
  write_file_atomically(dest.report.string(), content.str());
  return exit_for_findings(plain_findings(analysis.findings), args.fail_on);
}

}  // namespace clearpath
