// Cards that glide instead of jumping: when a drop (or a phone's note) lays the board out
// again, each card moves from where it was drawn to its new place over glide_ms, and a card
// let go stays under the pointer until the new layout arrives. Pure state over board units and
// milliseconds; no GLFW, OpenGL, hub or workshop state.
#pragma once

#include <map>
#include <utility>
#include <vector>

#include "core/model.hpp"
#include "ui/board/layout.hpp"

namespace samling {

constexpr Timestamp glide_ms = 200;
constexpr Timestamp hold_ms = 1000;  // a let-go card waits this long for its new layout at most

struct CardGlide {
    BoardRegion from, to;
    Timestamp start = 0;
    Timestamp hold_until = 0;  // let go: stays at `to` until then, or until the layout changes
    long long held_layout = -1;
};

struct BoardMotion {
    std::map<Id, CardGlide> cards;
};

// Where the card is drawn at `now`.
BoardRegion glide_at(const CardGlide& glide, Timestamp now);

// Each frame: the layout's rectangle per card (`layout` counts the layouts, so a held card
// knows when its own has come). A card already drawn glides from where it is to a changed
// place; a new card appears in place; a card gone is forgotten.
void follow(BoardMotion& motion, const std::vector<std::pair<Id, BoardRegion>>& places, long long layout,
            Timestamp now);

// The dragged card let go with its rectangle at `where`: it stays there until the next layout.
void let_go(BoardMotion& motion, Id note, BoardRegion where, long long layout, Timestamp now);

// Whether any card is still on its way (the frame loop keeps drawing).
bool moving(const BoardMotion& motion, Timestamp now);

}  // namespace samling
