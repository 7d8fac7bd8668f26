// The presenter window's own column, where the projector has its join panel: what the room must
// not see — every group at a glance (step, present, notes, done, saved) and the running vote
// totals the projector hides. Reads a snapshot and draws; no GLFW, OpenGL or hub.
#pragma once

#include <imgui.h>

#include "ui/frame.hpp"

namespace samling {

// The colour of the hidden totals' bars: used nowhere else, so a test can tell from a screen
// grab that they are drawn (the presenter) or not (the projector).
inline constexpr ImU32 hidden_totals_colour = IM_COL32(0xB4, 0x8C, 0xFF, 255);

// Draws the column in [min, max]; `focused` is the group on both windows' boards.
void draw_presenter_column(const Frame& frame, ImDrawList* dl, Id focused, ImVec2 min, ImVec2 max);

}  // namespace samling
