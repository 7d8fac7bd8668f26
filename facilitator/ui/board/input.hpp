// The facilitator's mouse and keys over the board: drag a card to a zone, a cluster box or onto
// another card, double-click to edit, H to highlight, Delete to remove, Ctrl+click and C to
// cluster, wheel to zoom, right or middle drag to pan, 0 to reset. Turns them into commands;
// never writes state. Depends on ImGui and the core's commands; no GLFW window calls, no hub.
#pragma once

#include <vector>

#include "core/workshop.hpp"
#include "ui/board/state.hpp"
#include "ui/board/strings.hpp"

namespace samling {

// Handles this frame's input over the board drawn in [min, max] and sets `ui.marks`.
// Call between ImGui::NewFrame and Render, inside a window, before drawing the board.
void board_input(const Workshop& state, Id group, const LaidOutBoard& board, ImVec2 min, ImVec2 max, float em,
                 BoardInteraction& ui, std::vector<Command>& out);

// The popups the input opened (edit a note, name or rename a cluster); their commands go to `out`.
void board_popups(Id group, const BoardStrings& words, float em, BoardInteraction& ui, std::vector<Command>& out);

}  // namespace samling
