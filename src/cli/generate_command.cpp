// `clearpath generate`: a synthetic model for scale tests, deterministic for a seed.
#include <algorithm>

#include "cli/commands.hpp"

namespace clearpath {

CLI::App* add_generate_command(CLI::App& c, GenerateArgs& args) {
  SyntheticOptions& o = args.synthetic;
  c.add_option("--steps", o.steps, "number of steps")->check(CLI::Range(1, 50'000'000));
  c.add_option("--people", args.people, "number of people (default: steps / 5)")->check(CLI::Range(1, 10'000'000));
  c.add_option("--seed", o.seed, "random seed");
  c.add_option("--gates", o.gates, "number of approval gates, organisation-aware (default: 3-5 per initiative)")
      ->check(CLI::Range(0, 10'000'000));
  c.add_option("--max-approvers", o.max_approvers, "most approvers per gate, organisation-aware gates (default 6)")
      ->check(CLI::Range(1, 1000));
  c.add_option("-o,--output", args.output, "write to this file (atomically) instead of stdout");
  c.footer(
      "Examples:\n  clearpath generate --steps 100000 --seed 42 -o big.json\n"
      "  clearpath generate --people 200000 --steps 20000 --gates 10000 --max-approvers 20 --seed 1 -o org.json");
  return &c;
}

int run_generate(Session& s, const GenerateArgs& args) {
  SyntheticOptions options = args.synthetic;
  options.people = args.people ? args.people : std::max<std::size_t>(1, options.steps / 5);
  s.emit(args.output, [&](std::ostream& out) { write_synthetic_model(options, out); });  // streamed
  return kExitOk;
}

}  // namespace clearpath
