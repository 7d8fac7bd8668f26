// "First to ask takes it": a phone asked to lead its table, and a band at the top of the
// projector names who and which group until the facilitator answers with a key — A says yes
// (cmd::SetLead), Shift+A says no (cmd::DeclineLead). No GLFW functions, OpenGL or hub.
#pragma once

#include <imgui.h>

#include "core/workshop.hpp"
#include "ui/frame.hpp"

namespace samling {

struct LeadAsk {
    Id group = 0;  // 0: nobody waits
    Id participant = 0;
};

// The ask the band shows: the first group, in the strip's order, whose phone waits.
LeadAsk waiting_lead_ask(const Workshop& state);

// A or Shift+A answers the waiting ask into `frame.out`; true when a key was spent on it.
bool answer_lead_ask(const Frame& frame);

// The band over the top of the window, while an ask waits.
void draw_lead_ask(const Frame& frame, ImDrawList* dl, ImVec2 size);

}  // namespace samling
