// Window creation and full screen, on the monitor the window is on. Depends on GLFW only.
#include "ui/window.hpp"

#include <algorithm>
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

long long overlap(const ScreenRect& a, const ScreenRect& b) {
    const long long w = std::min(a.x + a.w, b.x + b.w) - std::max(a.x, b.x);
    const long long h = std::min(a.y + a.h, b.y + b.h) - std::max(a.y, b.y);
    return w > 0 && h > 0 ? w * h : 0;
}

long long distance2(const ScreenRect& a, const ScreenRect& b) {
    const long long dx = (2LL * a.x + a.w) - (2LL * b.x + b.w), dy = (2LL * a.y + a.h) - (2LL * b.y + b.h);
    return dx * dx + dy * dy;
}

// The monitor for full screen: the window's, else the primary.
GLFWmonitor* window_monitor(GLFWwindow* window) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    std::vector<ScreenRect> rects;
    for (int i = 0; i < count; ++i) {
        ScreenRect r;
        glfwGetMonitorPos(monitors[i], &r.x, &r.y);
        const GLFWvidmode* mode = glfwGetVideoMode(monitors[i]);
        r.w = mode ? mode->width : 0;
        r.h = mode ? mode->height : 0;
        rects.push_back(r);
    }
    ScreenRect win;
    glfwGetWindowPos(window, &win.x, &win.y);
    glfwGetWindowSize(window, &win.w, &win.h);
    const int i = monitor_for(win, rects);
    return i >= 0 ? monitors[i] : glfwGetPrimaryMonitor();
}

}  // namespace

int monitor_for(const ScreenRect& window, const std::vector<ScreenRect>& monitors) {
    int best = -1;
    long long best_area = 0;
    for (std::size_t i = 0; i < monitors.size(); ++i)
        if (const long long a = overlap(window, monitors[i]); a > best_area) {
            best_area = a;
            best = static_cast<int>(i);
        }
    if (best >= 0 || monitors.empty()) return best;
    best = 0;
    for (std::size_t i = 1; i < monitors.size(); ++i)
        if (distance2(window, monitors[i]) < distance2(window, monitors[static_cast<std::size_t>(best)]))
            best = static_cast<int>(i);
    return best;
}

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

int monitor_count() {
    int count = 0;
    glfwGetMonitors(&count);
    return count;
}

void place_presenter_pair(Window& presenter, Window& projector) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    GLFWmonitor* primary = glfwGetPrimaryMonitor();
    if (count == 0 || !primary) return;
    int px = 0, py = 0, pw = 0, ph = 0;
    glfwGetMonitorWorkarea(primary, &px, &py, &pw, &ph);
    glfwSetWindowPos(presenter.handle, px, py);
    GLFWmonitor* other = nullptr;
    for (int i = 0; i < count && !other; ++i)
        if (monitors[i] != primary) other = monitors[i];
    if (other) {
        int ox = 0, oy = 0;
        glfwGetMonitorPos(other, &ox, &oy);
        glfwSetWindowPos(projector.handle, ox, oy);
        glfwMaximizeWindow(presenter.handle);
        set_fullscreen(projector, true);  // on the monitor it now stands on
        return;
    }
    int w = 0, h = 0;
    glfwGetWindowSize(projector.handle, &w, &h);
    glfwSetWindowPos(projector.handle, px + std::max(0, pw - w), py);
}

namespace {
int changes_seen = 0;  // GLFW calls back on the main thread, inside its event polling
void on_monitor(GLFWmonitor*, int) {
    ++changes_seen;
}
}  // namespace

void watch_monitors() {
    glfwSetMonitorCallback(on_monitor);
}

int monitor_changes() {
    return changes_seen;
}

void follow_monitors(Window& presenter, Window& projector) {
    projector.fullscreen = glfwGetWindowMonitor(projector.handle) != nullptr;
    if (monitor_count() < 2) {
        glfwHideWindow(projector.handle);
        return;
    }
    glfwShowWindow(projector.handle);
    if (!projector.fullscreen) place_presenter_pair(presenter, projector);
}

void set_fullscreen(Window& w, bool on) {
    if (on == w.fullscreen) return;
    if (on) {
        GLFWmonitor* monitor = window_monitor(w.handle);
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
