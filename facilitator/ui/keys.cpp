// View keys (the keys that send commands are in controls.cpp). Zoom keys are matched by the
// character they type in the current layout (glfwGetKeyName): on a Norwegian keyboard "+" sits
// where GLFW_KEY_MINUS is on a US one. Depends on ImGui and GLFW; never on the hub.
#include "ui/keys.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <GLFW/glfw3.h>
#include <imgui.h>

#include "ui/programme/programme_picker.hpp"
#include "ui/programme/setup_screen.hpp"
#include "ui/projector_view.hpp"
#include "ui/window.hpp"

namespace samling {
namespace {

enum class Zoom { none, in, out, reset };

Zoom zoom_key() {
    if (ImGui::IsKeyPressed(GLFW_KEY_KP_ADD)) return Zoom::in;
    if (ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT)) return Zoom::out;
    if (ImGui::IsKeyPressed(GLFW_KEY_KP_0)) return Zoom::reset;
    for (int key : {GLFW_KEY_EQUAL, GLFW_KEY_MINUS, GLFW_KEY_SLASH, GLFW_KEY_RIGHT_BRACKET, GLFW_KEY_0}) {
        if (!ImGui::IsKeyPressed(key)) continue;
        const char* name = glfwGetKeyName(key, 0);
        if (!name) name = key == GLFW_KEY_EQUAL ? "=" : key == GLFW_KEY_MINUS ? "-" : key == GLFW_KEY_0 ? "0" : "";
        if (!std::strcmp(name, "+") || !std::strcmp(name, "=")) return Zoom::in;
        if (!std::strcmp(name, "-")) return Zoom::out;
        if (!std::strcmp(name, "0")) return Zoom::reset;
    }
    return Zoom::none;
}

}  // namespace

void handle_keys(ViewState& view, Window& window) {
    const ImGuiIO& io = ImGui::GetIO();
    // Digits, Tab and Esc belong to the field being typed in, and every key to a question
    // waiting for its answer (controls.cpp).
    if (io.WantTextInput || keys_go_to_text(view.controls) || !view.controls.confirm.question.empty()) return;
    if (io.KeyCtrl) {
        switch (zoom_key()) {
            case Zoom::in:
                view.zoom = std::min(max_zoom, std::round(view.zoom * 11.0f) / 10.0f);
                break;
            case Zoom::out:
                view.zoom = std::max(min_zoom, std::round(view.zoom / 1.1f * 10.0f) / 10.0f);
                break;
            case Zoom::reset:
                view.zoom = 1.0f;
                break;
            case Zoom::none:
                break;
        }
        return;
    }
    // On the setup screen Tab moves between its fields (ImGui's own tabbing), not between
    // groups; in the conclusion panel it opens its fields (controls.cpp). Digits: group_number.
    if (view.controls.overlay != Overlay::setup && view.controls.overlay != Overlay::programmes &&
        !conclusion_takes_keys(view.controls) && ImGui::IsKeyPressed(GLFW_KEY_TAB))
        view.focus_step += io.KeyShift ? -1 : 1;
    if (ImGui::IsKeyPressed(GLFW_KEY_F11, false)) set_fullscreen(window, !window.fullscreen);
    // J and F change only what the room sees around the board; the setup screen and the
    // reading views (G) have their own pages and keep them.
    if (view.controls.overlay == Overlay::none || view.controls.overlay == Overlay::overview) {
        if (ImGui::IsKeyPressed(GLFW_KEY_J, false)) view.room_hidden = !view.room_hidden;
        if (ImGui::IsKeyPressed(GLFW_KEY_F, false)) {
            view.focus_mode = !view.focus_mode;
            if (view.focus_mode && view.controls.overlay == Overlay::overview) view.controls.overlay = Overlay::none;
        }
    }
    // While a group number is typed, Esc drops the number (group_number.cpp) and nothing else;
    // while F2 asks before a deletion, Esc answers "no".
    if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false) && view.controls.number.digits.empty() &&
        !setup_asking(view.controls) && !picker_asking(view.controls)) {
        // Esc closes a panel first, then leaves focus mode; only then does it leave full screen.
        if (view.controls.overlay != Overlay::none)
            view.controls.overlay = Overlay::none;
        else if (view.focus_mode)
            view.focus_mode = false;
        else
            set_fullscreen(window, false);
    }
}

}  // namespace samling
