// The facilitator's keys, read as the commands one frame asks the hub for: steps, timer,
// reveal, lock, Shift for every group, Ctrl+Z from the undo stack, and the hub's refusals.
#include <doctest/doctest.h>

#include "ui/command_outbox.hpp"
#include "ui/panels/controls.hpp"
#include "ui_projector_harness.hpp"

using namespace samling;
using samling::test::go_to;
using samling::test::Harness;
using samling::test::only;

namespace {}  // namespace

TEST_CASE("→ at step 0 asks for step 1 of the focused group; PgDn does the same") {
    Harness h;
    const Workshop w = test::ui_workshop(3);
    h.frame(w);
    h.press(w, GLFW_KEY_RIGHT);
    REQUIRE(h.out.size() == 1);
    const auto go = only<cmd::GoToStep>(h.out);
    REQUIRE(go.size() == 1);
    CHECK(go[0].group == 1);
    CHECK(go[0].step == 1);
    h.out.clear();
    h.press(w, GLFW_KEY_PAGE_DOWN);
    CHECK(only<cmd::GoToStep>(h.out).size() == 1);
}

TEST_CASE("← at the first step and → at the last step ask for nothing") {
    Harness h;
    Workshop w = test::ui_workshop(1);
    h.frame(w);
    h.press(w, GLFW_KEY_LEFT);
    h.press(w, GLFW_KEY_PAGE_UP);
    CHECK(h.out.empty());
    go_to(w, 1, 4);
    h.press(w, GLFW_KEY_RIGHT);
    CHECK(h.out.empty());
    h.press(w, GLFW_KEY_LEFT);
    REQUIRE(only<cmd::GoToStep>(h.out).size() == 1);
    CHECK(only<cmd::GoToStep>(h.out)[0].step == 3);
}

TEST_CASE("Shift+→ asks first, then moves every group one step, each from where it is") {
    Harness h;
    Workshop w = test::ui_workshop(3);
    go_to(w, 2, 1);
    h.frame(w);
    h.press(w, GLFW_KEY_RIGHT, true);
    CHECK(h.out.empty());
    CHECK(h.view.controls.confirm.question == "Neste steg for 3 grupper?");
    h.press(w, GLFW_KEY_ENTER);
    const auto go = only<cmd::GoToStep>(h.out);
    REQUIRE(go.size() == 3);
    CHECK(go[0].group == 1);
    CHECK(go[0].step == 1);
    CHECK(go[1].group == 2);
    CHECK(go[1].step == 2);
    CHECK(go[2].group == 3);
    CHECK(go[2].step == 1);
}

TEST_CASE("R reveals the focused group's notes; Shift+R every group's") {
    Harness h;
    const Workshop w = test::ui_workshop(3);
    h.frame(w);
    h.press(w, GLFW_KEY_3);
    h.press(w, GLFW_KEY_R);
    REQUIRE(only<cmd::Reveal>(h.out).size() == 1);
    CHECK(only<cmd::Reveal>(h.out)[0].group == 3);
    h.out.clear();
    h.press(w, GLFW_KEY_R, true);
    CHECK(h.out.empty());
    CHECK(h.view.controls.confirm.question == "Vis lappene for 3 grupper?");
    h.press(w, GLFW_KEY_ENTER);
    CHECK(only<cmd::Reveal>(h.out).size() == 3);
}

TEST_CASE("L closes writing, and opens it again once closed; Shift+L follows the focused group") {
    Harness h;
    Workshop w = test::ui_workshop(2);
    h.frame(w);
    h.press(w, GLFW_KEY_L);
    REQUIRE(only<cmd::LockWriting>(h.out).size() == 1);
    CHECK(only<cmd::LockWriting>(h.out)[0].locked);
    h.out.clear();
    w.apply(change::WritingLocked{101, true});
    h.press(w, GLFW_KEY_L, true);
    CHECK(h.view.controls.confirm.question == "Åpne skrivingen for 2 grupper?");
    h.press(w, GLFW_KEY_ENTER);
    const auto locks = only<cmd::LockWriting>(h.out);
    REQUIRE(locks.size() == 2);
    CHECK(!locks[0].locked);
    CHECK(!locks[1].locked);
}

