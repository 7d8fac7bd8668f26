// Finds a TrueType/OpenType font at run time and bakes the projector's sizes into ImGui's atlas.
// Must not depend on GLFW, OpenGL or the workshop state (the caller re-uploads the texture).
#pragma once

#include <array>
#include <string>

#include <imgui.h>

namespace samling {

// The font files found on this machine; a bold face falls back to the regular one.
struct FontFiles {
    std::string regular, medium, bold;
};

// Inter (fonts-inter), else DejaVu Sans (fonts-dejavu-core). Empty regular: none found.
FontFiles find_font_files();

// Card text sizes, largest first: the board picks the largest that fits every note.
inline constexpr std::array<float, 7> card_sizes_em = {1.4f, 1.2f, 1.05f, 0.92f, 0.8f, 0.7f, 0.62f};

struct Fonts {
    float em = 0;               // body text height in window units: the unit every size is given in
    float raster = 1;           // pixels per window unit the atlas was baked at
    ImFont* small = nullptr;    // 0.75 em, key hint and secondary counts
    ImFont* body = nullptr;     // 1 em
    ImFont* bold = nullptr;     // 1 em, bold
    ImFont* title = nullptr;    // 1.45 em bold, a long prompt
    ImFont* heading = nullptr;  // 1.9 em bold, the prompt
    ImFont* display = nullptr;  // 2.7 em bold, the room code (ASCII only)
    std::array<ImFont*, card_sizes_em.size()> card{};

    // A baked font's text height in window units.
    float size(const ImFont* font) const { return font->FontSize / raster; }
};

// Clears `atlas` and bakes every size for a body height of `em` pixels, rasterised at
// `raster_scale` times that (the framebuffer/window ratio). False when a file will not load.
bool bake_fonts(ImFontAtlas& atlas, const FontFiles& files, float em, float raster_scale, Fonts& out);

}  // namespace samling
