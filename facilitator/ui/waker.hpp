// Wakes the projector's frame loop from other threads (the hub's writer) with
// glfwPostEmptyEvent, only while the window exists. Depends on GLFW only.
#pragma once

#include <mutex>

namespace samling {

class Waker {
public:
    void arm();     // the UI thread, after glfwInit and the window
    void disarm();  // the UI thread, before glfwTerminate; wake() is a no-op from then on
    void wake();    // any thread

private:
    std::mutex mu_;
    bool armed_ = false;
};

}  // namespace samling
