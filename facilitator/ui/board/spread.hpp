// Placing the cards of a map (rings, grid) so that none overlaps another or a label: every
// card's text at one size, and the free spot nearest to where a card wants to be. Pure
// geometry over ImGui fonts; no GLFW, OpenGL, hub or workshop state.
#pragma once

#include <vector>

#include <imgui.h>

#include "ui/board/layout.hpp"
#include "ui/board/model.hpp"
#include "ui/fonts.hpp"

namespace samling {

// Every card of the model at one card text level (Fonts::card index).
struct MapCards {
    int level = 0;
    float s = 0, pad = 0, gap = 0;  // text height, inside a card, between cards
    std::vector<WrappedText> texts;
    std::vector<ImVec2> sizes;
    float area = 0;  // the cards' total area, each with its gap around it
};
MapCards map_cards(const BoardModel& model, int level, const Fonts& fonts);

// The rectangles already taken on a map, and the bounds every card stays in.
struct Occupancy {
    ImVec2 lo, hi;
    float gap = 0;
    std::vector<BoardRegion> taken;

    // Whether a card of `size` centred at `centre` stays in bounds and `gap` clear of every taken rectangle.
    bool fits(ImVec2 centre, ImVec2 size) const;
    BoardRegion take(ImVec2 centre, ImVec2 size);
};

bool overlaps(const BoardRegion& a, const BoardRegion& b, float gap = 0);
BoardRegion rect_around(ImVec2 centre, ImVec2 size);

// Candidate centres on a square lattice of `step` over [lo, hi].
std::vector<ImVec2> lattice(ImVec2 lo, ImVec2 hi, float step);

// The index of the candidate nearest to `want` where a card of `size` fits, or -1.
int nearest_free(const std::vector<ImVec2>& candidates, ImVec2 want, ImVec2 size, const Occupancy& occupied);

}  // namespace samling
