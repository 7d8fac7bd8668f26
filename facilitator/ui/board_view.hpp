// The focused leader group's board: its current run's notes as sticky-note cards, in a column
// per zone, or face down while a silent writing step runs. Reads a Workshop snapshot; must
// not depend on GLFW, OpenGL or the hub, and never writes.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "core/workshop.hpp"
#include "ui/board_layout.hpp"
#include "ui/fonts.hpp"
#include "ui/ui_strings.hpp"

namespace samling {

struct BoardColumn {
    std::string label;  // drawable
    ImU32 marker = 0;
    int count = 0;
};

// A board ready to draw: what it shows and where. Kept while nothing it depends on changes
// (laying out 150 notes is not free).
struct BoardCache {
    enum class Mode { no_activity, hidden, cards };
    // Key
    Revision revision = -1;
    Id group = 0;
    ImVec2 area_min, area_max;
    float em = 0;
    // Content
    Mode mode = Mode::no_activity;
    std::vector<BoardColumn> columns;  // empty: no zones, no headers
    std::vector<BoardNote> notes;
    std::vector<ImU32> colours;        // per note
    float header_h = 0;
    BoardLayout layout;
};

// Brings `cache` up to date for this snapshot, group and area; returns it.
const BoardCache& prepare_board(const Workshop& state, Id group, ImVec2 min, ImVec2 max, const Fonts& fonts,
                                const UiStrings& strings, Language lang, BoardCache& cache);

void draw_board(ImDrawList* dl, const BoardCache& board, const Fonts& fonts, const UiStrings& strings);

}  // namespace samling
