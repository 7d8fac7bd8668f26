// Waker: the lock keeps a late wake() from reaching GLFW after glfwTerminate. Depends on GLFW only.
#include "ui/waker.hpp"

#include <GLFW/glfw3.h>

namespace samling {

void Waker::arm() {
    std::lock_guard lock(mu_);
    armed_ = true;
}

void Waker::disarm() {
    std::lock_guard lock(mu_);
    armed_ = false;
}

void Waker::wake() {
    std::lock_guard lock(mu_);
    if (armed_) glfwPostEmptyEvent();
}

}  // namespace samling
