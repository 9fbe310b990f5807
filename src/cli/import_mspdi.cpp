// `clearpath import mspdi FILE.xml [--ids names|uids] [-o OUT.json]`: an MS Project plan.
#include "clearpath/mspdi.hpp"
#include "clearpath/save.hpp"
#include "cli/commands.hpp"

namespace clearpath {

// MS Project XML: warnings (what is not scheduled as MS Project schedules it) and the
// model's own problems on stderr; the model only when it has no error.
int run_import_mspdi(Session& s, const ImportArgs& args) {
  const std::string display = Session::display(args.file);
  MspdiImportOptions options;
  if (args.ids == "uids") options.ids = MspdiIds::uids;
  MspdiImportResult r = import_mspdi(s.read(args.file), display, options);
  if (!r.diagnostics.items().empty()) print_diagnostics(s.io().err, display, r.diagnostics, s.err_color(), "");
  if (!r.model) {
    s.io().err << "clearpath: error: " << display << ": the imported model is not valid (see above); nothing written\n";
    return kExitInvalid;
  }
  if (!args.model_name.empty()) r.model->name = args.model_name;
  s.emit(args.output, save_model(*r.model));
  const MspdiImportSummary& n = r.summary;
  s.io().err << "clearpath: imported " << n.tasks << " tasks (" << n.milestones << " milestones), " << n.links
             << " links, " << n.summary_tasks << " summary tasks, " << n.resources << " resources, " << n.assignments
             << " assignments, " << n.holidays << " non-working days";
  if (n.skipped_tasks) s.io().err << "; left out " << n.skipped_tasks << " blank or inactive rows";
  s.io().err << "\n";
  return kExitOk;
}

}  // namespace clearpath
