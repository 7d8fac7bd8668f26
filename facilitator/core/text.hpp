// Text rules for what people type: UTF-8 validity, NFC, trimming, length in characters (grapheme
// clusters), and the caseless key two names are compared by. The one UTF-8 decoder. utf8proc only.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace samling::text {

// One code point decoded at a byte offset; `length` is 0 when the bytes there are malformed.
struct Decoded {
    char32_t code_point = 0xFFFD;
    std::size_t length = 0;
};

// The program's one UTF-8 decoder: no overlongs, no surrogates, nothing above U+10FFFF.
Decoded decode(std::string_view s, std::size_t at);

// True when s is well-formed UTF-8.
bool is_valid_utf8(std::string_view s);

// Number of code points in valid UTF-8.
std::size_t code_points(std::string_view s);

// The byte offset where the character (extended grapheme cluster) starting at `at` ends: "Å"
// written as A + ring, a flag, or a family emoji is one character. Malformed bytes count one each.
std::size_t next_character(std::string_view s, std::size_t at);

// The byte offset where the character ending at `at` starts (0 at the start).
std::size_t previous_character(std::string_view s, std::size_t at);

// The byte offset where the character holding byte `at` starts: `at` itself on a boundary.
std::size_t character_start(std::string_view s, std::size_t at);

// Number of characters as a person counts them: the limits on notes and names count these.
std::size_t characters(std::string_view s);

// The first `max` characters of s, never cutting one in half.
std::string_view first_characters(std::string_view s, std::size_t max);

// Unicode Normalization Form C: "A" + U+030A becomes "Å", so one name is one byte string.
// Valid UTF-8 in, valid UTF-8 out; invalid input is returned unchanged.
std::string nfc(std::string_view s);

// The key two names are the same by: NFKC with case folding and no default-ignorable characters
// ("Ås skole", "ÅS SKOLE", "a\u030As skole" share one). For comparing only, never for storing.
std::string name_key(std::string_view s);
inline bool same_name(std::string_view a, std::string_view b) {
    return name_key(a) == name_key(b);
}

// Removes leading and trailing white space, ASCII and the Unicode spaces phone
// keyboards insert (no-break space, ideographic space, zero-width space...).
std::string trim(std::string_view s);

// True when s contains a control character other than newline, carriage return or tab.
bool has_control_characters(std::string_view s);

}  // namespace samling::text
