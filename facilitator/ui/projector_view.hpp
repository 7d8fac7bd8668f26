// One frame of the projector drawn from a Workshop snapshot: top bar (exercise, step, prompt),
// the focused group's board, the group strip, the join panel and the key hint. Called between
// ImGui::NewFrame and ImGui::Render; must not depend on GLFW, OpenGL or the hub.
#pragma once

#include <string>

#include <imgui.h>

#include "core/workshop.hpp"
#include "ui/board_view.hpp"
#include "ui/fonts.hpp"
#include "ui/join_panel.hpp"
#include "ui/qr_code.hpp"
#include "ui/ui_strings.hpp"

namespace samling {

// What the facilitator chose to look at: view state only, never written to the hub.
struct ViewState {
    Id focused = 0;       // 0: the first group
    int focus_index = -1; // a key asked for the N-th group (0-based); resolved next frame
    int focus_step = 0;   // Tab / Shift+Tab asked for the next / previous group
    float zoom = 1.0f;
    BoardCache board;        // laid out with the full chrome
    BoardCache dense_board;  // laid out with the compact chrome, when the board is crowded
};

// Fixed for the window's life.
struct ProjectorContent {
    const UiStrings* strings = nullptr;
    Language language = Language::nb;
    QrModules qr;
    JoinAddress address;
};

// Draws the frame into one full-screen ImGui window of `size` window units.
void draw_projector(const Workshop& state, ViewState& view, const ProjectorContent& content, const Fonts& fonts,
                    ImVec2 size, float pixels_per_unit);

}  // namespace samling
