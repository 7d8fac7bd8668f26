// The reports' section "Endring": what has changed since the first gathering, as rows. Each
// row is one thing followed across gatherings with its chart or table and its source: each
// pulse instrument, the measures' statuses (one row for all of them), each indicator.
// Depends on the export model.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/measure_history.hpp"
#include "core/pulse_history.hpp"
#include "export/report_strings.hpp"

namespace samling {

struct ChangeRow {
    std::string kind;      // "pulse", "measures" or "indicator": the CSS class of its block
    std::string heading;   // plain text
    std::string html;      // the row's body, already HTML: charts and figures
    std::string markdown;  // the same in Markdown
    std::string source;    // plain text beside the results, e.g. the instrument's citation and licence
};

// One row per instrument. `images_dir` is where the Markdown links the chart's PNG
// (pulse_chart_name); `up_to` leaves out gatherings numbered after it (0: every one).
std::vector<ChangeRow> pulse_rows(const std::vector<PulseSeries>& pulses, const ReportStrings& s, Language lang,
                                  std::string_view images_dir, int up_to = 0);

// One row for every measure: a table of each one's owner, where it was set and its status at
// each gathering with a status round. None when the group set no measure.
std::vector<ChangeRow> measure_rows(const std::vector<MeasureTrail>& measures, const ReportStrings& s, Language lang,
                                    int up_to = 0);

// One row per indicator: its chart and its figures as a table. The Markdown links the chart's
// PNG in `images_dir` (indicator_chart_name).
std::vector<ChangeRow> indicator_rows(const std::vector<IndicatorSeries>& indicators, const ReportStrings& s,
                                      Language lang, std::string_view images_dir, int up_to = 0);

// Every row, in the section's order: pulses, measures, indicators.
std::vector<ChangeRow> change_rows(const std::vector<PulseSeries>& pulses, const std::vector<MeasureTrail>& measures,
                                   const std::vector<IndicatorSeries>& indicators, const ReportStrings& s,
                                   Language lang, std::string_view images_dir, int up_to = 0);

// What a gathering's report knows at gathering `up_to` (0: everything): later statuses and
// values left out, and measures set later.
std::vector<MeasureTrail> measures_up_to(const std::vector<MeasureTrail>& measures, int up_to);
std::vector<IndicatorSeries> indicators_up_to(const std::vector<IndicatorSeries>& indicators, int up_to);

// The whole section; nothing when there are no rows.
std::string change_section_html(const std::vector<ChangeRow>& rows, const ReportStrings& s, int threshold);
std::string change_section_markdown(const std::vector<ChangeRow>& rows, const ReportStrings& s, int threshold);

// The series with the gatherings numbered after `up_to` left out (0: as they are), and series
// that have no point left dropped: what a gathering's report knows at that gathering.
std::vector<PulseSeries> pulses_up_to(const std::vector<PulseSeries>& pulses, int up_to);

}  // namespace samling
