// A note written on someone's behalf (N): text (at most 280 characters, with a counter), the
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

// The text field's text as the core will keep it: composed (NFC), at most `max` characters
// (grapheme clusters, as the core and the phone count them), never cut inside one.
std::string note_field_text(std::string_view typed, std::size_t max);

// Where a caret at byte `at` of `text` belongs when it moved there from `before`: on the
// boundary of the character it landed in, past it when moving right. ImGui 1.86 steps by code
// point, which would stop inside "❤️" (heart + variation selector).
std::size_t caret_between_characters(std::string_view text, std::size_t at, std::size_t before);

// The zones a new note may go in for the group's current step (the step's, else all).
std::vector<const Zone*> note_zones(const Workshop& state, Id group);

// Draws the popup for `panel.group`; `selected` is the board's hovered or selected note when
// the popup opens (a chain step's default answer), else 0. Returns false when it closed itself
// (added or cancelled).
bool draw_note_popup(const Frame& frame, NotePopupState& panel, Id selected, ImVec2 size);

}  // namespace samling
