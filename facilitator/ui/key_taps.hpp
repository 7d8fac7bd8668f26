// ImGui 1.86 reads the keyboard as keys held down at the start of a frame and as a separate
// queue of typed characters, so events that arrive between two frames lose their order and
// their count: a quick tap is never seen, a chord whose keys go up in the same gap loses its
// modifier (Ctrl+Enter arrives as Enter), and letters typed after a Tab land in the field Tab
// leaves (the next field is only activated a frame later, and drops what comes in that frame).
// KeyTaps keeps the events in order and hands them to ImGui a frame at a time.
// Depends on ImGui only (keys are GLFW key codes, as the 1.86 GLFW backend uses them).
#pragma once

#include <deque>
#include <map>

#include <imgui.h>

namespace samling {

class KeyTaps {
public:
    // From the GLFW key and character callbacks (the backend writes them into ImGuiIO at once;
    // hold() puts right what it wrote).
    void on_key(int key, bool pressed);
    void on_char(unsigned int c);
    // After polling events, before ImGui::NewFrame: this frame's keys down and characters are
    // those of the events up to the first one that must wait for a later frame:
    // - a second change of the same key (a tap is down for one frame, then up);
    // - a modifier let go after another key went down in this frame (the chord keeps it);
    // - a key that moves the keyboard (Tab, Enter, arrows, Backspace, a Ctrl/Alt chord) after
    //   characters in this frame, and characters for two frames after such a key (ImGui
    //   activates the next field a frame after Tab, and that field drops what comes with it).
    // A frame that must not take events (the board's picture) gets the last state, no characters.
    void hold(ImGuiIO& io, bool take_events = true);
    // Events still waiting for a frame: the loop must draw another one.
    bool holding() const { return !queue_.empty(); }

private:
    struct Event {
        int key = -1;  // -1: a character
        bool pressed = false;
        unsigned int c = 0;
    };
    std::deque<Event> queue_;
    std::map<int, bool> down_;  // every key an event named, as ImGui is to see it
    long frame_ = 0;
    long chars_from_ = 0;  // the first frame that may take characters again
};

}  // namespace samling
