// What a board may show and where it puts it: face-down notes never give away their text,
// vote totals wait for the vote to end, authors follow the exercise's anonymity, chains read
// cause first, and every layout keeps its cards apart. Real fonts, no window.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include <imgui.h>

#include "../core_fixture.hpp"
#include "ui/board/model.hpp"
#include "ui/board/scene.hpp"
#include "ui/fonts.hpp"
#include "ui_board_fixture.hpp"
#include "ui_fonts_fixture.hpp"

using namespace samling;
using namespace samling::board_test;

namespace {

using Fonted = samling::test::ImGuiWithFonts;

BoardModel model_of(const World& s) {
    return board_model(s.w, s.group, Language::nb, ui_strings(Language::nb), board_strings(Language::nb));
}

bool overlap_inset(ImVec2 a0, ImVec2 a1, ImVec2 b0, ImVec2 b1) {
    return a0.x < b1.x - 0.5f && b0.x < a1.x - 0.5f && a0.y < b1.y - 0.5f && b0.y < a1.y - 0.5f;
}

bool scene_says(const BoardScene& scene, std::string_view needle) {
    for (const SceneCard& c : scene.cards)
        for (const std::string& line : c.text.lines)
            if (line.find(needle) != std::string::npos) return true;
    return false;
}

int overlaps(const BoardScene& s) {
    int n = 0;
    for (std::size_t i = 0; i < s.cards.size(); ++i)
        for (std::size_t j = i + 1; j < s.cards.size(); ++j)
            n += overlap_inset(s.cards[i].min, s.cards[i].max, s.cards[j].min, s.cards[j].max);
    return n;
}

}  // namespace

TEST_CASE("notes not yet revealed are counted and coloured, but their text never reaches the board") {
    Fonted f;
    REQUIRE(f.ok);
    World s("themes");
    s.note("Synlig observasjon", "observations");
    s.note("Hemmelig lapp om rektor", "observations", false);
    s.note("Enda en skjult lapp", "parking", false);
    const BoardModel m = model_of(s);
    CHECK(m.mode == BoardModel::Mode::cards);
    REQUIRE(m.cards.size() == 1);
    CHECK(m.hidden.size() == 2);
    for (const ModelCard& c : m.cards) CHECK(c.text.find("Hemmelig") == std::string::npos);
    const BoardScene scene = make_scene(m, ImVec2(20, 120), ImVec2(900, 650), f.fonts);
    CHECK(scene_says(scene, "Synlig"));
    CHECK_FALSE(scene_says(scene, "Hemmelig"));
    CHECK_FALSE(scene_says(scene, "skjult"));
}

TEST_CASE("a board where every note is face down shows the face-down state") {
    World s("themes");
    s.note("Hemmelig", "observations", false);
    const BoardModel m = model_of(s);
    CHECK(m.mode == BoardModel::Mode::hidden);
    CHECK(m.cards.empty());
    CHECK(m.hidden.size() == 1);
}

TEST_CASE("vote totals stay off the cards while a vote hides them, and rank the top three after it") {
    World s("themes");
    const Id a = s.note("A", "observations"), b = s.note("B", "observations"), c = s.note("C", "observations"),
             d = s.note("D", "observations");
    s.vote(a, 2);
    s.vote(b, 5);
    s.vote(c, 1);
    s.vote(d, 1);
    s.step(3);  // the vote, totals hidden
    BoardModel m = model_of(s);
    CHECK(m.voting_hidden);
    CHECK_FALSE(m.show_totals);
    CHECK(m.dots_cast == 9);
    for (const ModelCard& card : m.cards) {
        CHECK(card.dots == 0);
        CHECK(card.rank == 0);
    }
    s.step(4);  // the vote is over
    m = model_of(s);
    CHECK(m.show_totals);
    auto card = [&](Id id) {
        return *std::find_if(m.cards.begin(), m.cards.end(), [&](const ModelCard& x) { return x.note == id; });
    };
    CHECK(card(b).dots == 5);
    CHECK(card(b).rank == 1);
    CHECK(card(a).rank == 2);
    CHECK(card(c).rank == 3);  // tied third places share the rank
    CHECK(card(d).rank == 3);
}

TEST_CASE("authors: on the card with anonymity projector, in a tooltip with facilitator, never when hidden") {
    for (Anonymity a : {Anonymity::projector, Anonymity::facilitator, Anonymity::hidden}) {
        World s("themes", 1, a);
        s.note("Skrevet av Kari", "observations", true, 0, unplaced, unplaced, 1);
        const BoardModel m = model_of(s);
        REQUIRE(m.cards.size() == 1);
        CHECK(m.cards[0].author == (a == Anonymity::projector ? "Kari" : ""));
        CHECK(m.cards[0].hover_author == (a == Anonymity::facilitator ? "Kari" : ""));
    }
}

