// The presenter window's own column, where the projector has its join panel: what the room must
// not see — every group at a glance (step, present, notes, done, saved), the running vote
// totals the projector hides and the facilitator remote's pairing QR code. Reads a snapshot and draws; no GLFW, OpenGL
// or hub.
#pragma once

#include <imgui.h>

#include "ui/frame.hpp"
#include "ui/panels/qr_code.hpp"

namespace samling {

// The colour of the hidden totals' bars: used nowhere else, so a test can tell from a screen
// grab that they are drawn (the presenter) or not (the projector).
inline constexpr ImU32 hidden_totals_colour = IM_COL32(0xB4, 0x8C, 0xFF, 255);

// Draws the column in [min, max]; `focused` is the group on both windows' boards, `pairing` the
// remote's pairing QR code (no modules: this session cannot pair, nothing drawn).
void draw_presenter_column(const Frame& frame, ImDrawList* dl, Id focused, ImVec2 min, ImVec2 max,
                           const QrModules& pairing, float pixels_per_unit);

}  // namespace samling
