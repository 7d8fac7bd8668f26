// Drawing a laid-out board through the facilitator's zoom and pan: the layout's shapes, cluster
// boxes, "why?" links, cards with their badges, and the card being dragged. Reads a BoardScene
// and its BoardModel; must not depend on GLFW, OpenGL, the hub or the workshop state.
#pragma once

#include <vector>

#include <imgui.h>

#include "ui/board/scene.hpp"
#include "ui/board/strings.hpp"
#include "ui/ui_strings.hpp"

namespace samling {

// Board units (zoom 1) to window units: scaled by `zoom` about `origin`, then moved by `pan`.
struct BoardTransform {
    ImVec2 origin;
    float zoom = 1;
    ImVec2 pan;

    ImVec2 to_screen(ImVec2 p) const {
        return ImVec2(origin.x + (p.x - origin.x) * zoom + pan.x, origin.y + (p.y - origin.y) * zoom + pan.y);
    }
    ImVec2 to_board(ImVec2 p) const {
        return ImVec2(origin.x + (p.x - origin.x - pan.x) / zoom, origin.y + (p.y - origin.y - pan.y) / zoom);
    }
};

// What the interaction wants to show on top of the board this frame.
struct BoardMarks {
    std::vector<Id> selected;
    Id hovered = 0;  // the card under the pointer
    Id dragged = 0;  // drawn last, at `drag_min` (window units)
    ImVec2 drag_min;
    Id merge_target = 0;   // the card the dragged one would merge into
    int box_target = -1;   // the cluster box it would join (index into scene.boxes)
    int zone_target = -1;  // the zone it would move to
};

void draw_scene(ImDrawList* dl, const BoardScene& scene, const BoardModel& model, const Fonts& fonts,
                const UiStrings& strings, const BoardStrings& words, const BoardTransform& view,
                const BoardMarks& marks);

}  // namespace samling
