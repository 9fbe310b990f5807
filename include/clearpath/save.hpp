#pragma once
#include <functional>
#include <iosfwd>
#include <string>

#include "clearpath/model.hpp"

namespace clearpath {

// The model in the file format, pretty-printed with two-space indents, entities in model order
// and keys in a fixed order; defaults are omitted. load_model(save_model(m)) gives back m.
std::string save_model(const Model& model);

struct SaveOptions {
  // The normalised form (`clearpath export --format json`, docs/export.md): the entities of each
  // kind sorted by id and the lists that are sets sorted (roles, skills, dotted_line_to, sponsors,
  // approvers, depends_on, demands, holidays); priorities and rule slots keep their order, and
  // attributes are written as they are.
  bool normalise = false;
};
std::string save_model(const Model& model, const SaveOptions& options);

// Writes `content` to `path` atomically: a temporary file in the same folder, then rename.
// Throws InputError on failure, leaving no partial file behind. An existing `path` keeps its
// permissions (and owner and group where allowed); a symbolic link is written through (its
// target is replaced, the link stays). The temporary, .NAME.clearpath-tmp-PID-XXXXXX, is removed
// by SIGINT, SIGTERM and SIGHUP during the write if the program left them at their default action
// (the signal then ends the program as before), and by a later write to the same `path` if its
// process is gone. Device files and pipes are written directly. One write at a time per process.
void write_file_atomically(const std::string& path, std::string_view content);
// The same for output written piece by piece (large reports): `write` fills the stream.
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

}  // namespace clearpath
