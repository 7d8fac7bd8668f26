// Putting catalogue texts together: named placeholders in any order, plural forms per language.
#include <doctest/doctest.h>

#include "core/phrase.hpp"

using namespace samling;

TEST_CASE("placeholders are filled by name, wherever the language puts them") {
    CHECK(fill("Steg {i} av {n}", {{"i", "2"}, {"n", "5"}}) == "Steg 2 av 5");
    // Another word order needs no code change: the values go by name.
    CHECK(fill("{n} oassis {i}. lávki", {{"i", "2"}, {"n", "5"}}) == "5 oassis 2. lávki");
    CHECK(fill("{x}{x}", {{"x", "ab"}}) == "abab");
}

TEST_CASE("a placeholder without a value stays visible, and stray braces are kept") {
    CHECK(fill("Rad {row}: {why}", {{"row", "4"}}) == "Rad 4: {why}");
    CHECK(fill("a { b", {}) == "a { b");
    CHECK(fill("{", {}) == "{");
    CHECK(fill("", {{"n", "1"}}) == "");
}

TEST_CASE("nb, nn and en take «one» for exactly one and «other» for every other count") {
    for (Language lang : {Language::nb, Language::nn, Language::en}) {
        const Plural p{"{n} lapp", "{n} lapper", lang};
        CHECK(count_text(p, 1) == "1 lapp");
        CHECK(count_text(p, 0) == "0 lapper");
        CHECK(count_text(p, 2) == "2 lapper");
        CHECK(count_text(p, 21) == "21 lapper");
        CHECK(count_text(p, -1) == "-1 lapper");
    }
}

TEST_CASE("a figure with one decimal takes a comma in Norwegian and a point in English") {
    CHECK(decimal_text(5.44, Language::nb) == "5,4");
    CHECK(decimal_text(5.46, Language::nn) == "5,5");
    CHECK(decimal_text(5.46, Language::en) == "5.5");
    CHECK(decimal_text(7.0, Language::nb) == "7,0");
}
