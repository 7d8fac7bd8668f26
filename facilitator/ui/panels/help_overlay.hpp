// The help overlay (F1 or ?): every key the projector knows, the board's included, in the
// UI language, large enough to read from the back. Draws only; no GLFW, OpenGL or hub.
#pragma once

#include <imgui.h>

#include "ui/fonts.hpp"
#include "ui/frame.hpp"
#include "ui/ui_strings.hpp"

namespace samling {

void draw_help(const Frame& frame, ImDrawList* dl, ImVec2 size);

}  // namespace samling
