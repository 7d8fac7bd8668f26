// Calendar dates as Samling writes and reads them (YYYY-MM-DD: a gathering's date, a measure's
// start date): one parser on std::chrono, so a day that does not exist is refused everywhere.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace samling {

// The date `s` names, written exactly YYYY-MM-DD; nothing for any other form or for a day the
// calendar does not have (2027-02-31, 2027-13-01, 2027-02-29).
std::optional<std::chrono::year_month_day> parse_iso_date(std::string_view s);

}  // namespace samling
