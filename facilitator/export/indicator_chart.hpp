// An indicator's figures as a small chart: one bar for the baseline, one per gathering that
// reported a value, and the target as a dashed outline, each with its figure beside it. Drawn
// with the pulse chart's parts (Chart: SVG in HTML, PNG in Markdown), greys only, so it reads
// printed. Depends on the export model only.
#pragma once

#include <string>

#include "core/measure_history.hpp"
#include "export/pulse_chart.hpp"
#include "export/report_strings.hpp"

namespace samling {

Chart indicator_chart(const IndicatorSeries& series, const ReportStrings& s, Language lang);

std::string indicator_chart_name(const IndicatorSeries& series);  // "indicator-<note>.png"

}  // namespace samling
