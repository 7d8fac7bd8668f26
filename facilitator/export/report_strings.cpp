// The reports' words (generated from i18n/strings.json) and how a count is written. No layout, no escaping.
#include "export/report_strings.hpp"

#include "core/string_table.hpp"

namespace samling {

const ReportStrings& report_strings(Language lang) {
    return string_table<ReportStrings>(lang);
}

std::string dots_text(int dots, const ReportStrings& s) {
    return std::to_string(dots) + " " + std::string(dots == 1 ? s.dot : s.dots);
}

}  // namespace samling
