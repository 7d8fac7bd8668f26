// Actions on more than one group ask first: the question, drawn large over the room, waits
// for Enter (the commands go out as one cmd::Together: one action, one Ctrl+Z) or any other key
// or a click (nothing happens).
// Draws with ImGui; no GLFW functions, OpenGL or hub.
#pragma once

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

// "Start «{x}» for {n} grupper?" with {x} and {n} filled in (the text is never a format string).
std::string fill_question(std::string_view pattern, std::string_view what, std::size_t groups);

// How many groups the commands act on.
std::size_t groups_in(const std::vector<Command>& commands);

// Commands for two or more groups wait behind `question`; for one group they go out at once.
void ask_or_post(ControlState& c, std::string question, std::vector<Command> commands, std::vector<Command>& out);

// While a question waits: Enter posts its commands as one Together, any other key or a click drops them, and
// either way the frame's keys and clicks are spent, so nothing else acts on them. Returns
// whether a question was waiting.
bool answer_confirm(ControlState& c, std::vector<Command>& out);

// The question over the whole window, in front of everything; takes the mouse while shown.
void draw_confirm(const Frame& frame, const PendingConfirm& confirm, ImVec2 size);

// What S would start next for the group on the open gathering's agenda; empty: nothing left.
std::string next_on_agenda(const Workshop& state, Id group);

}  // namespace samling
