// A board laid out for one exercise layout: every card, cluster box, "why?" link and drop
// target, plus the shapes the layout draws (columns, fishbone, rings, grid), in window units
// at zoom 1. Built from a BoardModel; pure geometry, no GLFW, OpenGL, hub or workshop state.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "ui/board/layout.hpp"
#include "ui/board/model.hpp"
#include "ui/fonts.hpp"

namespace samling {

enum class SceneKind { columns, fishbone, rings, grid };

struct SceneCard {
    std::size_t card = 0;  // index into BoardModel::cards
    ImVec2 min, max;
    WrappedText text;      // the footer (has_footer) is one more line under it
    bool in_tray = false;  // grid: not placed yet
};

struct SceneBox {             // a cluster's box
    std::size_t cluster = 0;  // index into BoardModel::clusters
    ImVec2 min, max;
};

struct SceneLink {  // from a cause to its "why?" answer
    ImVec2 from, to;
};

struct SceneBone {  // fishbone: one zone's bone
    int zone = 0;
    bool above = true;
    ImVec2 outer, inner;  // the line, from its label to the spine
    ImVec2 label_min, label_max;
    const ImFont* label_font = nullptr;
    std::vector<std::string> label_lines;  // the zone's name as it fits over (or under) the bone
};

struct BoardScene {
    SceneKind kind = SceneKind::columns;
    ImVec2 min, max;  // the board's area
    int level = 0;    // card text: Fonts::card index
    float size = 0, pad = 0, box_pad = 0, header = 0;
    int header_level = 0;  // cluster headings: Fonts::card index
    bool cramped = false;
    std::vector<SceneCard> cards;
    std::vector<OverflowCard> overflow;
    std::vector<SceneBox> boxes;
    std::vector<SceneLink> links;
    std::vector<BoardRegion> zones;  // per model zone: where a drop lands in it (flow layouts)
    float header_h = 0;              // columns: the headings' height (0: no headings)
    // fishbone
    std::vector<SceneBone> bones;
    float spine_y = 0, spine_x0 = 0;
    ImVec2 head_min, head_max;
    const ImFont* head_font = nullptr;
    WrappedText head;
    // rings: concentric ellipses around `centre`, the outermost with radii `radii`; ring r
    // ends at `ring_edges[r]` times them (the child's disc in the middle is a little wider)
    ImVec2 centre, radii;
    int rings = 0;
    std::vector<float> ring_edges;
    std::vector<ImVec2> labels;              // top-left of each ring's label; grid: of each quadrant's name
    std::vector<std::string> label_text;     // the label as it fits there
    std::vector<const ImFont*> label_fonts;  // its font
    std::vector<BoardRegion> label_boxes;    // the pill behind it, which no card covers
    // grid: the plane (positions in [0, 1], y = 1 at the top) and the tray under it; the x
    // axis's name under the plane's right end (its text's top-left), inside the board
    ImVec2 plane_min, plane_max, tray_min, tray_max;
    ImVec2 x_label_at;
};

// Lays the model out for its layout in [min, max].
BoardScene make_scene(const BoardModel& model, ImVec2 min, ImVec2 max, const Fonts& fonts);

// A zone's label cut to `width`: whole if it fits, else its part before a colon ("Struktur:
// organisering, ansvar" -> "Struktur"), else cut with "…".
std::string fit_label(const ImFont* font, float size, std::string_view label, float width);

// Whether a card has a footer line under its text: the author, note fields, dots, rank, merged
// duplicates.
bool has_footer(const ModelCard& card);

// A map's label (a ring's or a quadrant's name) with its text's top-left at `at`, and the pill
// behind it that cards keep clear of.
void add_map_label(BoardScene& scene, const Fonts& fonts, const ImFont* font, std::string text, ImVec2 at);
// The padding of that pill around the text, window units.
ImVec2 map_label_pad(const Fonts& fonts);

// The link lines of the placed cards that answer "why?" to another placed card.
std::vector<SceneLink> chain_links(const BoardModel& model, const std::vector<SceneCard>& cards, float indent);

// Flow layouts (board_flow.cpp) and maps (board_rings.cpp, board_map.cpp).
BoardScene scene_columns(const BoardModel& model, ImVec2 min, ImVec2 max, const Fonts& fonts);
BoardScene scene_fishbone(const BoardModel& model, ImVec2 min, ImVec2 max, const Fonts& fonts);
BoardScene scene_rings(const BoardModel& model, ImVec2 min, ImVec2 max, const Fonts& fonts);
BoardScene scene_grid(const BoardModel& model, ImVec2 min, ImVec2 max, const Fonts& fonts);

// Where a card dropped at `p` (window units, zoom 1) goes: the zone under it (-1: none), and
// for maps a position in [0, 1] (y = 1 at the top), else `unplaced`.
struct DropSpot {
    int zone = -1;
    double x = unplaced, y = unplaced;
};
DropSpot drop_spot(const BoardScene& scene, ImVec2 p);

}  // namespace samling
