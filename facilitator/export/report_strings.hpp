// Every word the exported reports print, as fields by name; translated in i18n/strings.json
// (the build fills them). Plain data; depends on core only.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "core/model.hpp"
#include "core/phrase.hpp"

namespace samling {

struct ReportStrings {
    std::string_view lang_tag;  // the HTML lang attribute
    std::string_view project_log, programme, group, services, project, exported, none_set;
    std::string_view gatherings, gathering, gathering_number /* "Samling {n}" */, no_gathering, no_date;
    Plural entries;  // "{n} oppføringer"
    std::string_view no_entries_yet;
    std::string_view empty_log;  // the friendly text of a log with no entries
    std::string_view exercise, concluded /* "Avsluttet {date}" */, conclusion, no_conclusion, top_voted;
    Plural votes;  // "{n} stemmer"
    std::string_view votes_heading, board, unclustered, other_notes, why_chains, snapshot_alt, snapshot_caption;
    std::string_view index_title, group_logs, gathering_reports, open_log;
    std::string_view gathering_report, no_runs_in_gathering, measure, details, from_exercise, builds_on;
    // The printed table card (export --format tents).
    std::string_view tent_title, tent_scan, tent_wifi /* {wifi} */, tent_same_network, tent_camera, tent_tap,
        tent_address, tent_room, tent_table_screen;
    // "Endring": the pulses since the first gathering (export/change_section.hpp).
    std::string_view change, change_intro /* {threshold} */, change_none, pulse_too_few, pulse_mean /* {mean} */,
        pulse_n /* {n} */, pulse_statement, pulse_points, pulse_mean_heading, pulse_key /* {min} {low} {max} {high} */,
        pulse_source /* {citation} {licence} */, pulse_chart_alt /* {title} */;
    // "Endring": the measures' statuses and the indicators' figures.
    std::array<std::string_view, 4> status_names;  // MeasureStatus, in its order
    std::string_view measures_heading, measures_intro, measure_owner, measure_planned, measure_no_status,
        indicator_baseline, indicator_target, indicator_value, indicator_measure /* {measure} */,
        indicator_source /* {source} */, indicator_chart_alt /* {name} */;
    std::array<std::string_view, 12> months;
};

// The texts are translated in i18n/strings.json; the build generates fill_strings from it.
const ReportStrings& report_strings(Language lang);
void fill_strings(ReportStrings& s, Language lang);

// "1 stemme", "3 stemmer".
std::string dots_text(int dots, const ReportStrings& s);

// "Samling 2".
std::string gathering_name(const ReportStrings& s, int number);

}  // namespace samling
