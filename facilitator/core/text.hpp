// Text rules for what participants type: UTF-8 validity, trimming, length in code points.
// Pure functions; no dependencies beyond the standard library.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace samling::text {

// True when s is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view s);

// Number of code points in valid UTF-8.
std::size_t code_points(std::string_view s);

// Removes leading and trailing white space, ASCII and the Unicode spaces phone
// keyboards insert (no-break space, ideographic space, zero-width space...).
std::string trim(std::string_view s);

// True when s contains a control character other than newline or tab.
bool has_control_characters(std::string_view s);

}  // namespace samling::text
