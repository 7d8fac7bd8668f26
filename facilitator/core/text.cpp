// Unicode through utf8proc (Debian libutf8proc-dev), so no part of Samling decodes UTF-8 by hand
// and normalisation, case folding and grapheme clusters follow the Unicode tables it ships.
#include "core/text.hpp"

#include <array>
#include <cstdlib>
#include <memory>

#include <utf8proc.h>

namespace samling::text {
namespace {

bool is_space(char32_t c) {
    constexpr std::array<char32_t, 12> unicode_spaces = {0x85,   0xA0,   0x1680, 0x2028, 0x2029, 0x202F,
                                                         0x205F, 0x3000, 0x200B, 0x180E, 0xFEFF, 0x2060};
    if (c == ' ' || (c >= 0x09 && c <= 0x0D)) return true;
    if (c >= 0x2000 && c <= 0x200A) return true;
    for (char32_t u : unicode_spaces)
        if (c == u) return true;
    return false;
}

// utf8proc_map with `options`; the input itself when utf8proc refuses it (invalid UTF-8).
std::string mapped(std::string_view s, int options) {
    utf8proc_uint8_t* out = nullptr;
    const utf8proc_ssize_t n =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()), &out,
                     static_cast<utf8proc_option_t>(options));
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
    if (n < 0) return std::string(s);
    return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

}  // namespace

Decoded decode(std::string_view s, std::size_t at) {
    utf8proc_int32_t cp = -1;
    const utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + at),
                                                static_cast<utf8proc_ssize_t>(s.size() - at), &cp);
    if (n <= 0 || cp < 0) return {};
    return {static_cast<char32_t>(cp), static_cast<std::size_t>(n)};
}

bool is_valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const Decoded d = decode(s, i);
        if (d.length == 0) return false;
        i += d.length;
    }
    return true;
}

std::size_t code_points(std::string_view s) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size(); ++count) {
        const Decoded d = decode(s, i);
        i += d.length == 0 ? 1 : d.length;
    }
    return count;
}

std::size_t next_character(std::string_view s, std::size_t at) {
    if (at >= s.size()) return s.size();
    Decoded d = decode(s, at);
    if (d.length == 0) return at + 1;
    utf8proc_int32_t state = 0;
    auto previous = static_cast<utf8proc_int32_t>(d.code_point);
    std::size_t i = at + d.length;
    while (i < s.size()) {
        d = decode(s, i);
        if (d.length == 0) break;
        const auto cp = static_cast<utf8proc_int32_t>(d.code_point);
        if (utf8proc_grapheme_break_stateful(previous, cp, &state)) break;
        previous = cp;
        i += d.length;
    }
    return i;
}

std::size_t previous_character(std::string_view s, std::size_t at) {
    // Grapheme breaks are defined going forwards: walk from the start to the one before `at`.
    std::size_t start = 0;
    for (std::size_t i = 0; i < s.size() && i < at;) {
        start = i;
        i = next_character(s, i);
    }
    return start;
}

std::size_t character_start(std::string_view s, std::size_t at) {
    if (at >= s.size()) return s.size();
    std::size_t start = 0;
    for (std::size_t i = 0; i <= at; i = next_character(s, i)) start = i;
    return start;
}

std::size_t characters(std::string_view s) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < s.size(); i = next_character(s, i)) ++count;
    return count;
}

std::string_view first_characters(std::string_view s, std::size_t max) {
    std::size_t end = 0;
    for (std::size_t n = 0; n < max && end < s.size(); ++n) end = next_character(s, end);
    return s.substr(0, end);
}

std::string nfc(std::string_view s) {
    return mapped(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string name_key(std::string_view s) {
    return mapped(trim(s), UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE);
}

std::string trim(std::string_view s) {
    std::size_t begin = s.size();
    std::size_t end = 0;
    for (std::size_t i = 0; i < s.size();) {
        Decoded d = decode(s, i);
        if (d.length == 0) d = {0xFFFD, 1};  // keep malformed bytes; validity is checked elsewhere
        if (!is_space(d.code_point)) {
            if (begin == s.size()) begin = i;
            end = i + d.length;
        }
        i += d.length;
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
