#pragma once
// The project calendar of an MSPDI file as a clearpath calendar: its start, and its exceptions
// (non-working days) as holidays.
#include <cstddef>
#include <optional>
#include <string>

#include <pugixml.hpp>

#include "clearpath/entities.hpp"
#include "io/mspdi/mspdi_reader.hpp"

namespace clearpath::mspdi {

// The calendar `calendar_uid` of `project` (nullopt: none named, Mon-Fri), starting at
// `start`: its working days of the week and its non-working exceptions. What clearpath's
// calendar cannot hold (partial days, a working exception on a day not worked, a recurring
// exception MS Project did not expand) is warned about.
Calendar read_calendar(Reader& reader, pugi::xml_node project, std::optional<long long> calendar_uid, Date start,
                       double minutes_per_day);

// The name of calendar `uid` of `project` when its working time may differ from the project
// calendar's (`project_uid`): it, or a calendar it is based on before the project calendar,
// gives working days or exceptions of its own, or it is based on another base calendar; nullopt
// when it is the project calendar, based on it unchanged, or names no calendar of the file.
std::optional<std::string> calendar_of_its_own(const Reader& reader, pugi::xml_node project, long long uid,
                                               std::optional<long long> project_uid);

}  // namespace clearpath::mspdi
