// The projector's top bar, measured before it is drawn: the open gathering, "group · exercise", the step's state
// (writing closed, how many are done), the countdown box at the right, then the prompt and
// instructions. Reads a snapshot; no GLFW, OpenGL or hub.
#pragma once

#include <string>

#include <imgui.h>

#include "core/workshop.hpp"
#include "ui/fonts.hpp"
#include "ui/panels/step_bar.hpp"
#include "ui/text/text_wrap.hpp"
#include "ui/ui_strings.hpp"

namespace samling {

struct TopBar {
    std::string gathering;  // "Samling 2 · 20. jan."; empty while none is open
    std::string group, title;
    std::string status;   // "2 av 5 er ferdige"
    bool locked = false;  // writing closed by the facilitator (L)
    TimerLook timer;
    ImVec2 timer_size;
    const ImFont* prompt_font = nullptr;
    WrappedText prompt, instructions;
    float height = 0;
};

// `presence`: who is here now, for the done count.
TopBar make_top_bar(const Workshop& state, const Presence& presence, Id group, float width, const Fonts& fonts,
                    const UiStrings& strings, Language lang, Timestamp now, bool compact);

void draw_top_bar(ImDrawList* dl, const TopBar& bar, ImVec2 min, float right, const Fonts& fonts,
                  const UiStrings& strings);

}  // namespace samling
