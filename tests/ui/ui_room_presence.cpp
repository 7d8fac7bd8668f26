// Head counts and done counts on the projector count the participants here now: a phone that
// was closed stops counting after the presence window ("3 av 3 er ferdige", "3 til stede"),
// and counts again once it polls. Hand-built workshop and presence; no window.
#include <doctest/doctest.h>

#include "core/presence.hpp"
#include "ui/panels/room_strings.hpp"
#include "ui/panels/step_bar.hpp"
#include "ui/panels/top_bar.hpp"
#include "ui_fonts_fixture.hpp"
#include "ui_projector_harness.hpp"

using namespace samling;
using samling::test::test_now;

namespace {

// Group 1 with four phones joined ten minutes ago; the first three said "done" in step 1.
struct PhonesRoom {
    Workshop w = test::ui_workshop(2);
    Presence presence;
    PhonesRoom() {
        for (Id p = 1; p <= 4; ++p)
            w.apply(change::ParticipantJoined{Participant{p, 1, "", "00", test_now - 10 * Timestamp{60'000}}});
        for (Id p = 1; p <= 3; ++p) w.apply(change::DoneMarked{101, 0, p, true});
    }
    void heard(Id p, Timestamp at) { presence.last_seen[p] = at; }
};

}  // namespace

TEST_CASE("a closed phone stops counting: «3 av 3 er ferdige» when the three here are done") {
    PhonesRoom r;
    for (Id p = 1; p <= 3; ++p) r.heard(p, test_now - 2'000);
    r.heard(4, test_now - presence_window_ms - 1'000);  // closed before the window
    const UiStrings& s = ui_strings(Language::nb);
    const ExerciseRun& run = *r.w.current_run(1);
    CHECK(done_in_step(r.w, r.presence, 1, test_now) == 3);
    CHECK(done_text(r.w, r.presence, run, s, test_now) == "3 av 3 er ferdige");
    test::ImGuiWithFonts g(22.0f);
    REQUIRE(g.ok);
    const TopBar bar = make_top_bar(r.w, r.presence, 1, 800, g.fonts, s, Language::nb, test_now, false);
    CHECK(bar.status == "3 av 3 er ferdige");
}

TEST_CASE("the closed phone counts again once it polls; a group with nobody here shows no done count") {
    PhonesRoom r;
    for (Id p = 1; p <= 4; ++p) r.heard(p, test_now - 1'000);
    CHECK(done_text(r.w, r.presence, *r.w.current_run(1), ui_strings(Language::nb), test_now) == "3 av 4 er ferdige");
    // Group 2: nobody joined, nobody here.
    CHECK(done_in_step(r.w, r.presence, 2, test_now) == -1);
    // Everyone gone quiet: no count at all rather than "0 av 0".
    CHECK(done_in_step(r.w, r.presence, 1, test_now + presence_window_ms + 5'000) == -1);
}

TEST_CASE("the words for who is here, in all three languages") {
    CHECK(fill(room_strings(Language::nb).present, {{"n", "3"}}) == "3 til stede");
    CHECK(fill(room_strings(Language::nn).present, {{"n", "3"}}) == "3 til stades");
    CHECK(fill(room_strings(Language::en).present, {{"n", "3"}}) == "3 present");
    CHECK(std::string(room_strings(Language::nn).saved) == "Lagra");
}
