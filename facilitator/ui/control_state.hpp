// What the facilitator's controls remember between frames: which panel is open, each panel's
// choices, the undo stack and the toast. View state only: nothing here is sent to the hub.
// Plain data; must not depend on GLFW, OpenGL or the hub.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/commands.hpp"
#include "core/model.hpp"

namespace samling {

// Panels that take over the screen's middle; one at a time.
enum class Overlay { none, overview, start_exercise, add_note, help };

// E: which exercise, for which groups (every group is chosen unless unticked).
struct StartPanelState {
    int exercise = 0;              // index into the catalogue, in its order
    std::map<Id, bool> unticked;   // groups left out
};

// N: a note written on someone's behalf.
struct NotePopupState {
    Id group = 0;                  // the group it was opened for
    std::string text;
    std::string zone;
    Id parent = 0;                 // a chain step: the note it answers
    bool focus = false;            // put the cursor in the text field on the next frame
};

// K: the field being typed in; everything else is drawn from the snapshot.
struct ConclusionState {
    Id run = 0;                    // the run the panel was set up for
    std::string editing;           // field id; empty: none
    std::string draft;             // the editing field's text
    std::string before;            // its text when editing began: post only a real change
    std::string target;            // where "Bruk i" sends a proposal; empty: the first empty field
    std::string scrolled_to;       // the target the field list last scrolled to
    bool focus = false;
};

struct Toast {
    std::string text;
    Timestamp shown_at = 0;        // 0: none
};

inline constexpr std::size_t max_undo = 100;

struct ControlState {
    Overlay overlay = Overlay::none;
    bool preview = false;          // P: the phone preview stands where the join panel is
    bool conclusion = false;       // K: the conclusion panel stands where the board is
    Id step_seen_run = 0;          // the step the panels were last set up for: a new conclude
    int step_seen = -1;            //   step opens the conclusion panel by itself
    std::vector<std::vector<Change>> undo;  // oldest first
    Toast toast;
    StartPanelState start;
    NotePopupState note;
    ConclusionState conclusion_edit;
};

}  // namespace samling
