// The facilitator's panels driven by keys and clicks: overview tiles, starting an exercise,
// a note on someone's behalf, the step pills, the conclusion panel, the phone preview.
#include <doctest/doctest.h>

#include "core/participant_view.hpp"
#include "core/text.hpp"
#include "ui/board/vote_results.hpp"
#include "ui/panels/conclusion_panel.hpp"
#include "ui/panels/note_popup.hpp"
#include "ui/panels/overview.hpp"
#include "ui/panels/phone_preview.hpp"
#include "ui/panels/start_panel.hpp"
#include "ui/panels/step_bar.hpp"
#include "ui_projector_harness.hpp"

using namespace samling;
using samling::test::go_to;
using samling::test::Harness;
using samling::test::note;
using samling::test::only;

TEST_CASE("O shows the overview; clicking a tile focuses that group and leaves the overview") {
    Harness h;
    const Workshop w = test::ui_workshop(3);
    h.frame(w);
    h.press(w, GLFW_KEY_O);
    REQUIRE(h.view.controls.overlay == Overlay::overview);
    // Three tiles are largest as two rows of two: the third is at the left of the second row.
    h.click(w, ImVec2(300, 520));
    CHECK(h.view.focused == 3);
    CHECK(h.view.controls.overlay == Overlay::none);
}

TEST_CASE("27 groups fit the overview at 1280x720 in tiles still large enough to read") {
    const TileGrid g = tile_grid(27, ImVec2(1236, 600), 11);
    CHECK(g.columns * g.rows >= 27);
    CHECK(g.tile.x >= 8 * 22.0f);
    CHECK(g.tile.y >= 4 * 22.0f);
    CHECK(g.tile.x * static_cast<float>(g.columns) <= 1236);
}

TEST_CASE("E then Enter asks, and Enter starts the first exercise for every group; ↓ picks the next one") {
    Harness h;
    const Workshop w = test::ui_workshop(3);
    h.frame(w);
    h.press(w, GLFW_KEY_E);
    REQUIRE(h.view.controls.overlay == Overlay::start_exercise);
    h.press(w, GLFW_KEY_ENTER);
    CHECK(h.out.empty());
    CHECK(h.view.controls.confirm.question == "Start «Observasjoner» for 3 grupper?");
    h.press(w, GLFW_KEY_ENTER);
    auto starts = only<cmd::StartExercise>(h.out);
    REQUIRE(starts.size() == 3);
    for (Id g = 1; g <= 3; ++g) {
        CHECK(starts[static_cast<std::size_t>(g - 1)].group == g);
        CHECK(starts[static_cast<std::size_t>(g - 1)].exercise == "observe");
    }
    CHECK(h.view.controls.overlay == Overlay::none);

    h.out.clear();
    h.press(w, GLFW_KEY_E);
    h.press(w, GLFW_KEY_DOWN);
    h.press(w, GLFW_KEY_ENTER);
    h.press(w, GLFW_KEY_ENTER);
    starts = only<cmd::StartExercise>(h.out);
    REQUIRE(starts.size() == 3);
    CHECK(starts[0].exercise == "stakeholders");
    // Keys meant for the panel did not move any step.
    CHECK(only<cmd::GoToStep>(h.out).empty());
}

TEST_CASE("an unticked group is left out when an exercise starts") {
    const Workshop w = test::ui_workshop(3);
    StartPanelState panel;
    panel.unticked[2] = true;
    std::vector<Command> out;
    start_commands(w, panel, out);
    const auto starts = only<cmd::StartExercise>(out);
    REQUIRE(starts.size() == 2);
    CHECK(starts[0].group == 1);
    CHECK(starts[1].group == 3);
}

TEST_CASE("N opens a text field; typing and Enter add the note on the group's behalf") {
    Harness h;
    const Workshop w = test::ui_workshop(2);
    h.frame(w);
    h.press(w, GLFW_KEY_2);
    h.press(w, GLFW_KEY_N);
    h.frame(w);
    ImGui::GetIO().AddInputCharactersUTF8("Foreldre når oss ikke");
    h.frame(w);
    h.press(w, GLFW_KEY_ENTER);
    const auto added = only<cmd::AddFacilitatorNote>(h.out);
    REQUIRE(added.size() == 1);
    CHECK(added[0].group == 2);
    CHECK(added[0].text == "Foreldre når oss ikke");
    CHECK(added[0].zone == "seen");
    CHECK(added[0].parent == 0);
    CHECK(h.view.controls.overlay == Overlay::none);
}

TEST_CASE("a note's text is cut at 280 characters, never inside one, and kept composed") {
    std::string text;
    for (int i = 0; i < 300; ++i) text += "a\xCC\x8A";  // å written as a + ring
    const std::string kept = note_field_text(text, max_note_characters);
    CHECK(text::characters(kept) == 280);
    CHECK(kept.size() == 560);
    CHECK(kept.substr(0, 2) == "\xC3\xA5");
    std::string thumbs;
    for (int i = 0; i < 281; ++i) thumbs += "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD";
    CHECK(note_field_text(thumbs, max_note_characters).size() == 280 * 8);
}

