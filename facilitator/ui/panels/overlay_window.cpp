// Panel style: the projector's base style has no padding or spacing (it draws by hand), so
// panels with widgets push their own. No GLFW, OpenGL or hub.
#include "ui/panels/overlay_window.hpp"

#include "ui/panels/control_theme.hpp"

namespace samling {
namespace {

constexpr int style_vars = 6;
constexpr int style_colours = 13;

ImVec4 f4(ImU32 c) {
    return ImGui::ColorConvertU32ToFloat4(c);
}

}  // namespace

void push_panel_style(const Fonts& fonts) {
    const float em = fonts.em;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(1.2f * em, 1.0f * em));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.5f * em, 0.45f * em));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0.6f * em, 0.35f * em));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.5f * em);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 0.3f * em);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, f4(theme::sheet));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, f4(theme::sheet));
    ImGui::PushStyleColor(ImGuiCol_Border, f4(theme::sheet_line));
    ImGui::PushStyleColor(ImGuiCol_FrameBg, f4(theme::field_bg));
    ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, f4(theme::panel_hover));
    ImGui::PushStyleColor(ImGuiCol_FrameBgActive, f4(theme::panel_hover));
    ImGui::PushStyleColor(ImGuiCol_Button, f4(theme::panel_hover));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, f4(theme::step_future));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, f4(theme::sheet_line));
    ImGui::PushStyleColor(ImGuiCol_CheckMark, f4(theme::accent));
    ImGui::PushStyleColor(ImGuiCol_Header, f4(theme::panel_hover));
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, f4(theme::step_future));
    ImGui::PushStyleColor(ImGuiCol_PopupBg, f4(theme::sheet));
}

void pop_panel_style() {
    ImGui::PopStyleColor(style_colours);
    ImGui::PopStyleVar(style_vars);
}

void begin_overlay_window(const char* id, ImVec2 screen, ImVec2 panel, const Fonts& fonts) {
    push_panel_style(fonts);
    ImGui::SetNextWindowPos(ImVec2(screen.x / 2, screen.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(panel, ImGuiCond_Always);
    ImGui::SetNextWindowFocus();
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoNav);
}

void end_overlay_window() {
    ImGui::End();
    pop_panel_style();
}

void draw_scrim(ImDrawList* dl, ImVec2 size) {
    dl->AddRectFilled(ImVec2(0, 0), size, theme::scrim);
}

}  // namespace samling
