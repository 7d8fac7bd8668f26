// "What we build on": a band between the prompt and the board with what the run carries over
// from the group's earlier runs (core/carry_over.hpp), e.g. the chosen root causes while the
// group sets goals, or the measures it planned while it evaluates. Reads a snapshot; no GLFW,
// OpenGL or hub.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "core/workshop.hpp"
#include "ui/fonts.hpp"

namespace samling {

struct CarryNote {
    std::string text;
    std::string details;  // its fields' values: "Per Ek · 15. mars"
};

// One carried item: a column of the band.
struct CarryColumn {
    std::string label;
    std::string text;              // a conclusion, wrapped
    std::vector<CarryNote> notes;  // or notes, one line each
};

struct CarryBand {
    std::vector<CarryColumn> columns;  // empty: no band
    std::vector<float> widths;         // each column's, in window units
    int lines = 0;                     // the text lines each column may use: what the longest needs
    float height = 0;
};

// The band for the group's current run, `width` wide. Writing and concluding allow three lines
// a column (that is when the group builds on it); other steps and a compact frame one, so a
// full board keeps its room. A column is as wide as its content asks, and no column is
// squeezed below a fair share while another has room to spare.
CarryBand make_carry_band(const Workshop& state, Id group, Language lang, const Fonts& fonts, float width,
                          bool compact);

void draw_carry_band(ImDrawList* dl, const CarryBand& band, ImVec2 min, ImVec2 max, const Fonts& fonts);

}  // namespace samling
