// The phone preview (P): a phone-shaped panel drawing exactly what a phone that just joined the
// group sees, from preview_for() — the same core function the server answers phones with.
// Reads a snapshot and draws; no GLFW, OpenGL or hub.
#pragma once

#include <imgui.h>

#include "core/participant_view.hpp"
#include "ui/fonts.hpp"
#include "ui/ui_strings.hpp"

namespace samling {

// The phone's words under its prompt: writing open or closed, the dot budget, the clock.
struct PhoneStatus {
    const char* writing = nullptr;  // nullptr: the step takes no notes
    bool open = false;
    std::string votes;  // "Du har 3 stemmer"; empty outside a vote
    std::string timer;  // "04:12"; empty when the step has no clock
};
PhoneStatus phone_status(const ParticipantView& view, const UiStrings& strings);

// Draws the phone inside [min, max] (it keeps a phone's 9:16 shape), with a title above.
void draw_phone_preview(ImDrawList* dl, const ParticipantView& view, ImVec2 min, ImVec2 max, const Fonts& fonts,
                        const UiStrings& strings);

}  // namespace samling
