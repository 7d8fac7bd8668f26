// Colours and the ImGui style for the projector. Must not depend on GLFW or the workshop state.
#include "ui/theme.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace samling::theme {
namespace {

struct Rgb {
    float r, g, b;
};

std::optional<Rgb> parse_hex(std::string_view hex) {
    if (hex.size() != 7 || hex[0] != '#') return std::nullopt;
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    float v[3];
    for (std::size_t k = 0; k < 3; ++k) {
        const int hi = nibble(hex[1 + 2 * k]);
        const int lo = nibble(hex[2 + 2 * k]);
        if (hi < 0 || lo < 0) return std::nullopt;
        v[k] = static_cast<float>(hi * 16 + lo) / 255.0f;
    }
    return Rgb{v[0], v[1], v[2]};
}

float linear(float c) {
    return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

float luminance(Rgb c) {
    return 0.2126f * linear(c.r) + 0.7152f * linear(c.g) + 0.0722f * linear(c.b);
}

ImU32 to_u32(Rgb c) {
    return ImGui::ColorConvertFloat4ToU32(ImVec4(c.r, c.g, c.b, 1.0f));
}

}  // namespace

ImU32 card_colour(std::string_view hex) {
    std::optional<Rgb> c = parse_hex(hex);
    if (!c) return card_default;
    // Mix with white until the luminance gives card_text a contrast ratio of about 10:1.
    Rgb m = *c;
    for (int step = 0; step < 20 && luminance(m) < 0.62f; ++step) {
        m.r += (1.0f - m.r) * 0.12f;
        m.g += (1.0f - m.g) * 0.12f;
        m.b += (1.0f - m.b) * 0.12f;
    }
    return to_u32(m);
}

ImU32 zone_colour(std::string_view hex) {
    std::optional<Rgb> c = parse_hex(hex);
    return c ? to_u32(*c) : card_default;
}

ImGuiStyle make_style(float scale) {
    ImGuiStyle style;
    ImGui::StyleColorsDark(&style);
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    style.FrameBorderSize = 0;
    style.ItemSpacing = ImVec2(0, 0);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(background[0], background[1], background[2], 1.0f);
    c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(text);
    c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(text_muted);
    c[ImGuiCol_NavHighlight] = ImGui::ColorConvertU32ToFloat4(accent);
    style.ScaleAllSizes(std::max(scale, 0.1f));
    return style;
}

}  // namespace samling::theme
