// bare_parse FILE: the comparison baseline for the loader in bench/validate_scale.sh.
// Reads the whole file into a std::string and builds an nlohmann::json DOM from it, nothing
// else, then prints the number of top-level keys (so the parse cannot be optimised away).
#include <fstream>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: bare_parse FILE\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "bare_parse: cannot open " << argv[1] << "\n";
    return 2;
  }
  std::string text;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size > 0) {
    text.resize(static_cast<std::size_t>(size));
    in.seekg(0, std::ios::beg);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
  }
  try {
    const nlohmann::json doc = nlohmann::json::parse(text);
    std::cout << (doc.is_object() ? doc.size() : 0) << "\n";
  } catch (const nlohmann::json::exception& e) {
    std::cerr << "bare_parse: " << argv[1] << ": " << e.what() << "\n";
    return 2;
  }
  return 0;
}
