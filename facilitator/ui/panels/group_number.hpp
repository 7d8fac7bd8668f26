// Focusing a group by its number. With fewer than 10 groups a digit focuses at once; with 10
// or more the digits add up to a number shown on screen ("Gruppe 2_"), taken by Enter, by a
// pause, or at once when no larger group number could follow ("3" of 27 groups).
// Depends on ImGui (keys as GLFW codes); never on the hub or OpenGL.
#pragma once

#include <cstddef>

#include <imgui.h>

#include "core/model.hpp"
#include "ui/fonts.hpp"
#include "ui/panels/control_state.hpp"
#include "ui/ui_strings.hpp"

namespace samling {

// How long a typed number waits for its next digit before it is taken as it is.
inline constexpr Timestamp group_number_pause_ms = 1200;

// Reads this frame's digits (and Enter, Backspace and Esc while a number is being typed) for a
// room of `groups` groups; a finished number is left in `entry.pick`. Returns true when it used
// this frame's Enter or Esc, which then mean nothing else.
bool group_number_keys(std::size_t groups, GroupNumberEntry& entry, Timestamp now);

// The number being typed, large, centred at `centre_x` above `bottom`; nothing when none is.
void draw_group_number(ImDrawList* dl, const GroupNumberEntry& entry, float centre_x, float bottom, const Fonts& fonts,
                       const UiStrings& strings);

}  // namespace samling
