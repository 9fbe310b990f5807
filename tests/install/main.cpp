// The critical path of a model file, with the installed library (tests/install/check_install.sh).
#include <clearpath/clearpath.hpp>
#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const clearpath::LoadResult loaded = clearpath::load_model(clearpath::read_input(argv[1]));
  if (!loaded.model) return 1;
  const clearpath::Model& model = *loaded.model;
  const clearpath::Network network = clearpath::build_network(model, {});
  const clearpath::Schedule schedule = clearpath::compute_schedule(model, network);
  std::cout << "clearpath " << clearpath::version() << ": " << network.size() << " activities, critical path of "
            << schedule.critical_path.size() << " ending at "
            << model.id(network.activity[schedule.critical_path.back()]) << ", " << schedule.duration
            << " working days\n";
}
