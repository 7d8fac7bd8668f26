// The reports' words (generated from i18n/strings.json) and how a count is written. No layout, no escaping.
#include "export/report_strings.hpp"

#include "core/string_table.hpp"

namespace samling {

const ReportStrings& report_strings(Language lang) {
    return string_table<ReportStrings>(lang);
}

std::string dots_text(int dots, const ReportStrings& s) {
    return count_text(s.votes, dots);
}

std::string gathering_name(const ReportStrings& s, int number) {
    return fill(s.gathering_number, {{"n", std::to_string(number)}});
}

}  // namespace samling
