// Colours of the facilitator's controls (timer, toast, panels, phone preview), on top of
// theme.hpp's room. Colours only; must not depend on GLFW or the workshop state.
#pragma once

#include "ui/theme.hpp"

namespace samling::theme {

inline constexpr ImU32 toast = rgb(0x2B, 0x3F, 0x5E, 240);
inline constexpr ImU32 scrim = rgb(0x05, 0x0C, 0x18, 215);  // dims the room behind a panel
inline constexpr ImU32 sheet = rgb(0x12, 0x22, 0x3A);       // a panel over the room
inline constexpr ImU32 sheet_line = rgb(0x2E, 0x45, 0x66);
inline constexpr ImU32 field_bg = rgb(0x0B, 0x18, 0x2C);      // a text field on a panel
inline constexpr ImU32 time_up = rgb(0xFF, 0x5A, 0x4E);       // the countdown at zero
inline constexpr ImU32 time_up_soft = rgb(0xFF, 0x9F, 0x43);  // its blink's other half
inline constexpr ImU32 paused = rgb(0x8F, 0xA3, 0xBF);
inline constexpr ImU32 locked = rgb(0xFF, 0x9F, 0x43);
inline constexpr ImU32 good = rgb(0x6B, 0xD3, 0x8F);         // done, writing open
inline constexpr ImU32 step_future = rgb(0x2A, 0x3D, 0x5B);  // a pill's outline
// The phone preview copies the phone page's palette (assets/web/style.css).
inline constexpr ImU32 phone_bezel = rgb(0x05, 0x08, 0x0E);
inline constexpr ImU32 phone_bg = rgb(0xFA, 0xF6, 0xEE);
inline constexpr ImU32 phone_ink = rgb(0x1D, 0x1A, 0x15);
inline constexpr ImU32 phone_muted = rgb(0x5B, 0x54, 0x48);
inline constexpr ImU32 phone_note = rgb(0xFF, 0xE9, 0x8F);
inline constexpr ImU32 phone_line = rgb(0xE2, 0xD9, 0xC6);
inline constexpr ImU32 phone_context_edge = rgb(0xE2, 0xB3, 0x00);  // the "what we build on" box
inline constexpr ImU32 phone_ok = rgb(0x17, 0x69, 0x3B);
inline constexpr ImU32 phone_bad = rgb(0xB3, 0x26, 0x1E);

}  // namespace samling::theme
