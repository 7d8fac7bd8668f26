// The setup screen (F2; opens by itself in a room without leader groups): the programme's
// name, the room's name and language, its gatherings (add, edit, open, archive, delete), the
// leader groups (paste rows; services, project, archive, delete, participants) and the open
// gathering's agenda. Keyboard first: Tab / Shift+Tab move
// between fields, Enter saves a field, arrows drive the agenda, Esc closes. Appends commands;
// draws with ImGui; no GLFW functions (key codes only), OpenGL or hub.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "core/presence.hpp"
#include "core/workshop.hpp"
#include "ui/fonts.hpp"
#include "ui/frame.hpp"
#include "ui/panels/control_state.hpp"
#include "ui/programme/programme_strings.hpp"
#include "ui/ui_strings.hpp"

namespace samling {

// Draws the screen over the whole window `size`; `presence` says which participants are here.
void draw_setup(const Frame& frame, ControlState& controls, ImVec2 size);

// A deletion or removal is asking (Enter = yes, Esc = no): Esc must not close the screen.
bool setup_asking(const ControlState& controls);

// --- Parts of the screen (setup_screen.cpp, setup_lists.cpp) ---------------------------------

// A one-line field showing `current` unless it is being typed in (or was just saved and the
// hub has not answered). True when it was left after an edit (Enter, Tab, a click elsewhere)
// with a text other than `current`; the text is then in setup.drafts[key].
bool setup_field(const Workshop& state, SetupState& setup, const std::string& key, const char* hint,
                 const std::string& current, float width);

// Pasting rows of groups, and each group's name, services, project, actions and participants.
void draw_setup_groups(const Frame& frame, ControlState& controls);

// --- Housekeeping (setup_admin.cpp) ------------------------------------------------------------

// A button in the small type the housekeeping actions use (archive, delete, rename).
bool small_button(const Fonts& fonts, const char* label);

// The room's name (empty: the programme's) and the language phones and exports use.
void draw_setup_room(const Frame& frame, SetupState& setup);

// Archive and delete for one group or gathering; delete asks first, or says at once why it cannot.
void draw_group_actions(const Frame& frame, ControlState& controls, const LeaderGroup& group);
void draw_gathering_actions(const Frame& frame, ControlState& controls, const Gathering& gathering);

// A group's participants: name or "anonym", here or not, "Flytt til …" and "Fjern" (asks first).
void draw_setup_participants(const Frame& frame, ControlState& controls, Id group);

// Archived groups and gatherings, greyed and apart, each with a button that brings it back.
void draw_archived_groups(const Workshop& state, const Fonts& fonts, const ProgrammeStrings& strings,
                          std::vector<Command>& out);
void draw_archived_gatherings(const Workshop& state, const Fonts& fonts, const ProgrammeStrings& strings,
                              std::vector<Command>& out);

// The question a deletion asks, in front of the screen: Enter or "Ja" does it, Esc or "Nei" not.
void draw_setup_confirm(const Frame& frame, SetupState& setup, ImVec2 size);
// The same question for any caller (the programme picker too): drawn each frame until answered.
enum class YesNo { waiting, yes, no };
YesNo ask_yes_no(const Frame& frame, const char* id, const std::string& question, ImVec2 size, float height_em);

// The open gathering's agenda and the catalogue to add from.
void draw_setup_agenda(const Frame& frame, ControlState& controls);

// The agenda's keys while no field has the keyboard: ↑ ↓ pick, Shift+↑ ↓ move, Delete removes,
// ← → switch between agenda and catalogue, Enter adds the chosen exercise.
void setup_agenda_keys(const Workshop& state, SetupState& setup, std::vector<Command>& out);

}  // namespace samling
