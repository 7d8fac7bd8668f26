// What the projector's fonts can draw, and how other characters are shown: a pure function of
// UTF-8 text. Must not depend on ImGui, GLFW or the workshop state (unit-testable alone).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace samling {

// Inclusive code-point ranges baked into the font atlas. ImWchar is 16-bit: nothing above U+FFFF.
struct CodeRange {
    std::uint16_t first, last;
};
std::span<const CodeRange> drawable_ranges();

// Shown instead of a character the atlas cannot draw (emoji, other scripts): U+25A1 "□".
inline constexpr std::string_view placeholder_glyph = "\xE2\x96\xA1";

// Returns text the atlas can draw, character (grapheme cluster) by character: a letter written
// with a combining mark is composed ("A" + ring is "Å"), or drawn without the mark when no
// composed letter exists; each emoji (with its skin tone, ZWJ sequence or flag pair) and each
// other undrawable character becomes one placeholder; variation selectors and joiners are
// dropped; tabs become spaces, "\r\n" a newline; each malformed byte becomes a placeholder.
std::string drawable_text(std::string_view utf8);

}  // namespace samling
