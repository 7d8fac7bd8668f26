// The message on an empty board stays under the zone headings and inside the board, however
// little room 27 groups' strip and a carry-over band leave it. Real fonts.
#include <doctest/doctest.h>

#include <string>

#include "ui/board/message.hpp"
#include "ui/text/text_wrap.hpp"
#include "ui_fonts_fixture.hpp"

using namespace samling;
using samling::test::ImGuiWithFonts;

namespace {
const char* hint = "Ingen lapper ennå – skann QR-koden for å skrive";
}

TEST_CASE("an empty board's hint is in title type, centred, when there is room") {
    ImGuiWithFonts g(18.0f);
    REQUIRE(g.ok);
    const ImVec2 min(22, 260), max(899, 575);
    const BoardMessage m = board_message(g.fonts, min, max, hint);
    CHECK(m.font == g.fonts.title);
    const float h = static_cast<float>(m.lines.size()) * m.size;
    CHECK(std::abs(m.top + h / 2 - (min.y + max.y) / 2) < 1.0f);
}

TEST_CASE("in a short board (goals and measures with 27 groups) the hint never rises over the headings") {
    ImGuiWithFonts g(18.0f);
    REQUIRE(g.ok);
    // Under the headings of "Mål" and "Tiltak": what is left above the 27 groups' strip.
    for (float room : {70.0f, 40.0f, 20.0f}) {
        CAPTURE(room);
        const ImVec2 min(22, 400), max(899, 400 + room);
        const BoardMessage m = board_message(g.fonts, min, max, hint);
        REQUIRE_FALSE(m.lines.empty());
        CHECK(m.top >= min.y);
        CHECK(m.top + static_cast<float>(m.lines.size()) * m.size <= max.y + 0.5f);
        for (const std::string& line : m.lines) CHECK(text_width(m.font, m.size, line) <= max.x - min.x);
    }
    // With a line's worth of room it is still whole, in smaller type.
    const BoardMessage m = board_message(g.fonts, ImVec2(22, 400), ImVec2(899, 440), hint);
    CHECK(m.font != g.fonts.title);
    REQUIRE(m.lines.size() == 1);
    CHECK(m.lines[0] == hint);
}
