// The programme picker (F2 on the setup screen): every programme on this laptop with its
// gatherings and when it was last used; make one, rename, archive, delete (asks first) and
// open another. Keyboard first: type a name and Enter makes it, ↑ ↓ choose, Enter opens,
// Delete asks to delete.
// Draws with ImGui and calls the ProgrammeShelf; no GLFW functions (key codes only), no hub.
#pragma once

#include <imgui.h>

#include "ui/frame.hpp"
#include "ui/panels/control_state.hpp"
#include "ui/programme/programme_shelf.hpp"

namespace samling {

// Over the whole window `size`. `shelf` is null when this session has one programme only
// (--data-dir on a programme's own folder, --demo): the picker says so.
void draw_programme_picker(const Frame& frame, ControlState& controls, ProgrammeShelf* shelf, ImVec2 size);

// A deletion is asking (Enter = yes, Esc = no): Esc must not close the picker.
bool picker_asking(const ControlState& controls);

}  // namespace samling
