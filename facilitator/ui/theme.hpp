// The projector's look: a dark navy room with light sticky notes, high contrast from 10 metres.
// Colours and the ImGui style only; must not depend on GLFW or the workshop state.
#pragma once

#include <string_view>

#include <imgui.h>

namespace samling::theme {

inline constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b, unsigned a = 255) {
    return IM_COL32(r, g, b, a);
}

inline constexpr float background[3] = {0.043f, 0.094f, 0.173f};  // #0B182C, the GL clear colour
inline constexpr ImU32 panel = rgb(0x15, 0x27, 0x42);             // group chips, board frame
inline constexpr ImU32 panel_hover = rgb(0x1E, 0x35, 0x57);
inline constexpr ImU32 text = rgb(0xF5, 0xF7, 0xFB);
inline constexpr ImU32 text_muted = rgb(0xA9, 0xB8, 0xCE);
inline constexpr ImU32 text_dim = rgb(0x6F, 0x82, 0x9E);     // the key hint: there, not loud
inline constexpr ImU32 accent = rgb(0xFF, 0xC8, 0x4A);       // focus, step pill
inline constexpr ImU32 accent_text = rgb(0x14, 0x1A, 0x24);  // text on the accent
inline constexpr ImU32 join_card = rgb(0xFF, 0xFF, 0xFF);    // QR needs white around it
inline constexpr ImU32 join_text = rgb(0x0B, 0x18, 0x2C);
inline constexpr ImU32 join_muted = rgb(0x4A, 0x5A, 0x72);
inline constexpr ImU32 card_text = rgb(0x1A, 0x1F, 0x29);     // dark text on light cards
inline constexpr ImU32 card_default = rgb(0xFF, 0xE5, 0x8A);  // classic sticky yellow
inline constexpr ImU32 fold = rgb(0x00, 0x00, 0x00, 28);      // the glued edge of a face-down note
inline constexpr ImU32 shadow = rgb(0x00, 0x00, 0x00, 90);
inline constexpr ImU32 alarm = rgb(0xB3, 0x26, 0x1E);  // saves are failing: white text on it reads 6:1

// A zone's "#RRGGBB" as it reads on a card: lightened until dark text on it has strong
// contrast. Unparsable colours give the default yellow.
ImU32 card_colour(std::string_view hex);

// The zone's colour as given, for its column's marker; the default yellow when unparsable.
ImU32 zone_colour(std::string_view hex);

// A fresh ImGui style at `scale` (ScaleAllSizes is cumulative, so never call it twice).
ImGuiStyle make_style(float scale);

}  // namespace samling::theme
