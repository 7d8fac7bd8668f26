// A message in the middle of an empty board ("Ingen lapper ennå…"): the largest type in which it
// fits the space left under the zone headings, never drawn over them. Pure layout over ImGui
// fonts; no GLFW, OpenGL, hub or workshop state.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "ui/fonts.hpp"

namespace samling {

struct BoardMessage {
    const ImFont* font = nullptr;
    float size = 0;                  // line height
    std::vector<std::string> lines;  // each centred on the area
    float top = 0;                   // the first line's top; every line ends above the area's bottom
};

// `text` in [min, max]: title type when there is room, smaller type (and fewer lines) when not.
BoardMessage board_message(const Fonts& fonts, ImVec2 min, ImVec2 max, std::string_view text);

}  // namespace samling
