// "What we build on" on the projector: the band above the board with what the group's run
// carries over, built from the shipped exercise files and drawn in a real ImGui frame.
#include <doctest/doctest.h>

#include "../core_fixture.hpp"
#include "ui/board/carry_band.hpp"
#include "ui_projector_harness.hpp"

using namespace samling;
using samling::testing::run;

namespace {

// One group that concluded goals and measures at the first gathering, with two measures.
struct Planned {
    Workshop w{samling::testing::shipped_catalog()};
    Id group = 0;

    Planned() {
        run(w, cmd::OpenRoom{"Rom", "ABC234", Language::nb});
        group = run(w, cmd::AddGroup{"Oppvekst Nordvik"}).subject;
        run(w, cmd::StartExercise{group, "goals_measures"});
        run(w, cmd::GoToStep{group, 2});
        run(w, cmd::AddFacilitatorNote{group,
                                       "Felles overgangsmøte hver måned",
                                       "measures",
                                       0,
                                       {{"owner", "Per Ek"}, {"start", "2027-03-15"}}});
        run(w, cmd::AddFacilitatorNote{group, "Koordinator for overgangen", "measures", 0, {{"owner", "Ola"}}});
        run(w, cmd::AddFacilitatorNote{group, "Hospitering i barnehagen", "measures", 0, {}});
        run(w, cmd::SetConclusion{group, "experiment", "Overgangsmøter i to barnehager før jul"});
        run(w, cmd::ConcludeRun{group});
    }
};

}  // namespace

TEST_CASE("evaluation's band lists the planned measures with owner and date, then the experiment") {
    Planned p;
    test::Harness h;
    run(p.w, cmd::StartExercise{p.group, "evaluation"});
    const float width = 880;
    const CarryBand band = make_carry_band(p.w, p.group, Language::nb, h.fonts, width, false);
    REQUIRE(band.columns.size() == 2);
    CHECK(band.columns[0].label == "Tiltakene vi planla");
    REQUIRE(band.columns[0].notes.size() == 3);
    CHECK(band.columns[0].notes[0].text == "Felles overgangsmøte hver måned");
    CHECK(band.columns[0].notes[0].details == "Per Ek · 15. mars");
    CHECK(band.columns[0].notes[1].details == "Ola");
    CHECK(band.columns[0].notes[2].details.empty());
    CHECK(band.columns[1].label == "Dette skulle vi prøve");
    CHECK(band.columns[1].text == "Overgangsmøter i to barnehager før jul");
    CHECK(band.lines == 3);  // writing: the group builds on it now

    // The columns share the width: the sentence wraps, the list of measures gets the rest.
    REQUIRE(band.widths.size() == 2);
    const float gaps = width - band.widths[0] - band.widths[1];
    CHECK(gaps > 0);
    CHECK(gaps < 4 * h.fonts.em);
    CHECK(band.widths[0] > band.widths[1]);

    run(p.w, cmd::GoToStep{p.group, 2});  // organising: the board needs the room
    const CarryBand organising = make_carry_band(p.w, p.group, Language::nb, h.fonts, width, false);
    CHECK(organising.lines == 1);
    CHECK(organising.height < band.height);
    CHECK(make_carry_band(p.w, p.group, Language::nb, h.fonts, width, true).lines == 1);
    CHECK(make_carry_band(p.w, p.group, Language::en, h.fonts, width, false).columns[0].label ==
          "The measures we planned");
}

TEST_CASE("a short conclusion takes only the width it needs, and never less than its longest word") {
    Planned p;
    test::Harness h;
    run(p.w, cmd::StartExercise{p.group, "evaluation"});
    const CarryBand band = make_carry_band(p.w, p.group, Language::nb, h.fonts, 2000, false);
    REQUIRE(band.widths.size() == 2);
    // Room for everything: no measure is cut, and the band's whole width is used.
    const auto body = [&h](const char* text) { return text_width(h.fonts.body, h.fonts.size(h.fonts.body), text); };
    CHECK(band.widths[0] >= body("• Felles overgangsmøte hver måned") + body("Per Ek · 15. mars"));
    CHECK(band.widths[0] + band.widths[1] > 2000 - 4 * h.fonts.em);
    CHECK(band.widths[1] >= text_width(h.fonts.body, h.fonts.size(h.fonts.body), "Overgangsmøter"));
    CHECK(band.widths[1] >= text_width(h.fonts.small, h.fonts.size(h.fonts.small), "Dette skulle vi prøve"));
    const CarryBand narrow = make_carry_band(p.w, p.group, Language::nb, h.fonts, 500, false);
    CHECK(narrow.widths[1] >= text_width(h.fonts.body, h.fonts.size(h.fonts.body), "Overgangsmøter"));
}

TEST_CASE("the band pushes the board down by its height; without carry-over the board starts under the prompt") {
    test::Harness h;
    Workshop fresh{samling::testing::shipped_catalog()};  // the same exercise, nothing to build on
    run(fresh, cmd::OpenRoom{"Rom", "ABC234", Language::nb});
    run(fresh, cmd::StartExercise{run(fresh, cmd::AddGroup{"Oppvekst Nordvik"}).subject, "evaluation"});
    h.frame(fresh);
    const float plain_top = h.view.board_min.y;

    Planned p;
    run(p.w, cmd::StartExercise{p.group, "evaluation"});
    h.frame(p.w);
    const CarryBand band = make_carry_band(p.w, p.group, Language::nb, h.fonts, 880, false);
    REQUIRE(band.height > 0);
    CHECK(h.view.board_min.y == doctest::Approx(plain_top + band.height + 0.8f * h.fonts.em).epsilon(0.01));
    CHECK(h.view.board_max.y - h.view.board_min.y > 6 * h.fonts.em);  // the board keeps most of its room
}