TEST_CASE("T starts a stopped timer and pauses a running one; Shift+T resets it") {
    Harness h;
    Workshop w = test::ui_workshop(1);
    h.frame(w);
    h.press(w, GLFW_KEY_T);
    REQUIRE(only<cmd::RunTimer>(h.out).size() == 1);
    CHECK(only<cmd::RunTimer>(h.out)[0].action == TimerAction::start);
    h.out.clear();
    w.apply(change::TimerChanged{101, Timer{300'000, 0, test::test_now - 1000}});
    h.press(w, GLFW_KEY_T);
    CHECK(only<cmd::RunTimer>(h.out).at(0).action == TimerAction::pause);
    h.out.clear();
    h.press(w, GLFW_KEY_T, true);
    CHECK(only<cmd::RunTimer>(h.out).at(0).action == TimerAction::reset);
}

TEST_CASE("Ctrl+Z asks the hub for cmd::UndoLast; with nothing left the hub's answer says so") {
    Harness h;
    const Workshop w = test::ui_workshop(1);
    h.frame(w);
    h.press(w, GLFW_KEY_Z, false, true);
    CHECK(only<cmd::UndoLast>(h.out).size() == 1);
    const Result<Receipt> none = make_error(Errc::nothing_to_undo, "Nothing to undo.");
    receive(h.view.controls, {outcome_of(true, none)}, *h.content.strings, test::test_now);
    CHECK(h.view.controls.toast.text == "Ingenting å angre");
}

TEST_CASE("a refused undo shows a toast in the UI language, and the toast fades away") {
    Harness h;
    const Workshop w = test::ui_workshop(1);
    const Result<Receipt> refused = make_error(Errc::invalid_request, "That edit can no longer be undone.");
    receive(h.view.controls, {outcome_of(true, refused)}, *h.content.strings, test::test_now);
    CHECK(h.view.controls.toast.text == "Kunne ikke angre: endringen kan ikke lenger tas tilbake");
    // While it shows, the loop is asked to draw again without input (to fade it); later, not.
    CHECK(next_redraw(w, h.view.controls, test::test_now) > test::test_now);
    CHECK(next_redraw(w, h.view.controls, test::test_now + 10'000) == 0);
}

TEST_CASE("keys that send commands do nothing while a text field has the keyboard") {
    Harness h;
    const Workshop w = test::ui_workshop(1);
    h.frame(w);
    h.press(w, GLFW_KEY_N);  // the note popup takes the keyboard
    h.frame(w);
    REQUIRE(ImGui::GetIO().WantTextInput);
    h.press(w, GLFW_KEY_RIGHT);
    h.press(w, GLFW_KEY_R);
    h.press(w, GLFW_KEY_2);
    CHECK(h.out.empty());
    CHECK(h.view.focused == 1);
}

TEST_CASE("a running timer asks for a frame at its next whole second, and none when nothing runs") {
    Harness h;
    Workshop w = test::ui_workshop(1);
    CHECK(next_redraw(w, h.view.controls, test::test_now) == 0);
    w.apply(change::TimerChanged{101, Timer{300'000, 0, test::test_now - 200}});
    const Timestamp next = next_redraw(w, h.view.controls, test::test_now);
    CHECK(next > test::test_now + 700);
    CHECK(next <= test::test_now + 1000);
}

TEST_CASE("a delete the hub refuses because the group holds work says so in the UI's words") {
    Harness h;
    const Result<Receipt> refused = make_error(Errc::group_has_notes, "The group has written notes or conclusions.");
    receive(h.view.controls, {outcome_of(false, refused)}, *h.content.strings, test::test_now);
    CHECK(h.view.controls.toast.text == "Ikke utført: det er skrevet lapper eller kjørt øvelser her; arkiver i stedet");
}
