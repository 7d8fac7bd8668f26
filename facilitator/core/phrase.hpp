// Putting a catalogue text together (i18n/strings.json): named placeholders filled in
// ("Steg {i} av {n}"), and a count's plural form chosen per language. Plain text, no I/O.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "core/model.hpp"

namespace samling {

// A text that depends on a count, in one language: {"{n} lapp", "{n} lapper", Language::nb}.
struct Plural {
    const char* one = "";
    const char* other = "";
    Language lang = Language::nb;  // whose rule picks the form
};

using PhraseValues = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// Every {name} in `pattern` replaced by its value; an unknown {name} stays as written, so a
// missing value shows on screen instead of vanishing.
std::string fill(std::string_view pattern, PhraseValues values);

// The form for n by the language's rule. nb, nn and en: "one" for exactly 1, "other" for every
// other count (CLDR's rule for all three); a language with a dual or a few adds its case here.
const char* plural_form(const Plural& p, int n);

// A figure with one decimal: "5,4" in Norwegian, "5.4" in English.
std::string decimal_text(double v, Language lang);

// The form for n with {n} filled in: "1 lapp", "12 lapper".
std::string count_text(const Plural& p, int n);

}  // namespace samling
