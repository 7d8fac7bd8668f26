// Q: the pairing panel for a facilitator remote — the one-time pairing QR code and the remotes
// paired now, each with "Koble fra" (asks first). Its title says where it is: in one window the
// room sees it, so it opens only by its key; in the presenter window only the facilitator does.
// No GLFW, OpenGL or hub.
#pragma once

#include <string>

#include <imgui.h>

#include "ui/frame.hpp"
#include "ui/panels/control_state.hpp"
#include "ui/panels/qr_code.hpp"

namespace samling {

// The QR code of the URL last drawn, made again only when the pairing token changes.
struct RemotePanelCache {
    std::string url;
    QrModules qr;
};

// The pairing QR code for `pairing_url` (empty: none), encoded again only when the url changes —
// a new token after a pairing or ten minutes. The Q panel and the presenter's column share it.
const QrModules& pairing_qr(RemotePanelCache& cache, const std::string& pairing_url);

// While a pairing QR code is shown, the frame is drawn again this often even with no input, so
// an expired token's code is replaced without the facilitator touching the laptop.
inline constexpr Timestamp pairing_redraw_ms = 15 * 1000;

// Draws the panel centred in `size`; `pairing_url` is the pairing QR's text now (empty: this
// session cannot pair, no LAN server); `presenter`: in the presenter window, not the room's.
// A click on "Koble fra" puts its question in `controls`.
void draw_remote_panel(const Frame& frame, ControlState& controls, RemotePanelCache& cache,
                       const std::string& pairing_url, ImVec2 size, float pixels_per_unit, bool presenter);

}  // namespace samling
