// Replaces what the atlas cannot draw with a visible placeholder, so a card never garbles.
// Must not depend on ImGui, GLFW or the workshop state.
#include "ui/text/drawable_text.hpp"

#include <array>

#include "core/text.hpp"

namespace samling {
namespace {

constexpr std::array<CodeRange, 8> ranges{{
    {0x0020, 0x007E},  // ASCII
    {0x00A0, 0x00FF},  // Latin-1: æøå ÆØÅ
    {0x0100, 0x017F},  // Latin Extended-A: Sami and European names
    {0x2000, 0x206F},  // General Punctuation: – — ‘ ’ “ ” … •
    {0x20A0, 0x20CF},  // currency: €
    {0x2190, 0x21FF},  // arrows: → ←
    {0x2212, 0x2212},  // minus sign
    {0x25A0, 0x25FF},  // geometric shapes: the placeholder □ and ● for votes
}};

bool in_ranges(char32_t cp) {
    for (const CodeRange& r : ranges)
        if (cp >= r.first && cp <= r.last) return true;
    return false;
}

// Characters that only modify the one before, or are not meant to be seen: never drawn alone.
bool is_invisible_modifier(char32_t cp) {
    return (cp >= 0x0300 && cp <= 0x036F)        // combining diacritics
           || (cp >= 0x200B && cp <= 0x200F)     // zero-width space, joiners, direction marks
           || (cp >= 0x20D0 && cp <= 0x20FF)     // combining marks for symbols (keycap)
           || (cp >= 0xFE00 && cp <= 0xFE0F)     // variation selectors
           || cp == 0xFEFF                       // byte-order mark
           || (cp >= 0x1F3FB && cp <= 0x1F3FF)   // skin tones
           || (cp >= 0xE0000 && cp <= 0xE007F);  // tag characters (subdivision flags)
}

// One character (grapheme cluster) as the atlas can draw it: composed if that makes it one
// drawable letter ("A" + ring is "Å"), else its base letter without the marks the atlas lacks,
// else one placeholder for the whole of it (an emoji with its skin tone, a ZWJ family, a flag).
void append_character(std::string& out, std::string_view c) {
    const text::Decoded first = text::decode(c, 0);
    if (first.length == 0) {
        out += placeholder_glyph;
        return;
    }
    if (first.code_point == '\t') {
        out += ' ';
        return;
    }
    if (first.code_point == '\n' || first.code_point == '\r') {  // "\r\n" is one character
        out += '\n';
        return;
    }
    if (is_invisible_modifier(first.code_point)) return;
    const std::string composed = c.size() == first.length ? std::string(c) : text::nfc(c);
    const text::Decoded base = text::decode(composed, 0);
    if (!in_ranges(base.code_point)) {
        out += placeholder_glyph;
        return;
    }
    out.append(composed, 0, base.length);
    for (std::size_t i = base.length; i < composed.size();) {  // marks the atlas can draw stay
        const text::Decoded d = text::decode(composed, i);
        if (d.length == 0) break;
        if (in_ranges(d.code_point) && !is_invisible_modifier(d.code_point)) out.append(composed, i, d.length);
        i += d.length;
    }
}

}  // namespace

std::span<const CodeRange> drawable_ranges() {
    return ranges;
}

std::string drawable_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t next = text::next_character(s, i);
        append_character(out, s.substr(i, next - i));
        i = next;
    }
    return out;
}

}  // namespace samling
