// The board of a status round: each of the group's open measures (core/measures.hpp) as a row,
// a status chip coloured by where it stands, the measure, its owner and start date, and the
// line the group wrote. Reads a Workshop snapshot; no GLFW, OpenGL or hub.
#pragma once

#include <imgui.h>

#include <vector>

#include "core/workshop.hpp"
#include "ui/board/indicator_entry.hpp"
#include "ui/fonts.hpp"
#include "ui/ui_strings.hpp"

namespace samling {

// The status step of `run`'s current step, or nullptr when it is no status round now.
const Step* status_step_of(const Workshop& state, const ExerciseRun& run);

// A measure's status colour (nullptr: none yet this round), the same on the board and overview.
ImU32 measure_status_colour(const MeasureReport* report);

// Draws the status board of `run` (status_step_of(run) is set) in [min, max]; `chosen` (a
// measure's note, 0: none) is framed, the one the facilitator's figure goes to.
void draw_status_board(ImDrawList* dl, const Workshop& state, const ExerciseRun& run, ImVec2 min, ImVec2 max,
                       const Fonts& fonts, const UiStrings& s, Language lang, Id chosen = 0);

// The facilitator's figure for a measure's indicator: ↑/↓ choose among the measures with an
// indicator, V opens a small number field, Enter sends cmd::EnterIndicator to `out`, Esc
// closes it. Call before draw_status_board in the same frame.
void status_board_input(const Workshop& state, const ExerciseRun& run, IndicatorEntry& entry, float em,
                        const UiStrings& s, Language lang, std::vector<Command>& out);

}  // namespace samling
