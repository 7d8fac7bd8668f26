// The join panel: a white card with the QR code, the short address and the room code, sized
// to be scanned and read from the back of the room. Must not depend on GLFW, OpenGL or the hub.
#pragma once

#include <string>
#include <string_view>

#include <imgui.h>

#include "ui/fonts.hpp"
#include "ui/panels/qr_code.hpp"
#include "ui/ui_strings.hpp"

namespace samling {

struct JoinAddress {
    std::string host_port;  // "192.168.1.20:8765"; the whole URL when it does not parse
    std::string room;       // the "room" query parameter, or empty
};

// Splits "http://HOST:PORT/?room=CODE" for display. Pure.
JoinAddress parse_join_url(std::string_view url);

// The panel's width: generous, or `compact` when a crowded board needs the room.
float join_panel_width(float window_width, const Fonts& fonts, bool compact);

// `room_code` wins over the URL's when non-empty (it is the state's own). The address and the
// code are never cut: they take the largest size that fits.
void draw_join_panel(ImDrawList* dl, ImVec2 min, ImVec2 max, const Fonts& fonts, const UiStrings& strings,
                     const QrModules& qr, const JoinAddress& address, std::string_view room_code,
                     float pixels_per_unit);

}  // namespace samling
