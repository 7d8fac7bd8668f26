// The strip of leader groups along the bottom: number, name, people joined, done and notes,
// the focused one highlighted, each a button. Reads a Workshop snapshot; no GLFW, GL or hub.
#pragma once

#include <vector>

#include <imgui.h>

#include "core/presence.hpp"
#include "core/workshop.hpp"
#include "ui/fonts.hpp"
#include "ui/frame.hpp"
#include "ui/ui_strings.hpp"

namespace samling {

// The groups in the order the strip (and keys 1–9) number them.
std::vector<Id> group_order(const Workshop& state);

// Height the strip needs for `groups` chips across `width`.
float group_strip_height(int groups, float width, const Fonts& fonts);

// Draws the strip in [min, max] with ImGui buttons; returns the group clicked, or 0. Head and
// done counts are of the participants here now (`presence` at `now`): "3 til stede · 2 ferdige".
Id draw_group_strip(const Frame& frame, ImDrawList* dl, Id focused, ImVec2 min, ImVec2 max);

}  // namespace samling
