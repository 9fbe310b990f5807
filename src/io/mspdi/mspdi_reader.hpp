#pragma once
// What the parts of the MSPDI importer share: the document, and the warnings, each kind said
// once (where it first is, and how many times in all).
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "clearpath/diagnostic.hpp"
#include "io/mspdi/xml_input.hpp"

namespace clearpath::mspdi {

class Reader {
 public:
  explicit Reader(const XmlInput& xml) : xml_(xml) {}
  const XmlInput& xml() const noexcept { return xml_; }

  // A warning of kind `key` at `node`: the first of each key is kept, with its message;
  // later ones are counted ("... (3 in all)").
  void warn(const std::string& key, pugi::xml_node node, std::string code, std::string message,
            std::string entity = {});
  // Each child of `parent` whose name `known` does not know is warned about once per name.
  void check_children(pugi::xml_node parent, bool (*known)(std::string_view));
  // Moves the warnings, in file order, into `out`.
  void flush(Diagnostics& out);

  // Throws InputError at `node`.
  [[noreturn]] void fail(pugi::xml_node node, const std::string& message) const;

  // The text of child `name` of `node`; nullopt when it is absent.
  static std::optional<std::string_view> text(pugi::xml_node node, const char* name);
  // Child `name` as a whole number / a number / a flag (1 or 0); absent: nullopt. A malformed
  // value fails with the element's location.
  std::optional<long long> integer(pugi::xml_node node, const char* name) const;
  std::optional<double> number(pugi::xml_node node, const char* name) const;
  bool flag(pugi::xml_node node, const char* name) const;

 private:
  struct Tally {
    Diagnostic first;
    std::size_t count = 0;
  };
  const XmlInput& xml_;
  std::map<std::string, Tally> tallies_;
};

// The elements the importer knows, by the element they are in: the ones it reads and the ones
// that do not change the schedule (costs, computed dates, views ...). Anything else is
// reported once as unknown.
bool known_project_element(std::string_view name);
bool known_task_element(std::string_view name);
bool known_resource_element(std::string_view name);
bool known_assignment_element(std::string_view name);
bool known_calendar_element(std::string_view name);
bool known_link_element(std::string_view name);

}  // namespace clearpath::mspdi
