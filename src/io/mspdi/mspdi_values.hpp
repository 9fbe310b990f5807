#pragma once
// The values of an MSPDI file: ISO 8601 durations (PT8H0M0S), date-times
// (2027-03-01T08:00:00), MS Project's duration formats (minutes, hours, days ... elapsed or
// not) and its link types, each to and from what clearpath keeps.
#include <optional>
#include <string>
#include <string_view>

#include "clearpath/entities.hpp"

namespace clearpath::mspdi {

// An ISO 8601 duration as minutes: [-]P[nD][T[nH][nM][n[.n]S]] (years, months and weeks are
// refused: their length is ambiguous). nullopt when malformed.
std::optional<double> parse_duration_minutes(std::string_view text);
// Minutes as MS Project writes a duration: PT8H0M0S (seconds keep up to 3 decimals).
std::string duration_text(double minutes);

// A date-time written YYYY-MM-DDTHH:MM[:SS]; only its date is kept. nullopt when malformed.
std::optional<Date> parse_date_time(std::string_view text);
// The minutes after midnight of such a date-time (0 when it has no time).
int minutes_of_day(std::string_view text);
// "2027-03-01T08:00:00": a date at a time of day given in minutes.
std::string date_time_text(Date date, int minutes);

// MS Project's duration and lag formats (DurationFormat, LagFormat): 3 m, 4 em, 5 h, 6 eh,
// 7 d, 8 ed, 9 w, 10 ew, 11 mo, 12 emo, 19 %, 20 e%, and the same + 32 for estimated ones.
bool elapsed_format(int format) noexcept;
bool percent_format(int format) noexcept;
bool known_duration_format(int format) noexcept;

// PredecessorLink Type: 0 FF, 1 FS, 2 SF, 3 SS.
std::optional<LinkType> link_type_of(int type) noexcept;
int link_type_code(LinkType type) noexcept;

// A whole number (UID, Type, LinkLag ...), nullopt when the text is not one; "1"/"0" flags.
std::optional<long long> parse_integer(std::string_view text);
std::optional<double> parse_number(std::string_view text);

}  // namespace clearpath::mspdi
