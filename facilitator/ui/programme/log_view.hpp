// The reading views for the room: a leader group's project log (G) — a timeline across
// gatherings, one card per concluded run with its conclusion, top notes and board picture —
// and "since last time" (Shift+G) — every group's problem, causes, measures and experiment.
// Draw from log_model.hpp; scroll with the wheel or PgUp/PgDn. No GLFW functions, OpenGL or hub.
#pragma once

#include <string>

#include <imgui.h>

#include "core/workshop.hpp"
#include "ui/fonts.hpp"
#include "ui/frame.hpp"
#include "ui/panels/control_state.hpp"
#include "ui/programme/programme_strings.hpp"
#include "ui/programme/thumbnail.hpp"

namespace samling {

// Fills [min, max] with the group's project log. `thumbnails` may be empty (no pictures).
// Returns true when its export button was clicked.
bool draw_project_log(const Frame& frame, Id group, ReadingViewState& reading, ImVec2 min, ImVec2 max,
                      const std::string& data_dir, const ThumbnailSource& thumbnails);

// Fills [min, max] with "since last time"; returns the group whose tile was clicked, or 0.
Id draw_since_last_time(const Frame& frame, Id focused, ReadingViewState& reading, ImVec2 min, ImVec2 max);

}  // namespace samling
