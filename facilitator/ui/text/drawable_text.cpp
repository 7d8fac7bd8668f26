// Replaces what the atlas cannot draw with a visible placeholder, so a card never garbles.
// Must not depend on ImGui, GLFW or the workshop state.
#include "ui/text/drawable_text.hpp"

#include <array>

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

// Characters that only modify the one before: dropped, never drawn on their own.
bool is_invisible_modifier(char32_t cp) {
    return (cp >= 0x0300 && cp <= 0x036F)        // combining diacritics
           || (cp >= 0x200B && cp <= 0x200F)     // zero-width space, joiners, direction marks
           || (cp >= 0x20D0 && cp <= 0x20FF)     // combining marks for symbols (keycap)
           || (cp >= 0xFE00 && cp <= 0xFE0F)     // variation selectors
           || cp == 0xFEFF                       // byte-order mark
           || (cp >= 0xE0000 && cp <= 0xE007F);  // tag characters (subdivision flags)
}

bool is_skin_tone(char32_t cp) {
    return cp >= 0x1F3FB && cp <= 0x1F3FF;
}
bool is_regional_indicator(char32_t cp) {
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}

// Decodes one code point at s[i]; returns 0xFFFFFFFF and advances one byte on bad input.
char32_t decode(std::string_view s, std::size_t& i) {
    constexpr char32_t bad = 0xFFFFFFFF;
    const auto b0 = static_cast<unsigned char>(s[i]);
    int len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) {
        ++i;
        return bad;
    }
    char32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
    for (int k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
        if ((b & 0xC0) != 0x80) {
            ++i;
            return bad;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    static constexpr char32_t min_for_len[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return bad;
    }
    i += static_cast<std::size_t>(len);
    return cp;
}

}  // namespace

std::span<const CodeRange> drawable_ranges() {
    return ranges;
}

std::string drawable_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool after_placeholder = false;  // the last thing written was a placeholder for an emoji
    bool joined = false;             // a zero-width joiner followed that emoji
    bool open_flag = false;          // the placeholder stands for one regional indicator so far
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t start = i;
        const char32_t cp = decode(s, i);
        if (cp == 0x200D) {  // ZWJ: the next pictograph belongs to the same emoji
            joined = after_placeholder;
            continue;
        }
        if (cp != 0xFFFFFFFF && (is_invisible_modifier(cp) || is_skin_tone(cp))) continue;
        if (cp == '\t') {
            out += ' ';
        } else if (cp == '\n' || (cp != 0xFFFFFFFF && in_ranges(cp))) {
            out.append(s.substr(start, i - start));
        } else {
            // Part of the emoji just replaced: a ZWJ sequence, or a flag's second letter.
            const bool continues = after_placeholder && (joined || (open_flag && is_regional_indicator(cp)));
            if (!continues) {
                out += placeholder_glyph;
                open_flag = is_regional_indicator(cp);
            } else {
                open_flag = false;
            }
            after_placeholder = true;
            joined = false;
            continue;
        }
        after_placeholder = joined = open_flag = false;
    }
    return out;
}

}  // namespace samling
