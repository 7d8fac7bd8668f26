// The group's runs left in this gathering by start-next or a new start (G, under the project
// log), each with a button that makes it the group's current run again (cmd::ReopenRun).
// Draws with ImGui; no GLFW functions, OpenGL or hub.
#pragma once

#include <vector>

#include <imgui.h>

#include "core/workshop.hpp"
#include "ui/fonts.hpp"
#include "ui/frame.hpp"
#include "ui/ui_strings.hpp"

namespace samling {

// The runs the group left in the gathering its current run belongs to (or the open one), and
// those started with no gathering open, newest first; never the current run.
std::vector<const ExerciseRun*> earlier_runs(const Workshop& state, Id group);

// How tall the list is in [min.x, max_x] (0 when there is nothing to reopen).
float earlier_runs_height(const Workshop& state, Id group, const Fonts& fonts);

// Draws the list from `min` across to `max_x`; a click appends cmd::ReopenRun.
void draw_earlier_runs(const Frame& frame, Id group, ImVec2 min, float max_x);

}  // namespace samling
