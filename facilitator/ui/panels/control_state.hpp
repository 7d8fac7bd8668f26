// What the facilitator's controls remember between frames: which panel is open, each panel's
// choices and the toast (the undo history is the hub's). View state only: nothing here is
// sent to the hub.
// Plain data; must not depend on GLFW, OpenGL or the hub.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/commands.hpp"
#include "core/model.hpp"
#include "ui/board/indicator_entry.hpp"
#include "ui/programme/programme_shelf.hpp"
#include "ui/programme/setup_model.hpp"

namespace samling {

// Panels that take over the screen's middle; one at a time.
enum class Overlay {
    none,
    overview,
    start_exercise,
    add_note,
    help,
    setup,
    project_log,
    since_last_time,
    programmes,
    remote,       // Q: the pairing panel for a facilitator remote
    table_screen  // B: the focused group's table screen, its address and QR code
};

// E: which exercise, for which groups (every group is chosen unless unticked).
struct StartPanelState {
    int exercise = 0;             // index into the catalogue, in its order
    std::map<Id, bool> unticked;  // groups left out
};

// N: a note written on someone's behalf.
struct NotePopupState {
    Id group = 0;  // the group it was opened for
    std::string text;
    std::string zone;
    Id parent = 0;          // a chain step: the note it answers
    bool focus = false;     // put the cursor in the text field on the next frame
    std::size_t caret = 0;  // the caret's byte offset last frame: which way it was moving
};

// K: the field being typed in; everything else is drawn from the snapshot.
struct ConclusionState {
    Id run = 0;               // the run the panel was set up for
    Id group = 0;             //   and its group (a draft left open is saved there)
    std::string editing;      // field id; empty: none
    std::string draft;        // the editing field's text
    std::string before;       // its text when editing began: post only a real change
    std::string target;       // where "Bruk i" sends a proposal: the open field; empty: the first empty one
    std::string scrolled_to;  // the target the field list last scrolled to
    // Texts posted but not yet in the snapshot, by field: shown (and edited) instead of the
    // snapshot's until the hub's answer arrives, so a saved or picked text never flickers back.
    std::map<std::string, std::string> sent;
    bool focus = false;
    bool open_request = false;  // Enter or Tab with no field open: open the first empty field
    bool opening = false;       // open, but not yet holding the keyboard: draw the next frame now
};

// F2: a deletion or removal waiting for Enter (yes) or Esc (no).
enum class SetupAsk { none, delete_group, delete_gathering, remove_participant };
struct SetupConfirm {
    SetupAsk ask = SetupAsk::none;
    Id id = 0;
    std::string question;  // as shown: "Slette «Oppvekst Valler»?"
};

// F2: the setup screen's text fields and list cursors. A field shows the snapshot's text
// unless it is being typed in, or was just committed and the hub has not answered yet.
struct SetupState {
    std::map<std::string, std::string> drafts;  // field key -> text being typed
    std::map<std::string, Revision> held;       // field key -> revision when it was committed
    std::string active;                         // the field that had the keyboard last frame
    std::string next_active;                    // collected while drawing this frame
    std::string paste;                          // the pasted rows of groups
    std::vector<std::string> paste_report;      // what the last paste added, then each refused row
    // Pasted groups' services and project, by folded name, until the group has an id.
    std::map<std::string, PastedGroup> pasted_details;
    std::string new_title, new_date;  // the "new gathering" row
    int agenda_cursor = 0;            // the chosen row of the open gathering's agenda
    int catalog_cursor = 0;           // the chosen exercise in the catalogue
    bool in_catalog = false;          // ← / → switch between agenda and catalogue
    bool focus_first = false;         // put the cursor in the first field next frame
    SetupConfirm confirm;
};

// F2 on the setup screen: the programme picker. The list is the shelf's, read again when stale.
struct PickerState {
    std::vector<ProgrammeListing> list;
    bool stale = true;
    std::string choose;  // the folder to put the cursor on at the next reading
    int cursor = 0;      // the chosen row among those shown
    bool show_archived = false;
    std::string new_name;  // the "new programme" field
    bool focus_new = false;
    std::string renaming;  // the folder whose name is being typed; empty: none
    std::string rename_text;
    bool focus_rename = false;
    bool opening = false;  // the rename field is asked for but does not listen yet: draw on
    std::string deleting;  // the folder a deletion asks about (Enter = yes, Esc = no)
    std::string question;
    std::string message;  // why the last action did not happen
    bool was_typing = false;
};

// G and Shift+G: the views read the snapshot; only the scroll request is kept.
struct ReadingViewState {
    float page = 0;  // PgDn / PgUp asked for this many pages (±1), applied next frame
    // "Since last time" turns pages of groups instead of scrolling: the page shown (from 0),
    // how many there are, which groups are on it and whether a recap was cut, as last drawn.
    int since_page = 0;
    int since_pages = 1;
    std::vector<Id> since_shown;
    bool since_cut = false;
};

// A concluded run whose board the loop pictures in a hidden frame; the next frame's toast
// confirms it (or says why not) and clears it.
struct PendingSnapshot {
    Id run = 0;  // 0: none
    Id group = 0;
    bool pictured = false;  // the loop has written (or tried to write) the PNG
    std::string error;      // why the picture could not be written; empty when it was
};

// An action on more than one group, waiting for Enter (yes) or any other key or a click (no).
struct PendingConfirm {
    std::string question;           // empty: nothing waiting
    std::vector<Command> commands;  // posted as one action on Enter
};

// With 10 or more groups a group's number takes more than one key: the digits typed so far.
struct GroupNumberEntry {
    std::string digits;  // empty: none being typed
    Timestamp typed_at = 0;
    int pick = -1;  // the group asked for (0-based, in group order), for the view; -1: none
};

struct Toast {
    std::string text;
    Timestamp shown_at = 0;  // 0: none
};

struct ControlState {
    Overlay overlay = Overlay::none;
    bool preview = false;     // P: the phone preview stands where the join panel is
    bool conclusion = false;  // K: the conclusion panel stands where the board is
    Id step_seen_run = 0;     // the step the panels were last set up for: a new conclude
    int step_seen = -1;       //   step opens the conclusion panel by itself
    PendingConfirm confirm;
    std::set<Id> ticked;  // O: groups ticked (Ctrl+click) for the overview's T and Ctrl+Enter
    GroupNumberEntry number;
    Toast toast;
    StartPanelState start;
    NotePopupState note;
    ConclusionState conclusion_edit;
    SetupState setup;
    PickerState picker;
    ReadingViewState reading;
    PendingSnapshot snapshot;
    bool setup_offered = false;     // the setup screen opened by itself once for an empty room
    bool export_requested = false;  // X: the loop starts the export and clears this
    IndicatorEntry indicator;       // a status round's board: the facilitator types a figure
};

// The conclusion panel stands where the board is with no panel over it: Enter and Tab open its
// fields instead of acting on the room.
inline bool conclusion_takes_keys(const ControlState& c) {
    return c.conclusion && c.overlay == Overlay::none;
}

// Keys belong to a text field: the note popup's, or an open conclusion field, including the
// frame in which it takes the keyboard (ImGui's WantTextInput says so one frame late).
inline bool keys_go_to_text(const ControlState& c) {
    return c.overlay == Overlay::add_note || (conclusion_takes_keys(c) && !c.conclusion_edit.editing.empty()) ||
           c.indicator.open;
}

}  // namespace samling
