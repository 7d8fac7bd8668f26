// One gathering's report across leader groups: for each group, what its concluded runs in that
// gathering concluded (problem → causes → stakeholders → measures), and its notes that carry
// note fields (a measure's owner and start date) as tables. Built from definitions only: no
// exercise is special. Pure reading of a const Workshop; no file system, no HTTP.
#pragma once

#include <string>
#include <vector>

#include "export/project_log.hpp"

namespace samling {

struct FieldTable {
    std::string heading;               // the notes' zone, e.g. "Tiltak"
    std::vector<std::string> columns;  // the note's text first, then each note field's label
    std::vector<std::vector<std::string>> rows;
};

struct ReportRun {
    Id run = 0;
    std::string exercise, title;
    std::vector<LabelledText> builds_on;  // what it carried over from earlier runs (core/carry_over.hpp)
    std::vector<LabelledText> conclusion;
    std::vector<FieldTable> tables;
};

struct ReportGroup {
    Id group = 0;
    std::string name, services, project;
    std::vector<ReportRun> runs;  // in the gathering's agenda order, then as concluded
    // "Endring", up to this gathering (export/change_section.hpp)
    std::vector<PulseSeries> pulses;
    std::vector<MeasureTrail> measures;
    std::vector<IndicatorSeries> indicators;
};

struct GatheringReport {
    std::string programme;
    GatheringInfo gathering;
    Language language = Language::nb;
    std::vector<ReportGroup> groups;
    int pulse_threshold = default_pulse_threshold;
};

GatheringReport build_gathering_report(const Workshop& w, Id gathering, const std::vector<Id>& groups, Language lang);

std::string render_gathering_report(const GatheringReport& report, Timestamp now);

}  // namespace samling
