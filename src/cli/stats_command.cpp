// `clearpath stats FILE`: counts of a model by entity kind and by relation.
#include <sstream>

#include <nlohmann/json.hpp>

#include "clearpath/stats.hpp"
#include "cli/commands.hpp"
#include "report/stats_report.hpp"

namespace clearpath {

CLI::App* add_stats_command(CLI::App& c, StatsArgs& args) {
  c.add_option("file", args.file, "model file (JSON); - reads standard input")->required();
  add_document_options(&c, args.format, args.output);
  c.footer("Example:\n  clearpath stats graphs/churn-model.json --format json");
  return &c;
}

int run_stats(Session& s, const StatsArgs& args) {
  const OutputFormat format = chosen_format(args.format, args.output, kDocumentFormats, OutputFormat::text);
  LoadResult& r = s.load(args.file, true);
  if (!r.model) return kExitInvalid;
  const ModelStats st = compute_stats(*r.model);
  std::ostringstream text;
  if (format == OutputFormat::json) {
    nlohmann::ordered_json j;
    j["file"] = Session::display(args.file);
    j["name"] = r.model->name;
    j.update(stats_json(st));
    text << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  } else if (format == OutputFormat::markdown) {
    write_stats_markdown(text, Session::display(args.file), r.model->name, st);
  } else {
    print_stats(text, Session::display(args.file), r.model->name, st);
  }
  s.emit(args.output, text.str());
  return kExitOk;
}

}  // namespace clearpath
