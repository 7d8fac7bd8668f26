// Where things live on disk: the default data folder, the shipped exercises and web page.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace samling {

// $XDG_DATA_HOME/samling, else $HOME/.local/share/samling; %LOCALAPPDATA%\Samling on Windows.
std::filesystem::path default_data_dir();

// --demo without --data-dir: samling-demo beside the default folder, so a facilitator's real
// programme never inherits the demo's room and groups.
std::filesystem::path demo_data_dir();

// The first of: $SAMLING_SHARE_DIR/<name>, the program's own folder (the unpacked Windows zip),
// <program's folder>/../share/samling/<name> (installed), this source tree's <name> (only for a
// binary inside the build folder).
std::optional<std::filesystem::path> find_shipped(const std::string& name);

}  // namespace samling
