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

TEST_CASE("tabs become spaces, newlines stay, a carriage return before one goes") {
    CHECK(drawable_text("a\tb\nc") == "a b\nc");
    CHECK(drawable_text("a\r\nb") == "a\nb");
}

TEST_CASE("a letter written with a combining mark is drawn composed, never as the bare letter") {
    CHECK(drawable_text("A\xCC\x8As skole") == "\xC3\x85s skole");  // A + ring: "Ås skole", not "As skole"
    CHECK(drawable_text("e\xCC\x81") == "\xC3\xA9");
    CHECK(drawable_text("q\xCC\x83") == "q");              // no composed q-tilde exists: the mark the atlas lacks goes
    CHECK(drawable_text("\xE2\x80\x8B\xCC\x81x") == "x");  // a stray mark after a zero-width space
}

TEST_CASE("invalid UTF-8 becomes placeholders, never raw bytes") {
    CHECK(drawable_text("a\xFF"
                        "b") == "a□b");
    CHECK(drawable_text("\xC0\x80") == "□□");
}

TEST_CASE("other scripts are shown as placeholders") {
    CHECK(drawable_text("Привет") == "□□□□□□");
}
