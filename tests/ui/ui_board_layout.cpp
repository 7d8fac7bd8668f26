// The board's layout: every card inside the board, none overlapping, every note either on a
// card or counted in a "+N" card, and text that fits its card. Real fonts, no window.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <imgui.h>

#include "ui/board/layout.hpp"
#include "ui/fonts.hpp"
#include "ui/text/text_wrap.hpp"
#include "ui_fonts_fixture.hpp"

using namespace samling;
using samling::test::ImGuiWithFonts;

namespace {

const char* const sample[] = {
    "Foreldre får ulike beskjeder fra skole og helsestasjon",
    "Vi oppdager utfordringene for sent",
    "Lærerne vet ikke hvem de skal ringe i barnevernet",
    "PPT har lang ventetid – opptil seks måneder",
    "Mange møter, lite handling",
    // One long note split over two lines on purpose (the one that must wrap).
    "Foreldre opplever at de må fortelle historien sin om og om igjen til nye fagfolk, og at ingen har "  // NOLINT(bugprone-suspicious-missing-comma)
    "helhetsansvaret for familien",
    "Ulike journalsystemer",
};

std::vector<BoardNote> notes(int n, int columns) {
    std::vector<BoardNote> out;
    out.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) out.push_back({sample[i % 7], i % 5 == 4 ? columns - 1 : 0});
    return out;
}

bool overlap(ImVec2 a0, ImVec2 a1, ImVec2 b0, ImVec2 b1) {
    return a0.x < b1.x && b0.x < a1.x && a0.y < b1.y && b0.y < a1.y;
}

void check_layout(const BoardLayout& l, int n, ImVec2 min, ImVec2 max, const Fonts& fonts) {
    std::vector<std::pair<ImVec2, ImVec2>> boxes;
    for (const PlacedCard& c : l.cards) boxes.push_back({c.min, c.max});
    for (const OverflowCard& o : l.overflow) boxes.push_back({o.min, o.max});
    int shown = static_cast<int>(l.cards.size());
    for (const OverflowCard& o : l.overflow) shown += o.count;
    CHECK(shown == n);
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        CHECK(boxes[i].first.x >= min.x - 0.01f);
        CHECK(boxes[i].first.y >= min.y - 0.01f);
        CHECK(boxes[i].second.x <= max.x + 0.01f);
        CHECK(boxes[i].second.y <= max.y + 0.01f);
        for (std::size_t j = i + 1; j < boxes.size(); ++j)
            CHECK_FALSE(overlap(boxes[i].first, boxes[i].second, boxes[j].first, boxes[j].second));
    }
    const ImFont* font = fonts.card[static_cast<std::size_t>(l.level)];
    for (const PlacedCard& c : l.cards)
        for (const std::string& line : c.text.lines)
            CHECK(text_width(font, l.size, line) <= c.max.x - c.min.x - 2 * l.pad + 0.5f);
}

}  // namespace

TEST_CASE("a dozen notes fit whole, in large type, with no card overlapping another") {
    ImGuiWithFonts g;
    REQUIRE(g.ok);
    const ImVec2 min(22, 180), max(880, 600);
    const auto n = notes(12, 2);
    const BoardLayout l = layout_board(n, 2, min, max, g.fonts);
    CHECK(l.overflow.empty());
    CHECK_FALSE(l.cramped);
    check_layout(l, 12, min, max, g.fonts);
    for (const PlacedCard& c : l.cards) CHECK_FALSE(c.text.truncated);
}

TEST_CASE("150 notes shrink into the board without overlap, the rest counted in a +N card") {
    ImGuiWithFonts g;
    REQUIRE(g.ok);
    const ImVec2 min(22, 150), max(1000, 590);
    const BoardLayout l = layout_board(notes(150, 2), 2, min, max, g.fonts);
    CHECK(l.cramped);
    check_layout(l, 150, min, max, g.fonts);
}

TEST_CASE("a board without zones flows its notes into a grid") {
    ImGuiWithFonts g;
    REQUIRE(g.ok);
    const ImVec2 min(22, 150), max(880, 600);
    const BoardLayout l = layout_board(notes(40, 1), 1, min, max, g.fonts);
    check_layout(l, 40, min, max, g.fonts);
}

TEST_CASE("a note cut to its lines ends in an ellipsis and stays within the width") {
    ImGuiWithFonts g;
    REQUIRE(g.ok);
    const ImFont* font = g.fonts.card[0];
    const WrappedText t = wrap_text(font, g.fonts.size(font), sample[5], 150.0f, 2);
    REQUIRE(t.lines.size() == 2);
    CHECK(t.truncated);
    CHECK(t.lines[1].ends_with("\xE2\x80\xA6"));
    for (const std::string& line : t.lines) CHECK(text_width(font, g.fonts.size(font), line) <= 150.0f);
}

