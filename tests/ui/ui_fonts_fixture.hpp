// An ImGui context with the projector's real fonts baked at a body height of `em` pixels, for
// tests that measure or lay out text without a window. `ok` is false when no font is found.
#pragma once

#include <imgui.h>

#include "ui/fonts.hpp"

namespace samling::test {

struct ImGuiWithFonts {
    Fonts fonts;
    bool ok = false;
    explicit ImGuiWithFonts(float em = 22.0f) {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        const FontFiles files = find_font_files();
        ok = !files.regular.empty() && bake_fonts(*ImGui::GetIO().Fonts, files, em, 1.0f, fonts);
    }
    ~ImGuiWithFonts() { ImGui::DestroyContext(); }
    ImGuiWithFonts(const ImGuiWithFonts&) = delete;
    ImGuiWithFonts& operator=(const ImGuiWithFonts&) = delete;
};

}  // namespace samling::test
