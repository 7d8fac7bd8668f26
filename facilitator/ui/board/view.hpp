// The focused leader group's board: its current run's face-up notes laid out for the exercise
// (columns, fishbone, rings, grid), face-down cards while a silent step runs, and the
// facilitator's board edits as commands. Reads a Workshop snapshot; must not depend on GLFW
// window calls, OpenGL or the hub, and never writes.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "core/workshop.hpp"
#include "ui/board/indicator_entry.hpp"
#include "ui/board/layout.hpp"
#include "ui/board/motion.hpp"
#include "ui/board/state.hpp"
#include "ui/fonts.hpp"
#include "ui/frame.hpp"
#include "ui/ui_strings.hpp"

namespace samling {

// The board's interaction state: kept by the projector between frames (cache, zoom, pan, drag,
// selection, cards gliding to their new places).
struct BoardState {
    LaidOutBoard board;  // board_frame's
    LaidOutBoard probe;  // board_crowded's
    Id group = 0;        // the group the zoom, pan and selection belong to
    BoardInteraction ui;
    BoardMotion motion;
};

// Draws the focused group's board in [min, max] (window units) and handles the mouse and board
// keys over it. Board edits are appended to `out` as facilitator commands (cmd::PlaceNote,
// cmd::SetCluster, cmd::MergeNotes, cmd::MakeCluster, cmd::RenameCluster, cmd::SetNoteText,
// cmd::RemoveNote, cmd::HighlightNote...); the caller posts them to the hub. Never writes state.
// On a status round's board, `indicator` (when given) is the facilitator's figure entry.
void board_frame(const Frame& frame, Id group, ImVec2 min, ImVec2 max, BoardState& board,
                 IndicatorEntry* indicator = nullptr);

// Whether cards are still gliding after a new layout: the frame loop keeps drawing until they stop.
bool board_moving(const BoardState& board, Timestamp now);

// A run's board as its picture in the project log keeps it: laid out afresh in [min, max] at
// zoom 1, with no input, selection or popups. The run may no longer be its group's current one.
void draw_board_picture(const Workshop& state, const ExerciseRun& run, ImVec2 min, ImVec2 max, const Fonts& fonts,
                        const UiStrings& strings, Language lang);

// Whether the board laid out in [min, max] only fits at the smallest card size: the projector
// then gives it a compact frame. Cached in `board` like board_frame's layout.
bool board_crowded(const Workshop& state, Id group, ImVec2 min, ImVec2 max, const Fonts& fonts,
                   const UiStrings& strings, Language lang, BoardState& board);

}  // namespace samling
