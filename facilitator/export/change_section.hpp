// The reports' section "Endring": what has changed since the first gathering, as rows. Each
// row is one thing measured across gatherings with its chart and its source — today each
// pulse instrument; a measure's status trail or an indicator's values are further kinds of
// row (make them with a function beside pulse_rows and append). Depends on the export model.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/pulse_history.hpp"
#include "export/report_strings.hpp"

namespace samling {

struct ChangeRow {
    std::string kind;      // "pulse" (later "measure", "indicator"): the CSS class of its block
    std::string heading;   // plain text
    std::string html;      // the row's body, already HTML: charts and figures
    std::string markdown;  // the same in Markdown
    std::string source;    // plain text beside the results, e.g. the instrument's citation and licence
};

// One row per instrument. `images_dir` is where the Markdown links the chart's PNG
// (pulse_chart_name); `up_to` leaves out gatherings numbered after it (0: every one).
std::vector<ChangeRow> pulse_rows(const std::vector<PulseSeries>& pulses, const ReportStrings& s, Language lang,
                                  std::string_view images_dir, int up_to = 0);

// The whole section; nothing when there are no rows.
std::string change_section_html(const std::vector<ChangeRow>& rows, const ReportStrings& s, int threshold);
std::string change_section_markdown(const std::vector<ChangeRow>& rows, const ReportStrings& s, int threshold);

// The series with the gatherings numbered after `up_to` left out (0: as they are), and series
// that have no point left dropped: what a gathering's report knows at that gathering.
std::vector<PulseSeries> pulses_up_to(const std::vector<PulseSeries>& pulses, int up_to);

}  // namespace samling
