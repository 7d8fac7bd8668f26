// Specification of the text rules every note and name passes through.
#include <doctest/doctest.h>

#include "core/text.hpp"

using namespace samling;

TEST_CASE("well-formed UTF-8 with Norwegian letters and emoji is valid") {
    CHECK(text::is_valid_utf8("Blåbærsyltetøy på brødskiva"));
    CHECK(text::is_valid_utf8("\xF0\x9F\x98\x80 smil"));
    CHECK(text::is_valid_utf8(""));
}

TEST_CASE("malformed UTF-8 is invalid: stray continuation, truncation, overlong, surrogate, too large") {
    CHECK_FALSE(text::is_valid_utf8("\x80"));
    CHECK_FALSE(text::is_valid_utf8("\xC3"));
    CHECK_FALSE(text::is_valid_utf8("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(text::is_valid_utf8("\xED\xA0\x80"));      // U+D800
    CHECK_FALSE(text::is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    CHECK_FALSE(text::is_valid_utf8("ok\xFF"));
}

TEST_CASE("code points are counted, not bytes") {
    CHECK(text::code_points("æøå") == 3);
    CHECK(text::code_points("\xF0\x9F\x98\x80") == 1);
    CHECK(text::code_points("abc") == 3);
}

TEST_CASE("trimming removes ASCII and Unicode spaces at both ends only") {
    CHECK(text::trim("  hei  ") == "hei");
    CHECK(text::trim("\xC2\xA0\t hei og hå \xE2\x80\x8B\n") == "hei og hå");
    CHECK(text::trim("\xE3\x80\x80") == "");
    CHECK(text::trim("a  b") == "a  b");
}

TEST_CASE("control characters other than newline and tab are found") {
    CHECK(text::has_control_characters(std::string("a\0b", 3)));
    CHECK(text::has_control_characters("a\x1b[31m"));
    CHECK_FALSE(text::has_control_characters("linje en\nlinje to\tog tab"));
}

TEST_CASE("the one decoder gives each code point and its length, and length 0 on malformed bytes") {
    CHECK(text::decode("\xC3\xA5", 0).code_point == U'å');
    CHECK(text::decode("\xC3\xA5", 0).length == 2);
    CHECK(text::decode("a\xF0\x9F\x98\x80", 1).code_point == 0x1F600);
    CHECK(text::decode("\xC0\xAF", 0).length == 0);
    CHECK(text::decode("\xE2\x80", 0).length == 0);  // cut short
}

TEST_CASE("NFC composes a letter written with a combining mark, and keeps composed text as it is") {
    CHECK(text::nfc("A\xCC\x8As skole") == "\xC3\x85s skole");  // A + ring above: Å
    CHECK(text::nfc("e\xCC\x81") == "\xC3\xA9");
    CHECK(text::nfc("Blåbær") == "Blåbær");
    CHECK(text::nfc("") == "");
    CHECK(text::nfc("ok\xFF") == "ok\xFF");  // invalid input comes back unchanged, for the caller to refuse
}

TEST_CASE("names are the same name in any case, however Å is written, with spaces or invisible marks around") {
    CHECK(text::same_name("Ås skole", "ås skole"));
    CHECK(text::same_name("Ås skole", "ÅS SKOLE"));
    CHECK(text::same_name("Ås skole", "A\xCC\x8As skole"));
    CHECK(text::same_name("Ås skole", " ås skole\xC2\xA0"));
    CHECK(text::same_name("Ås skole", "Ås\xC2\xADskole") == false);     // a soft hyphen is not a space
    CHECK(text::same_name("Ås skole", "\xC3\x85s sko\xE2\x80\x8Ble"));  // zero-width space inside
    CHECK(text::same_name("Straße", "STRASSE"));
    CHECK_FALSE(text::same_name("Ås skole", "As skole"));
    CHECK_FALSE(text::same_name("Øst", "Ost"));
}

TEST_CASE("characters are counted as a person sees them: a flag, a skin-toned thumb, a family, A + ring are one") {
    CHECK(text::characters("æøå") == 3);
    CHECK(text::characters("A\xCC\x8A") == 1);
    CHECK(text::characters("\xF0\x9F\x87\xB3\xF0\x9F\x87\xB4") == 1);                                  // 🇳🇴
    CHECK(text::characters("\xF0\x9F\x87\xB3\xF0\x9F\x87\xB4\xF0\x9F\x87\xB8\xF0\x9F\x87\xAA") == 2);  // 🇳🇴🇸🇪
    CHECK(text::characters("\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD") == 1);                                  // 👍🏽
    CHECK(text::characters("\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7") ==
          1);  // 👨‍👩‍👧
    CHECK(text::characters("\r\n") == 1);
    CHECK(text::characters("") == 0);
    CHECK(text::characters("a\xFF"
                           "b") == 3);  // a malformed byte counts as one
}

TEST_CASE("text is cut and stepped through at character boundaries, never inside one") {
    const std::string s =
        "A\xCC\x8A"
        "b\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"
        "c";  // Å b 👍🏽 c
    CHECK(text::first_characters(s, 1) == "A\xCC\x8A");
    CHECK(text::first_characters(s, 3) ==
          "A\xCC\x8A"
          "b\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD");
    CHECK(text::first_characters(s, 10) == s);
    CHECK(text::next_character(s, 0) == 3);
    CHECK(text::next_character(s, 4) == 12);
    CHECK(text::previous_character(s, 12) == 4);
    CHECK(text::previous_character(s, 3) == 0);
    CHECK(text::previous_character(s, 0) == 0);
    CHECK(text::character_start(s, 1) == 0);  // between A and its ring
    CHECK(text::character_start(s, 3) == 3);
    CHECK(text::character_start(s, 8) == 4);  // between the thumb and its skin tone
    CHECK(text::character_start(s, 99) == s.size());
}
