#include "io/mspdi/mspdi_values.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace clearpath::mspdi {

namespace {

// Reads digits (and one '.') at text[i]; false when there are none.
bool read_number(std::string_view text, std::size_t& i, double& out) {
  const std::size_t start = i;
  while (i < text.size() && ((text[i] >= '0' && text[i] <= '9') || text[i] == '.')) ++i;
  if (i == start) return false;
  const auto [end, ec] = std::from_chars(text.data() + start, text.data() + i, out);
  return ec == std::errc() && end == text.data() + i && std::isfinite(out);
}

bool two_digits(std::string_view t, std::size_t at, int& out) {
  if (at + 2 > t.size() || t[at] < '0' || t[at] > '9' || t[at + 1] < '0' || t[at + 1] > '9') return false;
  out = (t[at] - '0') * 10 + (t[at + 1] - '0');
  return true;
}

}  // namespace

std::optional<double> parse_duration_minutes(std::string_view text) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && text[i] == '-') {
    negative = true;
    ++i;
  }
  if (i >= text.size() || text[i] != 'P') return std::nullopt;
  ++i;
  double minutes = 0;
  bool in_time = false, any = false;
  while (i < text.size()) {
    if (text[i] == 'T') {
      if (in_time) return std::nullopt;
      in_time = true;
      ++i;
      continue;
    }
    double v = 0;
    if (!read_number(text, i, v) || i >= text.size()) return std::nullopt;
    const char unit = text[i++];
    if (!in_time && unit == 'D') minutes += v * 24 * 60;
    else if (in_time && unit == 'H') minutes += v * 60;
    else if (in_time && unit == 'M') minutes += v;
    else if (in_time && unit == 'S') minutes += v / 60;
    else return std::nullopt;  // years, months, weeks, or a unit out of place
    any = true;
  }
  if (!any || !std::isfinite(minutes)) return std::nullopt;
  return negative ? -minutes : minutes;
}

std::string duration_text(double minutes) {
  const bool negative = minutes < 0;
  double m = std::fabs(minutes);
  const auto hours = static_cast<long long>(m / 60);
  m -= static_cast<double>(hours) * 60;
  auto whole = static_cast<long long>(m);
  double seconds = std::round((m - static_cast<double>(whole)) * 60 * 1000) / 1000;
  if (seconds >= 60) {
    seconds -= 60;
    ++whole;
  }
  char buf[96];
  if (seconds == std::floor(seconds))
    std::snprintf(buf, sizeof buf, "%sPT%lldH%lldM%lldS", negative ? "-" : "", hours, whole,
                  static_cast<long long>(seconds));
  else std::snprintf(buf, sizeof buf, "%sPT%lldH%lldM%.3fS", negative ? "-" : "", hours, whole, seconds);
  return buf;
}

std::optional<Date> parse_date_time(std::string_view text) {
  if (text.size() < 10) return std::nullopt;
  if (text.size() > 10 && text[10] != 'T') return std::nullopt;
  return Date::parse(text.substr(0, 10));
}

int minutes_of_day(std::string_view text) {
  int h = 0, m = 0;
  if (text.size() < 16 || text[13] != ':' || !two_digits(text, 11, h) || !two_digits(text, 14, m)) return 0;
  return h * 60 + m;
}

std::string date_time_text(Date date, int minutes) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d:00", (minutes / 60) % 100, minutes % 60);
  return date.iso() + buf;
}

bool elapsed_format(int format) noexcept {
  const int f = format >= 35 ? format - 32 : format;
  return f == 4 || f == 6 || f == 8 || f == 10 || f == 12 || f == 20;
}
bool percent_format(int format) noexcept {
  const int f = format >= 35 ? format - 32 : format;
  return f == 19 || f == 20;
}
bool known_duration_format(int format) noexcept {
  const int f = format >= 35 ? format - 32 : format;
  return (f >= 3 && f <= 12) || f == 19 || f == 20 || f == 21;
}

std::optional<LinkType> link_type_of(int type) noexcept {
  switch (type) {
    case 0: return LinkType::finish_to_finish;
    case 1: return LinkType::finish_to_start;
    case 2: return LinkType::start_to_finish;
    case 3: return LinkType::start_to_start;
    default: return std::nullopt;
  }
}

int link_type_code(LinkType type) noexcept {
  switch (type) {
    case LinkType::finish_to_finish: return 0;
    case LinkType::finish_to_start: return 1;
    case LinkType::start_to_finish: return 2;
    case LinkType::start_to_start: return 3;
  }
  return 1;
}

std::optional<long long> parse_integer(std::string_view text) {
  long long v = 0;
  const char* b = text.data();
  const char* e = b + text.size();
  if (b != e && *b == '+') ++b;
  const auto [end, ec] = std::from_chars(b, e, v);
  if (ec != std::errc() || end != e || b == e) return std::nullopt;
  return v;
}

std::optional<double> parse_number(std::string_view text) {
  double v = 0;
  const char* b = text.data();
  const char* e = b + text.size();
  const auto [end, ec] = std::from_chars(b, e, v);
  if (ec != std::errc() || end != e || b == e || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace clearpath::mspdi