TEST_CASE("a 5-whys chain reads cause first, each answer one level deeper, in its cause's bone") {
    Fonted f;
    REQUIRE(f.ok);
    World s("causes");
    const Id root = s.note("Taushetsplikt tolkes ulikt", "cultural");
    s.note("Ulike journalsystemer", "structural");
    const Id why1 = s.note("Ingen felles opplæring", "structural", true, root);
    const Id why2 = s.note("Hver tjeneste har sin egen jurist", "cultural", true, why1);
    const BoardModel m = model_of(s);
    REQUIRE(m.cards.size() == 4);
    CHECK(m.cards[0].note == root);
    CHECK(m.cards[1].note == why1);
    CHECK(m.cards[1].depth == 1);
    CHECK(m.cards[2].note == why2);
    CHECK(m.cards[2].depth == 2);
    CHECK(m.cards[1].place_zone == m.cards[0].place_zone);
    const BoardScene scene = make_scene(m, ImVec2(20, 120), ImVec2(900, 650), f.fonts);
    CHECK(scene.kind == SceneKind::fishbone);
    CHECK(scene.links.size() == 2);
    CHECK(overlaps(scene) == 0);
    // Parent above, answer below and indented.
    auto at = [&](Id id) {
        for (const SceneCard& c : scene.cards)
            if (m.cards[c.card].note == id) return c;
        return SceneCard{};
    };
    CHECK(at(why1).min.y > at(root).max.y);
    CHECK(at(why1).min.x > at(root).min.x);
    CHECK(at(why2).min.y > at(why1).max.y);
}

TEST_CASE("the fishbone's head is the field its exercise names: the group's problem statement, else a hint") {
    World s("themes");
    s.conclude("statement", "Barn får hjelp for sent");
    s.start("causes");
    CHECK(model_of(s).head == "Barn får hjelp for sent");
    CHECK_FALSE(model_of(s).head_is_hint);
    World t("causes");
    CHECK(model_of(t).head_is_hint);
    CHECK(model_of(t).head == board_strings(Language::nb).head_hint);
    // A field the exercise does not name never heads it, whatever it is called.
    t.conclude("problem", "Egen formulering");
    CHECK(model_of(t).head_is_hint);
}

TEST_CASE("a fishbone whose file names one of its own conclusion fields is headed by the run's value of it") {
    World t("own_head");
    CHECK(model_of(t).head_is_hint);
    t.conclude("problem", "Egen formulering");
    CHECK(model_of(t).head == "Egen formulering");
    CHECK_FALSE(model_of(t).head_is_hint);
}

TEST_CASE("columns: a cluster is a box in its zone holding its cards; 150 notes never overlap") {
    Fonted f;
    REQUIRE(f.ok);
    World s("themes");
    std::vector<Id> ids;
    ids.reserve(150);
    for (int i = 0; i < 150; ++i)
        ids.push_back(s.note(observations[i % 14], i % 5 == 4 ? "parking" : i % 3 ? "observations" : "themes"));
    s.cluster("themes", "Informasjonsflyt", {ids[0], ids[3], ids[6]});
    const BoardModel m = model_of(s);
    const ImVec2 min(20, 120), max(900, 650);
    const BoardScene scene = make_scene(m, min, max, f.fonts);
    REQUIRE(scene.boxes.size() == 1);
    CHECK(overlaps(scene) == 0);
    int shown = static_cast<int>(scene.cards.size());
    for (const OverflowCard& o : scene.overflow) shown += o.count;
    CHECK(shown == 150);
    for (const SceneCard& c : scene.cards) {
        CHECK(c.min.x >= min.x - 0.5f);
        CHECK(c.max.x <= max.x + 0.5f);
        CHECK(c.max.y <= max.y + 0.5f);
        if (m.cards[c.card].cluster) {
            CHECK(c.min.x >= scene.boxes[0].min.x);
            CHECK(c.max.x <= scene.boxes[0].max.x);
            CHECK(c.min.y >= scene.boxes[0].min.y);
            CHECK(c.max.y <= scene.boxes[0].max.y);
        }
    }
}

