// Window creation and full screen. Depends on GLFW only.
#include "ui/window.hpp"

#include <mutex>

#include <GLFW/glfw3.h>

namespace samling {
namespace {

std::mutex error_mu;
std::string error_text;

void on_glfw_error(int code, const char* description) {
    std::lock_guard lock(error_mu);
    error_text = std::string(description ? description : "unknown error") + " (GLFW " + std::to_string(code) + ")";
}

GLFWwindow* try_create(int width, int height, const char* title, int major, int minor, bool core) {
    glfwDefaultWindowHints();
    if (core) {
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, major);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, minor);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    } else {
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, major);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, minor);
    }
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_FALSE);
    // Full screen on the projector must stay up when the facilitator clicks on the laptop's own
    // screen: GLFW would otherwise minimise a full-screen window as soon as it loses the focus.
    glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);
    return glfwCreateWindow(width, height, title, nullptr, nullptr);
}

}  // namespace

void capture_glfw_errors() {
    glfwSetErrorCallback(on_glfw_error);
}

std::string last_glfw_error() {
    std::lock_guard lock(error_mu);
    return error_text.empty() ? "no details from GLFW" : error_text;
}

bool open_window(Window& w, int width, int height, const char* title) {
    w.handle = try_create(width, height, title, 3, 3, true);
    w.glsl_version = "#version 330 core";
    if (!w.handle) {
        w.handle = try_create(width, height, title, 3, 0, false);
        w.glsl_version = "#version 130";
    }
    if (!w.handle) return false;
    glfwMakeContextCurrent(w.handle);
    glfwSwapInterval(1);
    return true;
}

void set_fullscreen(Window& w, bool on) {
    if (on == w.fullscreen) return;
    if (on) {
        GLFWmonitor* monitor = glfwGetPrimaryMonitor();
        const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr;
        if (!mode) return;
        glfwGetWindowPos(w.handle, &w.windowed_x, &w.windowed_y);
        glfwGetWindowSize(w.handle, &w.windowed_w, &w.windowed_h);
        glfwSetWindowMonitor(w.handle, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else {
        glfwSetWindowMonitor(w.handle, nullptr, w.windowed_x, w.windowed_y, w.windowed_w, w.windowed_h, GLFW_DONT_CARE);
    }
    w.fullscreen = on;
}

}  // namespace samling
