// The look of the facilitator's panels (start, new note, conclusion): an ImGui window with
// padding, rounded frames and the room's colours, sized in em. No GLFW, OpenGL or hub.
#pragma once

#include <imgui.h>

#include "ui/fonts.hpp"

namespace samling {

// Pushes the panels' style; pop with pop_panel_style(). Nests with nothing else.
void push_panel_style(const Fonts& fonts);
void pop_panel_style();

// A window of `panel` size centred in `screen`, in front, with the panel style pushed.
void begin_overlay_window(const char* id, ImVec2 screen, ImVec2 panel, const Fonts& fonts);
void end_overlay_window();

// Dims the room behind a panel (draw it last on the projector's own window).
void draw_scrim(ImDrawList* dl, ImVec2 size);

}  // namespace samling
