// The join URL as a QR code drawn with ImDrawList rectangles, on white with a 4-module quiet
// zone, each module a whole number of pixels so any phone camera (and zbarimg) reads it.
// Must not depend on GLFW, OpenGL or the workshop state.
#pragma once

#include <string_view>
#include <vector>

#include <imgui.h>

namespace samling {

struct QrModules {
    int size = 0;            // modules per side, without the quiet zone; 0: could not encode
    std::vector<bool> dark;  // row-major, size * size
};

inline constexpr int qr_quiet_zone = 4;

QrModules encode_qr(std::string_view text);

// The side in pixels draw_qr will use within `max_side` (whole pixels per module, quiet zone
// included); 0 when the code has no modules or does not fit at one pixel per module.
float qr_side(const QrModules& qr, float max_side, float pixels_per_unit);

// Draws the code with its white quiet zone at `top_left`; returns the side drawn.
float draw_qr(ImDrawList* dl, const QrModules& qr, ImVec2 top_left, float max_side, float pixels_per_unit);

// In an ImGui panel: the code centred in the width left on the line at the cursor, as large as
// `max_side` allows, and the cursor moved below it. Nothing when it does not fit.
void qr_item(const QrModules& qr, float max_side, float pixels_per_unit);

}  // namespace samling
