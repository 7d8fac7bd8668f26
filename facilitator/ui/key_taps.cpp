#include "ui/key_taps.hpp"

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

}  // namespace

void KeyTaps::on_key(int key, bool pressed) {
    if (!in_range(key)) return;
    if (pressed) {
        chorded_.insert(down_.begin(), down_.end());
        down_.insert(key);
        pressed_.insert(key);
        return;
    }
    down_.erase(key);
    // A tap, or a modifier let go after the key it modifies went down: the frame must see it.
    if (pressed_.count(key) || chorded_.count(key)) to_hold_.insert(key);
}

void KeyTaps::hold(ImGuiIO& io) {
    for (int key : to_hold_)
        if (!io.KeysDown[key]) {
            io.KeysDown[key] = true;
            held_.insert(key);
        }
    to_hold_.clear();
    pressed_.clear();
    chorded_.clear();
    if (!held_.empty()) update_modifiers(io);
}

void KeyTaps::let_go(ImGuiIO& io) {
    if (held_.empty()) return;
    for (int key : held_) io.KeysDown[key] = false;
    held_.clear();
    update_modifiers(io);
}

}  // namespace samling
