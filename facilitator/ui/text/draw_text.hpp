// Small drawing helpers shared by the projector's panels: user text only ever goes through
// AddText (never a format string), at whole-pixel positions. Depends on ImGui only.
#pragma once

#include <cmath>
#include <string_view>

#include <imgui.h>

#include "ui/fonts.hpp"
#include "ui/text/text_wrap.hpp"

namespace samling {

inline ImVec2 snap(ImVec2 p) {
    return ImVec2(std::round(p.x), std::round(p.y));
}

inline void draw_text(ImDrawList* dl, const Fonts& fonts, const ImFont* font, ImVec2 pos, ImU32 colour,
                      std::string_view text) {
    dl->AddText(font, fonts.size(font), snap(pos), colour, text.data(), text.data() + text.size());
}

inline float width_of(const Fonts& fonts, const ImFont* font, std::string_view text) {
    return text_width(font, fonts.size(font), text);
}

// Draws `text` cut with "…" to `width`; returns the width drawn.
inline float draw_text_fit(ImDrawList* dl, const Fonts& fonts, const ImFont* font, ImVec2 pos, ImU32 colour,
                           std::string_view text, float width) {
    const std::string line = fit_line(font, fonts.size(font), text, width);
    draw_text(dl, fonts, font, pos, colour, line);
    return width_of(fonts, font, line);
}

// Draws `text` centred horizontally on `centre_x`, cut to `width`.
inline void draw_text_centred(ImDrawList* dl, const Fonts& fonts, const ImFont* font, float centre_x, float y,
                              ImU32 colour, std::string_view text, float width) {
    const std::string line = fit_line(font, fonts.size(font), text, width);
    draw_text(dl, fonts, font, ImVec2(centre_x - width_of(fonts, font, line) / 2, y), colour, line);
}

}  // namespace samling
