// The projector's GLFW window: an OpenGL 3.3 core context (3.0 as a fallback), full-screen
// toggling on the monitor the window is on. Depends on GLFW only; no ImGui, no workshop.
#pragma once

#include <string>
#include <vector>

struct GLFWwindow;

namespace samling {

struct Window {
    GLFWwindow* handle = nullptr;
    const char* glsl_version = "#version 330 core";
    bool fullscreen = false;
    int windowed_x = 0, windowed_y = 0, windowed_w = 0, windowed_h = 0;  // to return to
};

// After glfwInit. False when no context could be made (no display, no GL 3).
bool open_window(Window& w, int width, int height, const char* title);

// Full screen on the monitor most of the window is on (a laptop with the projector as its
// second screen: the one the facilitator dragged the window to), back to the window's place.
void set_fullscreen(Window& w, bool on);

// How many monitors GLFW reports (XRandR's outputs on X11).
int monitor_count();

// The presenter window and the projector's: with two monitors or more the presenter on the
// primary one (the laptop's) and the projector full screen on the first other one; on one
// monitor the projector at the screen's right and the presenter at its left, overlapping
// only where the screen is too narrow for both.
void place_presenter_pair(Window& presenter, Window& projector);

// Counts monitors plugged in and pulled out (a projector's cable) from now on: installs GLFW's
// monitor callback. The count only grows; the loop compares it with the one it acted on.
void watch_monitors();
int monitor_changes();

// After a change of monitors: with two or more, the projector's window shown again and, unless
// it is still full screen on one, the pair placed again; with one, the projector's window
// hidden (GLFW took it off the monitor that went) until a second monitor returns.
void follow_monitors(Window& presenter, Window& projector);

struct ScreenRect {  // virtual screen coordinates, as GLFW gives a window's and a monitor's
    int x = 0, y = 0, w = 0, h = 0;
};

// The index of the monitor sharing the largest area with `window`; when none does (the window
// is off every screen), the one whose middle is nearest the window's. -1 without monitors.
int monitor_for(const ScreenRect& window, const std::vector<ScreenRect>& monitors);

// The last message GLFW reported (for the one line on stderr); installs the callback.
void capture_glfw_errors();
std::string last_glfw_error();

}  // namespace samling
