// B: the focused group's table screen — the address a TV or a spare laptop at the group's table
// opens (large, to be typed into a browser), its QR code for a tablet to scan, and what the
// screen shows. Tab and a group's number change the group under the open panel. The screen is
// read-only and shows what any phone of the group sees, so the panel may stand on the projector.
// No GLFW, OpenGL or hub.
#pragma once

#include <string>

#include <imgui.h>

#include "ui/frame.hpp"
#include "ui/panels/qr_code.hpp"

namespace samling {

// The QR code of the link last drawn, encoded again only when the group (or the room) changes.
struct TableScreenCache {
    std::string link;
    QrModules qr;
};

// Draws the panel centred in `size` for `group`; `origin` is "http://HOST:PORT" where phones
// reach the room (empty: this session has no participant server, and the panel says so).
void draw_table_screen_panel(const Frame& frame, TableScreenCache& cache, const std::string& origin, Id group,
                             ImVec2 size, float pixels_per_unit);

}  // namespace samling
