// The conclusion panel (K; opens by itself in a conclude step): the step's fields, typed in
// place (InputTextMultiline, saved on leaving the field or Ctrl+Enter), the phones'
// proposals and the top-voted notes as quick picks for a field, and the button that saves the
// run to the project log. Appends cmd::SetConclusion and cmd::ConcludeRun; draws with ImGui;
// no GLFW functions, OpenGL or hub.
#pragma once

#include <vector>

#include <imgui.h>

#include "core/workshop.hpp"
#include "ui/fonts.hpp"
#include "ui/frame.hpp"
#include "ui/panels/control_state.hpp"
#include "ui/ui_strings.hpp"

namespace samling {

// The fields the panel edits: the current step's, or every conclude field of the exercise.
std::vector<const FieldDefinition*> conclusion_fields(const Workshop& state, const ExerciseRun& run);

// Notes the phones proposed in this conclude step (written in it), oldest first.
std::vector<const Note*> proposals(const Workshop& state, const ExerciseRun& run);

// The open field is left: what was typed is kept (posted when it changed), whatever left it.
void leave_conclusion_field(ConclusionState& panel, std::vector<Command>& out);

// Draws the panel in [min, max] for the group's current run.
void draw_conclusion_panel(const Frame& frame, Id group, ConclusionState& panel, ImVec2 min, ImVec2 max);

}  // namespace samling