TEST_CASE("the typed note stops at 280 characters in the field itself, and a decomposed Å arrives composed") {
    Harness h;
    const Workshop w = test::ui_workshop(1);
    h.frame(w);
    h.press(w, GLFW_KEY_N);
    h.frame(w);
    std::string typed = "A\xCC\x8As ";
    for (int i = 0; i < 300; ++i) typed += "x";
    ImGui::GetIO().AddInputCharactersUTF8(typed.c_str());
    h.frame(w);
    h.frame(w);
    CHECK(h.view.controls.note.text.substr(0, 4) == "\xC3\x85s ");
    CHECK(text::characters(h.view.controls.note.text) == 280);
    h.press(w, GLFW_KEY_ENTER);
    const auto added = only<cmd::AddFacilitatorNote>(h.out);
    REQUIRE(added.size() == 1);
    CHECK(text::characters(added[0].text) == 280);
    CHECK(added[0].text.substr(0, 4) == "\xC3\x85s ");
}

TEST_CASE("the caret in the note field steps over a heart with its variation selector as one character") {
    Harness h;
    const Workshop w = test::ui_workshop(1);
    h.frame(w);
    h.press(w, GLFW_KEY_N);
    h.frame(w);
    ImGui::GetIO().AddInputCharactersUTF8("a\xE2\x9D\xA4\xEF\xB8\x8F");  // a ❤️
    h.frame(w);
    h.press(w, GLFW_KEY_LEFT);  // before the heart, not between it and its selector
    ImGui::GetIO().AddInputCharactersUTF8("b");
    h.frame(w);
    CHECK(h.view.controls.note.text == "ab\xE2\x9D\xA4\xEF\xB8\x8F");
    h.press(w, GLFW_KEY_RIGHT);  // past the whole heart
    ImGui::GetIO().AddInputCharactersUTF8("c");
    h.frame(w);
    CHECK(h.view.controls.note.text ==
          "ab\xE2\x9D\xA4\xEF\xB8\x8F"
          "c");
}

TEST_CASE("clicking a step pill asks for that step") {
    Harness h;
    const Workshop w = test::ui_workshop(1);
    h.frame(w);
    // Pills run along the bottom-left: "1 Skriv", "2 Vis", "3 Stem"...; the third starts near x=210.
    h.click(w, ImVec2(240, 680));
    const auto go = only<cmd::GoToStep>(h.out);
    REQUIRE(go.size() == 1);
    CHECK(go[0].step == 2);
}

TEST_CASE("a conclude step opens the conclusion panel by itself; K closes it; the next step closes it") {
    Harness h;
    Workshop w = test::ui_workshop(1);
    h.frame(w);
    CHECK(!h.view.controls.conclusion);
    go_to(w, 1, 3);
    h.frame(w);
    CHECK(h.view.controls.conclusion);
    h.press(w, GLFW_KEY_K);
    CHECK(!h.view.controls.conclusion);
    h.press(w, GLFW_KEY_K);
    CHECK(h.view.controls.conclusion);
    go_to(w, 1, 4);
    h.frame(w);
    CHECK(!h.view.controls.conclusion);
}

TEST_CASE("proposals are the notes written in the conclude step; quick picks wait for the vote to end") {
    Workshop w = test::ui_workshop(1);
    w.apply(change::NoteAdded{note(500, 101, "Observasjon", 0)});
    w.apply(change::NoteAdded{note(501, 101, "Forslag til formulering", 3)});
    go_to(w, 1, 2);
    const ExerciseRun& run = *w.current_run(1);
    CHECK(!vote_results_visible(w, run));  // a vote with hidden totals is running
    go_to(w, 1, 3);
    const ExerciseRun& later = *w.current_run(1);
    CHECK(vote_results_visible(w, later));
    const auto props = proposals(w, later);
    REQUIRE(props.size() == 1);
    CHECK(props[0]->id == 501);
    const auto fields = conclusion_fields(w, later);
    REQUIRE(fields.size() == 2);
    CHECK(fields[1]->id == "statement");
}

TEST_CASE("the phone preview says what a fresh phone sees: writing open, the clock, the dot budget") {
    Workshop w = test::ui_workshop(1);
    const UiStrings& s = ui_strings(Language::nb);
    PhoneStatus st = phone_status(preview_for(w, 1, test::test_now), s);
    REQUIRE(st.writing);
    CHECK(st.open);
    CHECK(st.timer == "05:00");
    w.apply(change::WritingLocked{101, true});
    st = phone_status(preview_for(w, 1, test::test_now), s);
    CHECK(!st.open);
    go_to(w, 1, 2);
    st = phone_status(preview_for(w, 1, test::test_now), s);
    CHECK(st.votes == "Du har 3 stemmer");
}

TEST_CASE("the countdown reads mm:ss rounded up, and says so when time is up") {
    CHECK(clock_text(300'000) == "05:00");
    CHECK(clock_text(61'001) == "01:02");
    CHECK(clock_text(-5'000) == "00:00");
    CHECK(clock_text(3'725'000) == "1:02:05");
    ExerciseRun run;
    run.timer = Timer{60'000, 0, test::test_now - 61'000};
    Step step;
    step.timer_seconds = 60;
    const TimerLook look = timer_look(run, step, test::test_now, ui_strings(Language::nb));
    CHECK(look.shown);
    CHECK(look.expired);
    CHECK(std::string(look.label) == "Tiden er ute");
}
