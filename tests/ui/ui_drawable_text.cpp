// The projector never garbles a card: what the atlas cannot draw becomes one visible placeholder.
#include <doctest/doctest.h>

#include "ui/text/drawable_text.hpp"

using samling::drawable_text;

TEST_CASE("Norwegian text and typographic punctuation pass through unchanged") {
    const std::string s = "Foreldre får ulike beskjeder – «skole» og “helsestasjon”… Æ Ø Å €";
    CHECK(drawable_text(s) == s);
}

TEST_CASE("an emoji becomes one placeholder, with its skin tone and variation selector") {
    CHECK(drawable_text("Bra 👍") == "Bra □");
    CHECK(drawable_text("Bra 👍🏽!") == "Bra □!");
    CHECK(drawable_text("❤️ barna") == "□ barna");
}

TEST_CASE("a ZWJ family and a flag each become one placeholder") {
    CHECK(drawable_text("👨‍👩‍👧 familie") == "□ familie");
    CHECK(drawable_text("🇳🇴🇸🇪") == "□□");
}

TEST_CASE("two separate emoji stay two placeholders") {
    CHECK(drawable_text("😀😀") == "□□");
}

TEST_CASE("tabs become spaces, newlines stay, combining marks are dropped") {
    CHECK(drawable_text("a\tb\nc") == "a b\nc");
    CHECK(drawable_text("e\xCC\x81") == "e");
}

TEST_CASE("invalid UTF-8 becomes placeholders, never raw bytes") {
    CHECK(drawable_text("a\xFF"
                        "b") == "a□b");
    CHECK(drawable_text("\xC0\x80") == "□□");
}

TEST_CASE("other scripts are shown as placeholders") {
    CHECK(drawable_text("Привет") == "□□□□□□");
}
