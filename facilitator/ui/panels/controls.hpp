// The facilitator's step machine on the keyboard: next/previous step, timer, reveal, lock, start
// the next on the agenda (S), for the focused group or (with Shift) every group; Ctrl+Enter
// saves the run to the project log (in the overview, O: the timer and the log for every group or
// the ticked ones); panel and view keys (F2, G, X); Ctrl+Z; answers from the
// hub (refusals as a toast). Commands are appended to a vector the caller posts.
// Depends on ImGui (keys as GLFW codes) and the core; never on the hub or OpenGL.
#pragma once

#include <set>
#include <vector>

#include <imgui.h>

#include "core/workshop.hpp"
#include "ui/command_outbox.hpp"
#include "ui/fonts.hpp"
#include "ui/frame.hpp"
#include "ui/panels/control_state.hpp"
#include "ui/ui_strings.hpp"

namespace samling {

// The overview's all-groups keys act on the ticked groups with a run, or (none ticked) on every
// group with a run.
std::vector<Id> overview_targets(const Workshop& state, const std::set<Id>& ticked);

// T for many groups: reset them all (`reset`), else pause the running ones if any runs, else
// start them all; `chosen` (optional) says which. Groups whose clock is already so are left out.
std::vector<Command> timer_commands(const Workshop& state, const std::vector<Id>& groups, bool reset,
                                    TimerAction* chosen = nullptr);

// Ctrl+Enter for many groups: a ConcludeRun for each run not yet in the project log.
std::vector<Command> conclude_commands(const Workshop& state, const std::vector<Id>& groups);

// The steps keys act on: the focused group, or every group with a run.
std::vector<Id> step_targets(const Workshop& state, Id focused, bool all_groups);

// → / ← for the targets: each moves one step from where it is; a group at the end stays.
void step_commands(const Workshop& state, const std::vector<Id>& groups, int delta, std::vector<Command>& out);

// Reads this frame's keys. Does nothing while a text field has the keyboard; actions on two or
// more groups wait for a yes (controls.confirm). `lang` names exercises in those questions.
void control_keys(const Frame& frame, Id focused, ControlState& controls);

// Applies the hub's answers: a refusal shows in the toast.
void receive(ControlState& controls, const std::vector<Outcome>& outcomes, const UiStrings& strings, Timestamp now);

void show_toast(ControlState& controls, std::string text, Timestamp now);

// The toast at the bottom centre above `bottom`, fading out; nothing once it has gone.
void draw_toast(ImDrawList* dl, const Toast& toast, float centre_x, float bottom, const Fonts& fonts, Timestamp now);

// When the frame must be drawn again without any input (0: not before an event): the toast's
// fade, and every running timer's next change of second.
Timestamp next_redraw(const Workshop& state, const ControlState& controls, Timestamp now);

}  // namespace samling
