// One frame of the projector drawn from a Workshop snapshot: top bar (group, exercise, timer,
// prompt), the focused group's board or its conclusion, the group strip, the step bar, the
// join panel or phone preview, and the facilitator's panels. Called between ImGui::NewFrame and
// ImGui::Render; must not depend on GLFW's functions, OpenGL or the hub: changes leave as
// commands in the vector the caller posts.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/presence.hpp"
#include "core/workshop.hpp"
#include "ui/board/view.hpp"
#include "ui/fonts.hpp"
#include "ui/panels/control_state.hpp"
#include "ui/panels/join_panel.hpp"
#include "ui/panels/qr_code.hpp"
#include "ui/panels/remote_panel.hpp"
#include "ui/panels/table_screen_panel.hpp"
#include "ui/programme/thumbnail.hpp"
#include "ui/ui_strings.hpp"

namespace samling {

// What the facilitator chose to look at: view state only, never written to the hub.
struct ViewState {
    Id focused = 0;        // 0: the first group
    int focus_index = -1;  // a key asked for the N-th group (0-based); resolved next frame
    int focus_step = 0;    // Tab / Shift+Tab asked for the next / previous group
    float zoom = 1.0f;
    // J hides the join panel and the group strip (the board gets their room); F is focus mode:
    // the focused board takes the whole window, nothing else drawn around it.
    bool room_hidden = false;
    bool focus_mode = false;
    // The presenter window's view: its own column (ui/presenter) where the join panel stands, the
    // strip always; J and F change the projector window's frame (room_view follows them).
    bool presenter = false;
    bool room_only = false;  // the projector beside a presenter: no key hint (the keys are the presenter's)
    BoardState board;
    ControlState controls;
    RemotePanelCache remote_qr;   // Q: the pairing QR, made again when its token changes
    TableScreenCache table_qr;    // B: the table screen's QR, made again when the group changes
    Timestamp redraw_at = 0;      // set by each frame: draw again then even with no input (0: never)
    Presence presence;            // set by the loop each frame: who was heard from when (head counts)
    std::string storage_trouble;  // set by the loop: why the last save failed, until one succeeds
    // Set by the loop for one frame that is read, never shown: the concluded run's board alone,
    // for its picture in the project log. The frame reports where the board was drawn.
    bool snapshot_frame = false;
    ImVec2 board_min, board_max;
};

// Fixed for the window's life.
struct ProjectorContent {
    const UiStrings* strings = nullptr;
    Language language = Language::nb;
    QrModules qr;
    JoinAddress address;
    std::string origin;                    // "http://HOST:PORT": where phones and table screens reach us
    std::string data_dir;                  // where board pictures are written and read; empty: none
    ThumbnailSource thumbnails;            // empty: the project log shows no pictures
    ProgrammeShelf* programmes = nullptr;  // the picker's programmes; null: this session has one
    // Q: the pairing QR's URL at a time (a one-time token in it); empty function: cannot pair.
    std::function<std::string(Timestamp)> remote_pairing_url;
};

// Draws the frame into full-screen ImGui windows of `size` window units at time `now`; the
// facilitator's commands of this frame (keys, clicks, board edits) are appended to `out`.
void draw_projector(const Workshop& state, ViewState& view, const ProjectorContent& content, const Fonts& fonts,
                    ImVec2 size, float pixels_per_unit, Timestamp now, std::vector<Command>& out);

// The projector window beside a presenter window: the room's frame only — top bar, the focused
// board or the overview (O), the join panel and group strip when J asked for them — with the
// presenter's focus, zoom and J/F, and no keys, panels or toasts (those are the presenter's).
void room_view(const ViewState& presenter, ViewState& room);
void draw_room_screen(const Workshop& state, ViewState& room, const ProjectorContent& content, const Fonts& fonts,
                      ImVec2 size, float pixels_per_unit, Timestamp now, std::vector<Command>& out);

}  // namespace samling
