// Helpers shared by the files that implement Workshop::decide_. Internal to the core.
#pragma once

#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "core/commands.hpp"
#include "core/overloaded.hpp"
#include "core/result.hpp"
#include "core/text.hpp"

namespace samling::rules {

using samling::overloaded;

// A token as a phone or a remote holds it, "<id>.<secret>": the id to look up and the secret to
// hold against its stored digest; nullopt for anything else.
struct TokenParts {
    Id id = 0;
    std::string_view secret;
};
inline std::optional<TokenParts> split_token(std::string_view token) {
    const auto dot = token.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot > 18) return std::nullopt;
    Id id = 0;
    for (char c : token.substr(0, dot)) {
        if (c < '0' || c > '9') return std::nullopt;
        id = id * 10 + (c - '0');
    }
    return TokenParts{id, token.substr(dot + 1)};
}

// Room codes are ASCII letters and digits; a phone may type them in lower case.
inline std::string ascii_upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// The checks every piece of typed text goes through, in the order a person would fix them. The
// text kept is NFC, so a name typed with a combining ring is the same bytes as one typed with "Å".
inline Result<std::string> clean_text(std::string_view raw, std::size_t max_characters, Errc too_long,
                                      bool allow_empty) {
    if (!text::is_valid_utf8(raw)) return make_error(Errc::text_invalid, "The text is not valid UTF-8.");
    std::string t = text::trim(text::nfc(raw));
    if (text::has_control_characters(t)) return make_error(Errc::text_invalid, "The text contains control characters.");
    if (t.empty() && !allow_empty) return make_error(Errc::text_empty, "The text is empty after trimming.");
    if (text::characters(t) > max_characters || text::code_points(t) > max_code_points_per_character * max_characters)
        return make_error(too_long, "The text is over " + std::to_string(max_characters) + " characters.");
    return t;
}

inline Decision decided(Change change, Id subject) {
    Decision d;
    d.changes.push_back(std::move(change));
    d.subject = subject;
    return d;
}

inline Decision decided(Change change, Id subject, Change undo) {
    Decision d = decided(std::move(change), subject);
    d.undo.push_back(std::move(undo));
    return d;
}

inline bool is_position(double v) {
    return v == unplaced || (v >= 0.0 && v <= 1.0);
}

}  // namespace samling::rules
