// Key and character events kept in order and handed to ImGui a frame at a time (key_taps.hpp
// says why). Depends on ImGui and GLFW key codes only.
#include "ui/key_taps.hpp"

#include <set>
#include <vector>

#include <GLFW/glfw3.h>

namespace samling {
namespace {

// As imgui_impl_glfw 1.86 derives the modifiers: from the keys' own state.
void update_modifiers(ImGuiIO& io) {
    const auto down = [&io](int a, int b) { return io.KeysDown[a] || io.KeysDown[b]; };
    io.KeyCtrl = down(GLFW_KEY_LEFT_CONTROL, GLFW_KEY_RIGHT_CONTROL);
    io.KeyShift = down(GLFW_KEY_LEFT_SHIFT, GLFW_KEY_RIGHT_SHIFT);
    io.KeyAlt = down(GLFW_KEY_LEFT_ALT, GLFW_KEY_RIGHT_ALT);
    io.KeySuper = down(GLFW_KEY_LEFT_SUPER, GLFW_KEY_RIGHT_SUPER);
}

bool in_range(int key) {
    return key >= 0 && key < static_cast<int>(IM_ARRAYSIZE(ImGuiIO{}.KeysDown));
}

bool is_modifier(int key) {
    return key >= GLFW_KEY_LEFT_SHIFT && key <= GLFW_KEY_RIGHT_SUPER;
}

// The keys that only carry a typed character (letters, digits, punctuation, space, the
// keypad's digits) unless Ctrl, Alt or Super is down.
bool types_a_character(int key, const std::map<int, bool>& down) {
    for (int m : {GLFW_KEY_LEFT_CONTROL, GLFW_KEY_RIGHT_CONTROL, GLFW_KEY_LEFT_ALT, GLFW_KEY_RIGHT_ALT,
                  GLFW_KEY_LEFT_SUPER, GLFW_KEY_RIGHT_SUPER})
        if (const auto it = down.find(m); it != down.end() && it->second) return false;
    return (key >= GLFW_KEY_SPACE && key <= GLFW_KEY_GRAVE_ACCENT) || key == GLFW_KEY_WORLD_1 ||
           key == GLFW_KEY_WORLD_2 || (key >= GLFW_KEY_KP_0 && key <= GLFW_KEY_KP_ADD) || key == GLFW_KEY_KP_EQUAL;
}

}  // namespace

void KeyTaps::on_key(int key, bool pressed) {
    if (!in_range(key)) return;
    down_.try_emplace(key, false);  // the backend has set it already: hold() sets it back until its turn
    queue_.push_back(Event{key, pressed, 0});
}

void KeyTaps::on_char(unsigned int c) {
    queue_.push_back(Event{-1, false, c});
}

void KeyTaps::hold(ImGuiIO& io, bool take_events) {
    std::vector<unsigned int> chars;
    if (take_events) {
        ++frame_;
        std::set<int> changed;
        bool key_went_down = false;  // xdotool lets Ctrl go before the V of Ctrl+V
        while (!queue_.empty()) {
            const Event& e = queue_.front();
            if (e.key < 0) {
                if (frame_ < chars_from_) break;
                chars.push_back(e.c);
            } else {
                if (changed.count(e.key)) break;
                if (is_modifier(e.key) && !e.pressed && key_went_down) break;
                const bool moves = e.pressed && !is_modifier(e.key) && !types_a_character(e.key, down_);
                if (moves && !chars.empty()) break;
                key_went_down = key_went_down || (e.pressed && !is_modifier(e.key));
                changed.insert(e.key);
                down_[e.key] = e.pressed;
                if (moves) chars_from_ = frame_ + 2;
            }
            queue_.pop_front();
        }
    }
    // The backend wrote every event into io as it came: this frame sees only what was let through.
    for (const auto& [key, down] : down_) io.KeysDown[key] = down;
    io.InputQueueCharacters.resize(0);
    for (unsigned int c : chars) io.AddInputCharacter(c);
    update_modifiers(io);
}

}  // namespace samling
