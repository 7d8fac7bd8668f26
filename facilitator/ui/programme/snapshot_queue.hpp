// Which concluded runs still need a picture of their board in the project log, whoever
// concluded them (a key, the control surface, an earlier run without a window). Pure apart from
// asking whether a file exists; must not depend on ImGui, GLFW, OpenGL or the hub.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/workshop.hpp"

namespace samling {

// Concluded runs that have no picture under `data_dir` yet and are not in `attempted`, oldest
// conclusion first; also runs their group has since moved on from (the picture draws the run's
// own board). Empty when `data_dir` is empty.
std::vector<Id> runs_to_picture(const Workshop& state, const std::string& data_dir, const std::set<Id>& attempted);

}  // namespace samling
