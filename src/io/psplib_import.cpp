// PLACEHOLDER (being written): PSPLIB .sm reader and model conversion.
#include "clearpath/load.hpp"
#include "clearpath/psplib.hpp"

namespace clearpath {

PsplibInstance parse_psplib(std::string_view, const std::string& file) { throw InputError(file + ": PSPLIB import is not written yet"); }
std::string psplib_model_json(const PsplibInstance&, const std::string&) { return "{}"; }

}  // namespace clearpath
