// The projector window: join panel, prompt and the focused leader group's board, drawn from
// the hub's latest snapshot each frame. The only entry point of the ImGui/GLFW layer.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/model.hpp"

namespace samling {

class Hub;
class ProgrammeShelf;

struct ProjectorConfig {
    std::string join_url;  // what phones open; the QR code encodes exactly this
    std::string origin;    // "http://HOST:PORT" of join_url: table screens' links (B) start with it
    Language language = Language::nb;
    std::string screenshot_path;           // non-empty: render a few frames, write this PNG, return
    std::string data_dir{};                // the store's folder: board pictures go to <data_dir>/snapshots
    ProgrammeShelf* programmes = nullptr;  // F2's programme picker; null: one programme only
    // Q's pairing QR for a facilitator remote: its URL with the hub's current one-time token.
    std::function<std::string(Timestamp)> remote_pairing_url{};
    // The presenter window on the laptop's screen, the projector's full screen on the other:
    // unset, with two monitors or more; true on one screen too; false, one window as ever.
    std::optional<bool> presenter{};
    std::string presenter_screenshot_path{};  // with screenshot_path: the presenter window's PNG
};

// Opens the window and runs the frame loop until the window is closed, the screenshot is
// written, or should_stop() turns true (checked at least every 250 ms).
// Returns 0 on success; otherwise prints one line to stderr and returns non-zero.
int run_projector(Hub& hub, const ProjectorConfig& config, const std::function<bool()>& should_stop);

}  // namespace samling
