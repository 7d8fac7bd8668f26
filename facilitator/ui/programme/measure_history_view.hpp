// A group's measures and indicators across gatherings on the projector, in its project log (G)
// under the pulses: each measure with a chip in its newest status's colour, its owner and where
// it was set, then its status round by round; each indicator as bars (the baseline, each
// gathering's value, the target as an outline) with its figures. Reads the core's
// measure_history only; "since last time" has a line per indicator (log_model) and beside it
// the small chart below.
#pragma once

#include <vector>

#include <imgui.h>

#include "core/measure_history.hpp"
#include "ui/fonts.hpp"
#include "ui/programme/programme_strings.hpp"

namespace samling {

// Draws them from `at`, `width` wide (nothing when `dl` is null: measuring only), and returns
// the height they take; 0 when the group has set no measure.
float draw_measure_history(ImDrawList* dl, const std::vector<MeasureTrail>& measures,
                           const std::vector<IndicatorSeries>& indicators, ImVec2 at, float width, const Fonts& fonts,
                           const ProgrammeStrings& s, Language lang);

// An indicator as a small chart for "since last time": a column per figure (the baseline, each
// gathering's value, the target as an outline), `height` tall from zero. Returns its width.
float draw_indicator_columns(ImDrawList* dl, const IndicatorSeries& series, ImVec2 at, float height, float em);

}  // namespace samling