TEST_CASE(
    "grid: a placed card sits at its position (y = 1 at the top), a phone's note in its quadrant, "
    "a note in no quadrant in the tray") {
    Fonted f;
    REQUIRE(f.ok);
    World s("grid");
    const Id placed = s.note("Rektor", "manage", true, 0, 0.8, 0.8);
    const Id phone = s.note("Tillitsvalgte", "monitor");  // as a phone writes it: a quadrant, no position
    s.note("Lokalavisen", "");
    const BoardModel m = model_of(s);
    const BoardScene scene = make_scene(m, ImVec2(20, 120), ImVec2(900, 650), f.fonts);
    REQUIRE(scene.cards.size() == 3);
    for (const SceneCard& c : scene.cards) {
        const ImVec2 centre((c.min.x + c.max.x) / 2, (c.min.y + c.max.y) / 2);
        const DropSpot d = drop_spot(scene, centre);
        if (m.cards[c.card].note == placed) {
            CHECK_FALSE(c.in_tray);
            CHECK(d.x == doctest::Approx(0.8).epsilon(0.03));
            CHECK(d.y == doctest::Approx(0.8).epsilon(0.03));
            CHECK(d.zone == 1);  // top right
        } else if (m.cards[c.card].note == phone) {
            CHECK_FALSE(c.in_tray);
            CHECK(d.zone == 2);  // bottom left: "monitor"
        } else {
            CHECK(c.in_tray);
            CHECK(c.min.y >= scene.tray_min.y);
        }
    }
}

TEST_CASE("rings: zone 0 is innermost, and cards of a crowded ring do not pile up") {
    Fonted f;
    REQUIRE(f.ok);
    World s("system");
    const char* names[] = {"Rektor",   "Helsesykepleier", "Kontaktlærer",   "SFO",
                           "Fastlege", "Fotballtrener",   "Barnevernleder", "Kommunalsjef oppvekst"};
    for (const char* n : names) s.note(n, "daily");
    s.note("Eleven", "child");
    const BoardModel m = model_of(s);
    const BoardScene scene = make_scene(m, ImVec2(20, 120), ImVec2(900, 650), f.fonts);
    CHECK(scene.rings == 5);
    CHECK(overlaps(scene) == 0);
    CHECK(drop_spot(scene, scene.centre).zone == 0);
    CHECK(drop_spot(scene, ImVec2(scene.centre.x + 0.99f * scene.radii.x, scene.centre.y)).zone == 4);
    for (const SceneCard& c : scene.cards) {
        const ImVec2 centre((c.min.x + c.max.x) / 2, (c.min.y + c.max.y) / 2);
        CHECK(drop_spot(scene, centre).zone == m.cards[c.card].zone);
    }
}

TEST_CASE("a measure's card carries its owner and start date under the text, on the projector and in its picture") {
    Fonted f;
    REQUIRE(f.ok);
    Workshop w{samling::testing::shipped_catalog()};
    const auto apply = [&w](const Command& c) {
        auto d = w.decide(c, 1000);
        REQUIRE_MESSAGE(d.ok(), (d.ok() ? "" : d.error().message));
        for (const Change& ch : d->changes) w.apply(ch);
        return d->subject;
    };
    apply(cmd::OpenRoom{"Rom", "ABC234", Language::nb});
    const Id g = apply(cmd::AddGroup{"Oppvekst Nordvik"});
    apply(cmd::StartExercise{g, "goals_measures"});
    apply(cmd::GoToStep{g, 2});
    apply(cmd::AddFacilitatorNote{g,
                                  "Felles overgangsmøte",
                                  "measures",
                                  0,
                                  {{"start", "2027-03-15"}, {"owner", "Per Ek"}, {"indicator", "Færre brudd"}}});
    apply(cmd::AddFacilitatorNote{g, "Hospitering", "measures", 0, {}});
    const BoardModel m = board_model(w, g, Language::nb, ui_strings(Language::nb), board_strings(Language::nb));
    REQUIRE(m.cards.size() == 2);
    CHECK(m.cards[0].details == "Per Ek · 15. mars · Færre brudd");  // the exercise's field order
    CHECK(m.cards[1].details.empty());
    const BoardScene s = make_scene(m, ImVec2(22, 235), ImVec2(899, 572), f.fonts);
    REQUIRE(s.cards.size() == 2);
    const auto height = [&](int card) {
        for (const SceneCard& c : s.cards)
            if (static_cast<int>(c.card) == card) return c.max.y - c.min.y;
        return 0.0f;
    };
    CHECK(height(0) > height(1));  // the footer line is laid out, not drawn over the text
}
