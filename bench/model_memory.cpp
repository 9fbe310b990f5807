// model_memory FILE: what a loaded model occupies, for issue 15's memory target (peak <= 1.5x
// the file). Reads FILE (read_input), loads it (load_model), frees the text, gives freed heap
// back to the system (malloc_trim), and prints one line of JSON: the file's size, the resident
// set (VmRSS) after each phase and its high-water mark (VmHWM), in bytes; the resident set left
// with only the model, and its ratio to the file; the size of each public entity struct and the
// entity counts, so that the part the struct layout alone takes can be worked out.
// Exit status: 0, 1 for a usage or I/O error, 2 when the model does not load.
#include <malloc.h>

#include <cstdio>
#include <exception>
#include <fstream>
#include <optional>
#include <string>
#include <utility>

#include "clearpath/load.hpp"

namespace {

// A "VmRSS:" or "VmHWM:" line of /proc/self/status, in bytes; 0 when it cannot be read.
long long status_bytes(const std::string& key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(key, 0) == 0) return std::stoll(line.substr(key.size())) * 1024;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace clearpath;
  if (argc != 2) {
    std::fprintf(stderr, "usage: model_memory FILE\n");
    return 1;
  }
  std::optional<Model> model;
  long long file_bytes = 0;
  long long rss_text = 0;
  long long rss_loaded = 0;
  try {
    std::string text = read_input(argv[1]);
    file_bytes = static_cast<long long>(text.size());
    rss_text = status_bytes("VmRSS:");
    LoadResult r = load_model(text);
    rss_loaded = status_bytes("VmRSS:");
    if (!r.model) {
      std::fprintf(stderr, "model_memory: %s does not load\n", argv[1]);
      return 2;
    }
    model = std::move(r.model);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "model_memory: %s\n", e.what());
    return 1;
  }
  malloc_trim(0);
  const long long rss_model = status_bytes("VmRSS:");
  std::printf(
      "{\"file_bytes\": %lld, \"rss_with_text\": %lld, \"rss_loaded\": %lld, \"rss_model_only\": %lld, "
      "\"peak_rss\": %lld, \"model_only_over_file\": %.2f, \"sizeof\": {\"Step\": %zu, \"Approval\": %zu, "
      "\"Person\": %zu, \"Department\": %zu, \"Initiative\": %zu, \"System\": %zu}, \"steps\": %zu, "
      "\"approvals\": %zu, \"people\": %zu, \"departments\": %zu, \"initiatives\": %zu, \"systems\": %zu}\n",
      file_bytes, rss_text, rss_loaded, rss_model, status_bytes("VmHWM:"),
      file_bytes > 0 ? static_cast<double>(rss_model) / static_cast<double>(file_bytes) : 0.0, sizeof(Step),
      sizeof(Approval), sizeof(Person), sizeof(Department), sizeof(Initiative), sizeof(System), model->steps().size(),
      model->approvals().size(), model->people().size(), model->departments().size(), model->initiatives().size(),
      model->systems().size());
  return 0;
}
