// Every word the exported reports print, in bokmål, nynorsk and English: one table, so a
// translation is one place to read. Plain data; depends on core/model.hpp only.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "core/model.hpp"

namespace samling {

struct ReportStrings {
    std::string_view lang_tag;  // the HTML lang attribute
    std::string_view project_log, programme, group, services, project, exported, none_set;
    std::string_view gatherings, gathering, no_gathering, no_date, entries_one, entries_many, no_entries_yet;
    std::string_view empty_log;  // the friendly text of a log with no entries
    std::string_view exercise, concluded, conclusion, no_conclusion, top_voted, dot, dots, votes_heading, board,
        unclustered, other_notes, why_chains, snapshot_alt, snapshot_caption;
    std::string_view index_title, group_logs, gathering_reports, open_log;
    std::string_view gathering_report, no_runs_in_gathering, measure, details, from_exercise, builds_on;
    std::array<std::string_view, 12> months;
};

// The texts are translated in i18n/strings.json; the build generates fill_strings from it.
const ReportStrings& report_strings(Language lang);
void fill_strings(ReportStrings& s, Language lang);

// "1 stemme", "3 stemmer".
std::string dots_text(int dots, const ReportStrings& s);

}  // namespace samling
