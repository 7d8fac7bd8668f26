// A group's pulses across gatherings on the projector: at the top of its project log (G), under
// "Endring" (log_view draws the heading), per
// instrument and statement one bar per gathering split by the points chosen, the mean and n
// beside it, "for få svar" where there are no figures ("since last time" has one line per
// instrument: log_model's pulse_summary_lines). Reads the core's pulse_history only.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "core/pulse_history.hpp"
#include "ui/fonts.hpp"
#include "ui/programme/programme_strings.hpp"

namespace samling {

// Draws the pulses from `at`, `width` wide (nothing when `dl` is null: measuring only), and
// returns the height they take; 0 when the group has no pulse.
float draw_pulse_history(ImDrawList* dl, const std::vector<PulseSeries>& pulses, ImVec2 at, float width,
                         const Fonts& fonts, const ProgrammeStrings& s, Language lang);

}  // namespace samling
