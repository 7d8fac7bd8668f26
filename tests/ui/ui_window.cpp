// F11 goes full screen on the monitor the window is on: the choice of monitor, from the
// window's and the monitors' rectangles as GLFW reports them. No window is opened.
#include <doctest/doctest.h>

#include <vector>

#include "ui/window.hpp"

using namespace samling;

namespace {
// A laptop (primary, 1920x1080 at the origin) with a projector to its right (1280x720).
const std::vector<ScreenRect> laptop_and_projector = {{0, 0, 1920, 1080}, {1920, 0, 1280, 720}};
}  // namespace

TEST_CASE("F11: the window dragged onto the projector goes full screen there, not on the laptop") {
    CHECK(monitor_for({2000, 40, 1100, 600}, laptop_and_projector) == 1);
    CHECK(monitor_for({100, 100, 1280, 720}, laptop_and_projector) == 0);
}

TEST_CASE("F11: a window across both screens takes the one holding most of it") {
    // 1280 wide from x = 1500: 420 px on the laptop, 860 on the projector.
    CHECK(monitor_for({1500, 0, 1280, 720}, laptop_and_projector) == 1);
    // 1280 wide from x = 1000: 920 px on the laptop.
    CHECK(monitor_for({1000, 0, 1280, 720}, laptop_and_projector) == 0);
    // A projector to the left, at negative x, as a desktop may place it.
    const std::vector<ScreenRect> left_projector = {{0, 0, 1920, 1080}, {-1280, 200, 1280, 720}};
    CHECK(monitor_for({-1200, 250, 1000, 600}, left_projector) == 1);
}

TEST_CASE("F11: a window off every screen takes the nearest one; no monitors, none") {
    CHECK(monitor_for({4000, 100, 800, 600}, laptop_and_projector) == 1);
    CHECK(monitor_for({-900, 100, 800, 600}, laptop_and_projector) == 0);
    CHECK(monitor_for({0, 0, 800, 600}, {}) == -1);
}
