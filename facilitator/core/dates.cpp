// YYYY-MM-DD split with std::from_chars (std::chrono::parse is not in GCC 12's library) and checked
// by std::chrono::year_month_day, which knows month lengths and leap years.
#include "core/dates.hpp"

#include <charconv>

namespace samling {
namespace {

// The unsigned number written with exactly s.size() digits, or -1.
int digits(std::string_view s) {
    int v = -1;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc{} && end == s.data() + s.size() && s.front() != '+' && v >= 0 ? v : -1;
}

}  // namespace

std::optional<std::chrono::year_month_day> parse_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    const int y = digits(s.substr(0, 4)), m = digits(s.substr(5, 2)), d = digits(s.substr(8, 2));
    if (y < 0 || m < 0 || d < 0) return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                           std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok()) return std::nullopt;
    return date;
}

}  // namespace samling
