// Where every card of a flowing board goes: a region per zone (a column, or a fishbone's bone),
// cards flowing into stacks inside each, clusters as boxes with a heading, 5-whys answers
// indented under their cause, the largest text size at which every note fits, never an
// overlap. Pure geometry over ImGui fonts; must not depend on GLFW, OpenGL or the workshop state.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "ui/fonts.hpp"
#include "ui/text/text_wrap.hpp"

namespace samling {

struct BoardNote {
    std::string text;     // already through drawable_text()
    int column = 0;       // the region it flows into
    int section = -1;     // a cluster box inside the region (index given by the caller), -1: none
    int depth = 0;        // 5 whys: >0 follows the card before it in the same stack, indented
    bool footer = false;  // one more line under the text (author, note fields, dots, merged duplicates)
};

struct PlacedCard {
    std::size_t note = 0;  // index into the notes given
    ImVec2 min, max;
    WrappedText text;
};

struct OverflowCard {  // "+N more" when not every note fits even at the smallest size
    int column = 0;
    int count = 0;
    ImVec2 min, max;
};

struct PlacedSection {  // a cluster's box: heading on top, its cards inside
    int section = 0;
    int column = 0;
    ImVec2 min, max;
};

struct ColumnSpan {
    float left = 0, right = 0;
};

struct BoardRegion {
    ImVec2 min, max;
};

struct BoardLayout {
    std::vector<ColumnSpan> columns;  // wider for columns with more notes
    int level = 0;                    // index into Fonts::card and card_sizes_em
    float size = 0;                   // card text height, window units
    float pad = 0;                    // inside a card
    float box_pad = 0;                // inside a cluster box, around its cards
    float header = 0;                 // a cluster box's heading height
    int header_level = 0;             // its text: Fonts::card index, larger than the cards'
    bool cramped = false;             // only the smallest size fitted, or not even that: worth more room
    std::vector<PlacedCard> cards;
    std::vector<OverflowCard> overflow;
    std::vector<PlacedSection> sections;
};

// The width of the widest word in `text` (words split at spaces and newlines).
float longest_word(const ImFont* font, float size, std::string_view text);

// Horizontal gap between columns and between cards, window units.
float board_gap(const Fonts& fonts);

// Column widths in [x0, x1]: `equal` (30%) shared equally, the rest by each column's share of
// the notes, so a full column gets the room it needs without starving an empty one.
std::vector<ColumnSpan> column_spans(const std::vector<int>& counts, float x0, float x1, float gap, float equal = 0.3f);

// Lays out `notes` into `columns` columns (at least 1) inside [area_min, area_max].
BoardLayout layout_board(const std::vector<BoardNote>& notes, int columns, ImVec2 area_min, ImVec2 area_max,
                         const Fonts& fonts);

// Lays out `notes` into the given regions (BoardNote::column indexes them). A section gets a
// box in `section_regions[section]` even when no note is in it (an emptied cluster stays a
// drop target). In a region, sections come in index order, then the notes in none.
BoardLayout layout_regions(const std::vector<BoardNote>& notes, const std::vector<BoardRegion>& regions,
                           const std::vector<int>& section_regions, const Fonts& fonts);

}  // namespace samling
