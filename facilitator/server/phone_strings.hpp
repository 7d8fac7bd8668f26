// The phone page's texts, strings.js as the server sends it: generated at build time from
// i18n/strings.json (samling_strings writes phone_strings.cpp), so the page and the projector
// read one catalogue. No HTTP types here.
#pragma once

#include <string_view>

namespace samling {

// "'use strict'; window.SAMLING_STRINGS = {nb: {key: text}, nn: …, en: …};"
std::string_view phone_strings_js();

}  // namespace samling
