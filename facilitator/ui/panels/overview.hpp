// The overview (O): a tile per leader group with its exercise, step, people, notes, how many
// are done and, once the vote is over, its top three notes; Ctrl+click ticks a tile. 27 groups fit at 1280x720.
// Reads a snapshot and draws; no GLFW, OpenGL or hub.
#pragma once

#include <set>
#include <string>

#include <imgui.h>

#include "core/presence.hpp"
#include "core/workshop.hpp"
#include "ui/fonts.hpp"
#include "ui/frame.hpp"
#include "ui/ui_strings.hpp"

namespace samling {

struct TileGrid {
    int columns = 1, rows = 0;
    ImVec2 tile;  // size of one tile
    float gap = 0;
};

// The grid that gives `tiles` tiles the most room in `area` (tiles wider than tall).
TileGrid tile_grid(int tiles, ImVec2 area, float gap);

// Draws the overview in [min, max] with a tile button per group; `join` is the line that
// still tells latecomers where to go. Head and done counts are of the participants here now
// (`presence`). Tiles of `ticked` groups carry a tick, and the hint says how many are ticked;
// without `key_hint` (the projector beside a presenter window) no hint is drawn.
// Returns the group clicked, or 0.
Id draw_overview(const Frame& frame, ImDrawList* dl, Id focused, ImVec2 min, ImVec2 max, const std::string& join,
                 const std::set<Id>& ticked = {}, bool key_hint = true);

}  // namespace samling
