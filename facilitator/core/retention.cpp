// Dates as Samling stores them (YYYY-MM-DD, core/dates): the last gathering is the latest such
// date of a gathering not archived (an archived one did not happen); a month past the 31st is
// the month's last day (2026-01-31 + 1 month = 2026-02-28).
#include "core/retention.hpp"

#include <cstdio>

#include "core/dates.hpp"

namespace samling {
namespace {

std::string iso(std::chrono::year_month_day d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.day()));
    return buf;
}

}  // namespace

std::chrono::year_month_day day_of(Timestamp ms) {
    return std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(
        std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(ms)))};
}

std::optional<RetentionDue> retention_passed(const Workshop& w, std::chrono::year_month_day today) {
    if (w.retention_months() <= 0) return std::nullopt;
    std::optional<std::chrono::year_month_day> last;
    for (const auto& [id, g] : w.gatherings()) {
        if (g.archived) continue;
        if (const auto d = parse_iso_date(g.date); d && (!last || *d > *last)) last = d;
    }
    if (!last) return std::nullopt;
    std::chrono::year_month_day until = *last + std::chrono::months(w.retention_months());
    if (!until.ok()) until = until.year() / until.month() / std::chrono::last;
    if (today < until) return std::nullopt;
    return RetentionDue{w.retention_months(), iso(*last), iso(until)};
}

}  // namespace samling
