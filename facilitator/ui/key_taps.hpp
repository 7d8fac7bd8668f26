// ImGui 1.86 reads the keyboard as keys held down at the start of a frame: a key pressed and
// released between two frames (a quick tap while a frame is slow, or a scripted one) is never
// seen, and a chord whose keys go up in the same gap loses its modifier (Ctrl+Enter arrives as
// Enter). KeyTaps holds such keys down for one more frame, then lets them go.
// Depends on ImGui only (keys are GLFW key codes, as the 1.86 GLFW backend uses them).
#pragma once

#include <set>

#include <imgui.h>

namespace samling {

class KeyTaps {
public:
    // From the GLFW key callback, before ImGui's backend sees the event.
    void on_key(int key, bool pressed);
    // After polling events, before ImGui::NewFrame: the keys to hold are down in this frame.
    void hold(ImGuiIO& io);
    // Before polling the next events: the held keys are let go (unless pressed again).
    void let_go(ImGuiIO& io);
    bool holding() const { return !held_.empty(); }

private:
    std::set<int> down_;     // physically down, as the events say
    std::set<int> pressed_;  // went down since the last frame
    std::set<int> chorded_;  // was down when another key went down since the last frame
    std::set<int> to_hold_;  // went up since the last frame, but the frame must see it down
    std::set<int> held_;     // held down in this frame by us
};

}  // namespace samling