TEST_CASE("a cluster beside loose cards: boxes hold their cards, nothing overlaps, and the type stays large") {
    ImGuiWithFonts g;
    REQUIRE(g.ok);
    const BoardRegion region{ImVec2(22, 270), ImVec2(800, 700)};
    std::vector<BoardNote> n = {
        {"Foreldre får ulike beskjeder fra skole og helsestasjon", 0, 0},
        {"Beskjeder mellom tjenestene blir borte", 0, 0},
        {"Vi oppdager utfordringene for sent", 0},
        {"Ingen har oversikt over hele familien", 0},
        {"Barnehagen involveres først når krisen har rammet", 0},
    };
    const BoardLayout l = layout_regions(n, {region}, {0}, g.fonts);
    check_layout(l, 5, region.min, region.max, g.fonts);
    REQUIRE(l.sections.size() == 1);
    const PlacedSection& box = l.sections[0];
    CHECK(box.min.x >= region.min.x);
    CHECK(box.max.x <= region.max.x);
    for (const PlacedCard& c : l.cards) {
        const bool in_box =
            c.min.x >= box.min.x && c.max.x <= box.max.x && c.min.y >= box.min.y && c.max.y <= box.max.y;
        CHECK(in_box == (n[c.note].section == 0));
        if (!in_box) CHECK_FALSE(overlap(c.min, c.max, box.min, box.max));
    }
    CHECK(l.level <= 1);
}

TEST_CASE("long notes and a 5-whys chain wrap to more lines instead of being cut, also in larger type") {
    // 280 characters, the most a note may hold, and a chain of answers under one cause: in a
    // narrow, tall column (a bone of the fishbone) at the room's type and two steps of Ctrl +.
    const std::string longest =
        "Foreldre opplever at de må fortelle historien sin om og om igjen til nye fagfolk, at ingen har "
        "helhetsansvaret for familien, at møtene handler om rutiner og ikke om barnet, og at det tar "
        "måneder før noen tar kontakt etter at barnehagen har meldt fra om at noe er galt hjemme.";
    REQUIRE(longest.size() >= 270);
    const std::vector<BoardNote> chain = {
        {longest, 0},
        {"Fordi vi er redd for å tråkke inn på andres fagområde og gjøre feil som noen andre må rydde opp i", 0, -1, 1},
        {"Fordi ansvaret er delt mellom sektorene, og ingen avtale sier hvem som leder samarbeidet", 0, -1, 2},
        {"Fordi budsjettene følger sektorene, og tid til samarbeid ikke er finansiert av noen av dem", 0, -1, 3},
    };
    for (const float em : {22.0f, 24.2f, 26.6f}) {
        CAPTURE(em);
        ImGuiWithFonts g(em);
        REQUIRE(g.ok);
        const ImVec2 min(22, 150), max(300, 700);
        const BoardLayout l = layout_board(chain, 1, min, max, g.fonts);
        check_layout(l, static_cast<int>(chain.size()), min, max, g.fonts);
        REQUIRE(l.cards.size() == chain.size());
        for (const PlacedCard& c : l.cards) CHECK_FALSE(c.text.truncated);
        CHECK(l.cards.front().text.lines.size() > 7);  // more lines than the old limit: whole
    }
}

TEST_CASE("when a 5-whys chain must be cut, it takes its region's width, and a bone beside it keeps its card whole") {
    // Two regions side by side (two bones at Ctrl + twice): a chain too tall for its region even
    // at the smallest size, and one cause beside it with room to spare.
    const std::vector<BoardNote> notes = {
        {"Ingen eier helheten rundt familien, så alle venter på at en annen skal ta det første steget", 0},
        {"Fordi vi er redd for å tråkke inn på andres fagområde og gjøre feil som noen andre må rydde opp i", 0, -1, 1},
        {"Fordi ansvaret er delt mellom sektorene, og ingen avtale sier hvem som leder samarbeidet", 0, -1, 2},
        {"Fordi budsjettene følger sektorene, og tid til samarbeid ikke er finansiert av noen av dem", 0, -1, 3},
        {"Fordi ledelsen aldri har bedt om det, og ingen måler hvor lenge en familie venter", 0, -1, 3},
        {"Taushetsplikt brukes som grunn til ikke å dele", 1},
    };
    ImGuiWithFonts g(26.6f);
    REQUIRE(g.ok);
    const std::vector<BoardRegion> regions = {{ImVec2(26, 250), ImVec2(476, 440)},
                                              {ImVec2(556, 250), ImVec2(736, 440)}};
    const BoardLayout l = layout_regions(notes, regions, {}, g.fonts);
    REQUIRE(l.cards.size() == notes.size());
    bool chain_cut = false;
    for (const PlacedCard& c : l.cards) {
        if (notes[c.note].column != 0) {
            CHECK_FALSE(c.text.truncated);  // the cut is the crowded region's only
            continue;
        }
        chain_cut = chain_cut || c.text.truncated;
        // One stack across the region, not a third of it: the cut lines show most of each answer.
        CHECK(c.max.x > 470);
        CHECK(c.max.x - c.min.x > 0.8f * (476 - 26));
    }
    CHECK(chain_cut);  // this chain cannot be whole here: the test is about the cut
}
