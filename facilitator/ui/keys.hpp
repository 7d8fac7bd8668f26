// The projector's keys, read with ImGui 1.86's IsKeyPressed(GLFW_KEY_…) inside a frame:
// Tab focuses the next group (not on the setup screen or in the conclusion panel; digits are
// group_number's), Ctrl +/−/0 zoom, F11 full screen, Esc closes a panel or leaves full screen.
// Nothing while a text field has the keyboard or a question waits for its answer.
// Depends on ImGui and GLFW's key codes; never on the hub (commands come from controls.hpp).
#pragma once

namespace samling {

struct ViewState;
struct Window;

inline constexpr float min_zoom = 0.5f;
inline constexpr float max_zoom = 2.5f;

// Applies this frame's key presses to the view and the window.
void handle_keys(ViewState& view, Window& window);

}  // namespace samling
