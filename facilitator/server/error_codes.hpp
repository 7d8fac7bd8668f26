// The error codes the server answers with besides the core's Errc (core/result.hpp): requests
// refused before the core sees them. docs/API.md lists them all; every one has the phone's own
// words in i18n/strings.json (tests/server_strings.cpp holds both to this list).
#pragma once

#include <array>
#include <string_view>

namespace samling {

inline constexpr std::array<std::string_view, 16> server_error_codes = {
    "bad_request",             // 400: a field of the wrong type, a body where none belongs
    "bad_json",                // 400: the body is not a JSON object
    "invalid_utf8",            // 400: the body is not UTF-8
    "not_found",               // 404: no such page or call
    "length_required",         // 411: a body without Content-Length (chunked)
    "body_too_large",          // 413: over 16 KiB
    "encoding_not_supported",  // 415: a compressed body
    "range_not_satisfiable",   // 416: more than one byte range
    "host_not_allowed",        // 403: a Host header that is not one of the server's addresses
    "rate_limited",            // 429: too many requests, with Retry-After
    "too_many_headers",        // 431
    "internal_error",          // 500: an exception in a route
    "personal_number",         // 422: a valid fødselsnummer, D- or H-nummer in a text (core/personal_data)
    "looks_personal",          // 422: a name with an age or a case word, not confirmed (confirm_personal)
    "not_remote",              // 403: a participant's token on a facilitator remote's call
    "pairing_expired",         // 401: a remote's pairing code that was used already or is too old
};

}  // namespace samling
