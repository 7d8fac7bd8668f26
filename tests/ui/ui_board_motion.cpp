// Cards glide, never jump: from where they were drawn to their new place over glide_ms, a card
// let go waits under the pointer for its layout (at most hold_ms), new cards appear in place.
// Pure state; no window, no fonts.
#include <doctest/doctest.h>

#include "ui/board/motion.hpp"

using namespace samling;

namespace {
const BoardRegion a{ImVec2(0, 0), ImVec2(100, 50)};
const BoardRegion b{ImVec2(300, 200), ImVec2(400, 250)};
}  // namespace

TEST_CASE("a card moved by a new layout glides there over 200 ms, quick at first, and then stops") {
    BoardMotion m;
    follow(m, {{7, a}}, 1, 1000);
    CHECK_FALSE(moving(m, 1000));  // a new card appears in place
    CHECK(glide_at(m.cards.at(7), 1000).min.x == 0);
    follow(m, {{7, b}}, 2, 2000);
    CHECK(glide_at(m.cards.at(7), 2000).min.x == 0);
    const float quarter = glide_at(m.cards.at(7), 2000 + glide_ms / 4).min.x;
    const float half = glide_at(m.cards.at(7), 2000 + glide_ms / 2).min.x;
    CHECK(quarter > 0.25f * 300);  // ease out
    CHECK(half > quarter);
    CHECK(half < 300);
    CHECK(moving(m, 2000 + glide_ms / 2));
    CHECK(glide_at(m.cards.at(7), 2000 + glide_ms).min.x == 300);
    CHECK_FALSE(moving(m, 2000 + glide_ms));
}

TEST_CASE("a new target mid-glide starts from where the card is drawn, not from its old place") {
    BoardMotion m;
    follow(m, {{7, a}}, 1, 0);
    follow(m, {{7, b}}, 2, 1000);
    const BoardRegion mid = glide_at(m.cards.at(7), 1100);
    follow(m, {{7, a}}, 3, 1100);
    CHECK(glide_at(m.cards.at(7), 1100).min.x == mid.min.x);
    CHECK(glide_at(m.cards.at(7), 1100 + glide_ms).min.x == 0);
}

TEST_CASE("a card let go waits where it was dropped until its layout comes, or hold_ms at most") {
    const BoardRegion dropped{ImVec2(500, 100), ImVec2(600, 150)};
    BoardMotion m;
    follow(m, {{7, a}}, 1, 0);
    let_go(m, 7, dropped, 1, 1000);
    follow(m, {{7, a}}, 1, 1100);  // the old layout still: the card stays put
    CHECK(glide_at(m.cards.at(7), 1100).min.x == 500);
    follow(m, {{7, b}}, 2, 1150);  // its layout: from the drop to its place
    CHECK(glide_at(m.cards.at(7), 1150).min.x == 500);
    CHECK(glide_at(m.cards.at(7), 1150 + glide_ms).min.x == 300);

    BoardMotion refused;  // the hub said no: no new layout; back home after hold_ms
    follow(refused, {{7, a}}, 1, 0);
    let_go(refused, 7, dropped, 1, 1000);
    follow(refused, {{7, a}}, 1, 1000 + hold_ms);
    CHECK(glide_at(refused.cards.at(7), 1000 + hold_ms + glide_ms).min.x == 0);
}

TEST_CASE("a card no longer on the board is forgotten") {
    BoardMotion m;
    follow(m, {{7, a}, {8, b}}, 1, 0);
    follow(m, {{8, b}}, 2, 10);
    CHECK(m.cards.count(7) == 0);
    CHECK(m.cards.count(8) == 1);
}
