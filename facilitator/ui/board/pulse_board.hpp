// The board of a pulse run: while the pulse runs, how many have answered (never who); after it,
// the group's result per statement — the distribution and the mean — or, with fewer answers than
// the threshold, only that there are too few. Reads a Workshop snapshot; no GLFW, OpenGL or hub.
#pragma once

#include <imgui.h>

#include "core/pulse_history.hpp"
#include "core/workshop.hpp"
#include "ui/fonts.hpp"
#include "ui/ui_strings.hpp"

namespace samling {

// Draws the pulse board of `run` (pulse_step_of(run) is set) in [min, max].
void draw_pulse_board(ImDrawList* dl, const Workshop& state, const ExerciseRun& run, ImVec2 min, ImVec2 max,
                      const Fonts& fonts, const UiStrings& s, Language lang);

}  // namespace samling
