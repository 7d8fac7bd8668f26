// What the board keeps between frames: the laid-out board for the last snapshot, the
// facilitator's zoom and pan, the card being dragged, the selection and the open popup.
// View state only, never written to the hub; no GLFW, OpenGL or hub here.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "ui/board/draw.hpp"
#include "ui/board/model.hpp"
#include "ui/board/scene.hpp"

namespace samling {

// A board laid out for one snapshot, group, area, type size and language.
struct LaidOutBoard {
    Revision revision = -1;
    long long generation = 0;  // counts the layouts made: a held card waits for the next one
    Id group = 0;
    ImVec2 min, max;
    float em = 0;
    Language lang = Language::nb;
    BoardModel model;
    BoardScene scene;

    bool matches(Revision r, Id g, ImVec2 a, ImVec2 b, float e, Language l) const {
        return revision == r && group == g && min.x == a.x && min.y == a.y && max.x == b.x && max.y == b.y && em == e &&
               lang == l;
    }
};

enum class BoardPopup { none, edit_note, name_cluster, rename_cluster };

struct BoardInteraction {
    float zoom = 1;
    ImVec2 pan;             // window units
    Id pressed = 0;         // the card the left button went down on
    ImVec2 press_at, grab;  // where, and the pointer's offset from the card's corner (window units)
    bool dragging = false;
    std::vector<Id> selected;  // Ctrl+click; C gathers them into a cluster
    BoardPopup popup = BoardPopup::none;
    bool popup_opening = false;
    Id subject = 0;            // the note edited or the cluster renamed
    std::string zone;          // the zone a new cluster goes into
    std::string draft;         // the popup's text
    bool draft_fresh = false;  // its cursor goes to the end once
    bool asking_flag = false;  // the edit popup asks before a note flagged as personal data goes for good
    BoardMarks marks;          // what this frame shows on top
};

}  // namespace samling
