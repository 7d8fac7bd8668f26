// The setup screen (F2; opens by itself in a room without leader groups): the programme's
// name, its gatherings (add, edit, open one), the leader groups (paste a list; services and
// project per group) and the open gathering's agenda. Keyboard first: Tab / Shift+Tab move
// between fields, Enter saves a field, arrows drive the agenda, Esc closes. Appends commands;
// draws with ImGui; no GLFW functions (key codes only), OpenGL or hub.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "core/workshop.hpp"
#include "ui/control_state.hpp"
#include "ui/fonts.hpp"
#include "ui/programme_strings.hpp"
#include "ui/ui_strings.hpp"

namespace samling {

// Draws the screen over the whole window `size`.
void draw_setup(const Workshop& state, ControlState& controls, const Fonts& fonts, const ProgrammeStrings& strings,
                Language lang, ImVec2 size, Timestamp now, std::vector<Command>& out);

// --- Parts of the screen (setup_screen.cpp, setup_lists.cpp) ---------------------------------

// A one-line field showing `current` unless it is being typed in (or was just saved and the
// hub has not answered). True when it was left after an edit (Enter, Tab, a click elsewhere)
// with a text other than `current`; the text is then in setup.drafts[key].
bool setup_field(const Workshop& state, SetupState& setup, const std::string& key, const char* hint,
                 const std::string& current, float width);

// Pasting group names, and each group's name, services and project.
void draw_setup_groups(const Workshop& state, ControlState& controls, const Fonts& fonts,
                       const ProgrammeStrings& strings, Timestamp now, std::vector<Command>& out);

// The open gathering's agenda and the catalogue to add from.
void draw_setup_agenda(const Workshop& state, ControlState& controls, const Fonts& fonts,
                       const ProgrammeStrings& strings, Language lang, std::vector<Command>& out);

// The agenda's keys while no field has the keyboard: ↑ ↓ pick, Shift+↑ ↓ move, Delete removes,
// ← → switch between agenda and catalogue, Enter adds the chosen exercise.
void setup_agenda_keys(const Workshop& state, SetupState& setup, std::vector<Command>& out);

}  // namespace samling
