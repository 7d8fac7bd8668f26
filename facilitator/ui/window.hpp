// The projector's GLFW window: an OpenGL 3.3 core context (3.0 as a fallback), full-screen
// toggling on the primary monitor. Depends on GLFW only; no ImGui, no workshop.
#pragma once

#include <string>

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

void set_fullscreen(Window& w, bool on);

// The last message GLFW reported (for the one line on stderr); installs the callback.
void capture_glfw_errors();
std::string last_glfw_error();

}  // namespace samling
