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

TEST_CASE("length is counted in code points, not bytes") {
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
