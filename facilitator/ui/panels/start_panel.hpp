// Start an exercise (E): the catalogue (title and purpose in the UI language) and the groups
// with ticks, all ticked at first; ↑/↓ pick, Enter starts it for every ticked group.
// Draws with ImGui and appends cmd::StartExercise; no GLFW, OpenGL or hub.
#pragma once

#include <vector>

#include <imgui.h>

#include "core/workshop.hpp"
#include "ui/fonts.hpp"
#include "ui/frame.hpp"
#include "ui/panels/control_state.hpp"
#include "ui/ui_strings.hpp"

namespace samling {

// The exercises in the order the panel lists them.
std::vector<const ExerciseDefinition*> exercise_list(const Workshop& state);

// One command per ticked group for the chosen exercise.
void start_commands(const Workshop& state, const StartPanelState& panel, std::vector<Command>& out);

// Draws the panel centred in `size`; returns false when it closed itself (started or cancelled).
bool draw_start_panel(const Frame& frame, StartPanelState& panel, ImVec2 size, std::vector<Command>& out);

}  // namespace samling
