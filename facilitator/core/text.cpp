// UTF-8 handling written out by hand so the core needs no ICU.
#include "core/text.hpp"

#include <array>
#include <cstdint>

namespace samling::text {
namespace {

// Decodes one code point at s[i]; returns its length, or 0 when malformed.
std::size_t decode(std::string_view s, std::size_t i, char32_t& out) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) {
        out = b0;
        return 1;
    }
    std::size_t len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const unsigned char b = byte(i + k);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    out = cp;
    return len;
}

bool is_space(char32_t c) {
    constexpr std::array<char32_t, 12> unicode_spaces = {0x85,   0xA0,   0x1680, 0x2028, 0x2029, 0x202F,
                                                         0x205F, 0x3000, 0x200B, 0x180E, 0xFEFF, 0x2060};
    if (c == ' ' || (c >= 0x09 && c <= 0x0D)) return true;
    if (c >= 0x2000 && c <= 0x200A) return true;
    for (char32_t u : unicode_spaces)
        if (c == u) return true;
    return false;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
    char32_t cp = 0;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = decode(s, i, cp);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::size_t code_points(std::string_view s) {
    std::size_t count = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++count;
    return count;
}

std::string trim(std::string_view s) {
    std::size_t begin = s.size();
    std::size_t end = 0;
    char32_t cp = 0;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = decode(s, i, cp);
        if (n == 0) n = 1, cp = 0xFFFD;  // keep malformed bytes; validity is checked elsewhere
        if (!is_space(cp)) {
            if (begin == s.size()) begin = i;
            end = i + n;
        }
        i += n;
    }
    if (begin == s.size()) return {};
    return std::string(s.substr(begin, end - begin));
}

bool has_control_characters(std::string_view s) {
    for (unsigned char c : s)
        if ((c < 0x20 && c != '\n' && c != '\t' && c != '\r') || c == 0x7F) return true;
    return false;
}

}  // namespace samling::text
