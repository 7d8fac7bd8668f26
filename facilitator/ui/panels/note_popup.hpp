// A note written on someone's behalf (N): text (at most 280 code points, with a counter), the
// zone it goes in, and in a "why?" chain step the note it answers. Appends
// cmd::AddFacilitatorNote; draws with ImGui; no GLFW functions, OpenGL or hub.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "core/workshop.hpp"
#include "ui/fonts.hpp"
#include "ui/frame.hpp"
#include "ui/panels/control_state.hpp"
#include "ui/ui_strings.hpp"

namespace samling {

std::size_t code_points(std::string_view utf8);

// Cuts `text` to at most `max` code points, never inside a character.
void cut_to_code_points(std::string& text, std::size_t max);

// The zones a new note may go in for the group's current step (the step's, else all).
std::vector<const Zone*> note_zones(const Workshop& state, Id group);

// Draws the popup for `panel.group`; `selected` is the board's hovered or selected note when
// the popup opens (a chain step's default answer), else 0. Returns false when it closed itself
// (added or cancelled).
bool draw_note_popup(const Frame& frame, NotePopupState& panel, Id selected, ImVec2 size);

}  // namespace samling
