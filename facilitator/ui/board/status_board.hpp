// The board of a status round: each of the group's open measures (core/measures.hpp) as a row,
// a status chip coloured by where it stands, the measure, its owner and start date, and the
// line the group wrote. Reads a Workshop snapshot; no GLFW, OpenGL or hub.
#pragma once

#include <imgui.h>

#include "core/workshop.hpp"
#include "ui/fonts.hpp"
#include "ui/ui_strings.hpp"

namespace samling {

// The status step of `run`'s current step, or nullptr when it is no status round now.
const Step* status_step_of(const Workshop& state, const ExerciseRun& run);

// A measure's status colour (nullptr: none yet this round), the same on the board and overview.
ImU32 measure_status_colour(const MeasureReport* report);

// Draws the status board of `run` (status_step_of(run) is set) in [min, max].
void draw_status_board(ImDrawList* dl, const Workshop& state, const ExerciseRun& run, ImVec2 min, ImVec2 max,
                       const Fonts& fonts, const UiStrings& s, Language lang);

}  // namespace samling
