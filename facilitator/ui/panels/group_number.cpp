// Group numbers typed on the keyboard. 1.86 keys: IsKeyPressed takes a GLFW key code.
// Must not depend on the hub, GLFW's functions or OpenGL.
#include "ui/panels/group_number.hpp"

#include <string>

#include <GLFW/glfw3.h>

#include "ui/panels/control_theme.hpp"
#include "ui/text/draw_text.hpp"

namespace samling {
namespace {

int digit_pressed() {
    for (int d = 0; d <= 9; ++d)
        if (ImGui::IsKeyPressed(GLFW_KEY_0 + d, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_0 + d, false)) return d;
    return -1;
}

void take(GroupNumberEntry& e, std::size_t groups) {
    const int n = std::stoi(e.digits);
    if (n >= 1 && static_cast<std::size_t>(n) <= groups) e.pick = n - 1;
    e.digits.clear();
}

}  // namespace

bool group_number_keys(std::size_t groups, GroupNumberEntry& e, Timestamp now) {
    const int d = digit_pressed();
    if (groups < 10) {
        e.digits.clear();
        if (d >= 1) e.pick = d - 1;
        return false;
    }
    if (d > 0 || (d == 0 && !e.digits.empty())) {
        // The digit is the number's: the board must not read "0" as its zoom reset. (1.86 has no
        // way to eat a key; one held since an earlier frame is no longer "pressed".)
        ImGuiIO& io = ImGui::GetIO();
        io.KeysDownDuration[GLFW_KEY_0 + d] = io.KeysDownDuration[GLFW_KEY_KP_0 + d] = 0.001f;
        e.digits += static_cast<char>('0' + d);
        e.typed_at = now;
        // No group number is longer: "3" of 27 groups, or any two digits of up to 99 groups.
        if (static_cast<std::size_t>(std::stoi(e.digits)) * 10 > groups) take(e, groups);
        return false;
    }
    if (e.digits.empty()) return false;
    if (ImGui::IsKeyPressed(GLFW_KEY_ENTER, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_ENTER, false)) {
        take(e, groups);
        return true;
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) {
        e.digits.clear();
        return true;
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_BACKSPACE, false)) e.digits.pop_back();
    if (!e.digits.empty() && now - e.typed_at >= group_number_pause_ms) take(e, groups);
    return false;
}

void draw_group_number(ImDrawList* dl, const GroupNumberEntry& e, float centre_x, float bottom, const Fonts& fonts,
                       const UiStrings& s) {
    if (e.digits.empty()) return;
    const float em = fonts.em;
    const std::string text = std::string(s.group_number) + " " + e.digits + "_";
    const float w = width_of(fonts, fonts.title, text) + 2.4f * em;
    const float h = fonts.size(fonts.title) + 1.2f * em;
    const ImVec2 a = snap(ImVec2(centre_x - w / 2, bottom - h)), b = snap(ImVec2(centre_x + w / 2, bottom));
    dl->AddRectFilled(a, b, theme::accent, h / 2);
    draw_text(dl, fonts, fonts.title, ImVec2(a.x + 1.2f * em, a.y + 0.6f * em), theme::accent_text, text);
}

}  // namespace samling
