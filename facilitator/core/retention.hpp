// Whether a programme's retention time has passed: its setting (months after the last
// gathering) against today. Only a warning: nothing is ever deleted by it. Core: no I/O.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "core/workshop.hpp"

namespace samling {

struct RetentionDue {
    int months = 0;
    std::string last_gathering;  // YYYY-MM-DD, the latest date of a gathering not archived
    std::string passed_on;       // YYYY-MM-DD, that date plus the months
};

// Nothing when no retention is set, no gathering has a date, or the time has not passed.
std::optional<RetentionDue> retention_passed(const Workshop& w, std::chrono::year_month_day today);

// The calendar day (UTC) of a Timestamp in ms.
std::chrono::year_month_day day_of(Timestamp ms);

}  // namespace samling
