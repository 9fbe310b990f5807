#include "cli/command_docs.hpp"

#include <utility>

namespace clearpath {
namespace {

// The sets CLI::IsMember (and --format's check) describe as "{a,b,c}" in the type name.
std::vector<std::string> choices_of(const std::string& type_name) {
  std::vector<std::string> choices;
  const std::size_t open = type_name.find('{'), close = type_name.find('}', open);
  if (open == std::string::npos || close == std::string::npos) return choices;
  std::string item;
  for (char c : type_name.substr(open + 1, close - open - 1)) {
    if (c != ',') item += c;
    else choices.push_back(std::exchange(item, {}));
  }
  if (!item.empty()) choices.push_back(item);
  return choices;
}

}  // namespace

std::vector<const CLI::Option*> all_options(const CLI::App& app) {
  std::vector<const CLI::Option*> options = app.get_options();
  for (const CLI::App* group : app.get_subcommands([](const CLI::App* c) { return c->get_name().empty(); }))
    for (const CLI::Option* o : all_options(*group))
      if (o->get_name() != "--help") options.push_back(o);  // a group repeats its app's -h,--help
  return options;
}

OptionDoc option_doc(const CLI::Option& option) {
  OptionDoc doc;
  doc.positional = option.get_positional();
  if (doc.positional) doc.names.push_back(option.get_name(true));
  for (const std::string& s : option.get_snames()) doc.names.push_back("-" + s);
  for (const std::string& l : option.get_lnames()) doc.names.push_back("--" + l);
  const std::string type = option.get_type_name();
  if (option.get_type_size() != 0) doc.value = type.substr(0, type.find(':'));
  doc.choices = choices_of(type);
  doc.help = option.get_description();
  doc.required = option.get_required();
  doc.repeated = option.get_items_expected_max() > 1;
  return doc;
}

std::vector<CommandDoc> command_docs(const CLI::App& app) {
  std::vector<CommandDoc> docs;
  for (const CLI::App* command :
       app.get_subcommands([](const CLI::App* c) { return !c->get_group().empty() && !c->get_name().empty(); })) {
    CommandDoc doc{command->get_name(), command->get_description(), command->get_footer(), command->get_aliases(), {}};
    const std::vector<const CLI::Option*> options = all_options(*command);
    for (const CLI::Option* o : options)
      if (o->get_positional()) doc.options.push_back(option_doc(*o));
    for (const CLI::Option* o : options)
      if (!o->get_positional()) doc.options.push_back(option_doc(*o));
    docs.push_back(std::move(doc));
  }
  return docs;
}

}  // namespace clearpath
