// A group's measures and indicators as CSV, for a municipality's own spreadsheets: one row per
// status a measure got (a measure no round has reported on yet: one row with no status), and
// one row per figure of an indicator (baseline, each value, target). RFC 4180 with CRLF and a
// byte-order mark, as the notes' CSV. Depends on the export model only.
#pragma once

#include <string>
#include <vector>

#include "core/measure_history.hpp"

namespace samling {

std::string render_measure_csv(const std::vector<MeasureTrail>& measures);
std::string render_indicator_csv(const std::vector<IndicatorSeries>& indicators);

}  // namespace samling
