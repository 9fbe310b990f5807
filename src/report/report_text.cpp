#include "report/report_text.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <system_error>

#include "util/json_number.hpp"
#include "util/text.hpp"

namespace clearpath {

nlohmann::ordered_json num(double v) { return json_number(std::round(v * 1e6) / 1e6); }

// std::to_chars writes what printf("%.*f") does, several times faster (the level listing
// prints four numbers for each of a million activities).
std::string fixed(double v, int decimals) {
  char buf[400];  // the longest double in fixed notation, 309 digits, and the decimals
  const auto [end, error] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  if (error != std::errc()) {
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
  }
  return std::string(buf, end);
}

std::string money(double v) {
  std::string digits = fixed(std::fabs(v), 0), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (v < 0 ? "-" : "") + out;
}

std::string percent(double p) {
  if (p > 0 && p < 0.001) return "under 0.1%";
  if (p < 1 && p > 0.999) return "over 99.9%";
  return fixed(100 * p, p < 0.1 && p > 0 ? 1 : 0) + "%";
}

void append_pad(std::string& out, const std::string& s, std::size_t w) {
  std::size_t chars = 0, cut = s.size();
  for (std::size_t i = 0; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (chars == w - 2) cut = i;
      ++chars;
    }
  if (chars >= w) {
    out.append(s, 0, cut).append("~ ");
    return;
  }
  out.append(s).append(w - chars, ' ');
}

std::string pad(const std::string& s, std::size_t w) {
  std::string out;
  append_pad(out, s, w);
  return out;
}

std::string entity_label(const Model& m, Ref r) {
  const std::string& name = m.entity(r).name;
  return name.empty() ? m.id(r) : m.id(r) + " (" + name + ")";
}

void append_rpad(std::string& out, const std::string& s, std::size_t w) {
  if (s.size() < w) out.append(w - s.size(), ' ');
  out.append(s);
}

std::string rpad(const std::string& s, std::size_t w) {
  std::string out;
  append_rpad(out, s, w);
  return out;
}

std::string wrap(const std::string& s, const std::string& indent, std::size_t width) {
  const std::size_t room = width > indent.size() + 20 ? width - indent.size() : 20;
  auto columns = [](const std::string& w) {
    std::size_t n = 0;
    for (unsigned char c : w) n += (c & 0xC0) != 0x80;
    return n;
  };
  std::string out, line;
  std::size_t used = 0, start = 0;
  while (start < s.size()) {
    std::size_t end = s.find(' ', start);
    if (end == std::string::npos) end = s.size();
    const std::string word = s.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    const std::size_t n = columns(word);
    if (!line.empty() && used + 1 + n > room) {
      out += indent + line + "\n";
      line.clear();
      used = 0;
    }
    line += (line.empty() ? "" : " ") + word;
    used += (used ? 1 : 0) + n;
  }
  if (!line.empty() || out.empty()) out += indent + line + "\n";
  return out;
}

std::string hang(const std::string& first, const std::string& s, std::size_t width) {
  std::string out = wrap(s, std::string(first.size(), ' '), width);
  return out.replace(0, first.size(), first);
}

std::string nested_dump(const nlohmann::ordered_json& value, int depth) {
  const std::string text = value.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  const std::string indent(static_cast<std::size_t>(2 * depth), ' ');
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    out += c;
    if (c == '\n') out += indent;
  }
  return out;
}

nlohmann::ordered_json findings_json(const std::vector<Finding>& findings) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Finding& f : findings)
    out.push_back({{"kind", f.kind},
                   {"severity", severity_name(f.severity)},
                   {"subjects", f.subjects},
                   {"message", f.message},
                   {"days_held_back", num(f.days_held_back)},
                   {"cost_of_delay", num(f.cost_of_delay)}});
  return out;
}

}  // namespace clearpath
