// The programme's keys: S starts the next exercise on the agenda, Ctrl+Enter saves a run to
// the project log (a toast follows the board's picture), G and Shift+G open the
// reading views, where PgUp/PgDn scroll instead of changing steps.
#include <doctest/doctest.h>

#include "ui/command_outbox.hpp"
#include "ui/panels/controls.hpp"
#include "ui_projector_harness.hpp"

using namespace samling;
using samling::test::go_to;
using samling::test::Harness;
using samling::test::only;

namespace {

Workshop with_open_gathering(int groups) {
    Workshop w = test::ui_workshop(groups);
    w.apply(change::GatheringSaved{Gathering{50, 2, "Kartlegging", "2027-01-20"}});
    w.apply(change::GatheringOpened{50});
    w.apply(change::AgendaSet{50, {"observe", "stakeholders"}});
    return w;
}

}  // namespace

TEST_CASE("S asks for the next exercise on the agenda for the focused group; Shift+S for every group") {
    Harness h;
    const Workshop w = with_open_gathering(3);
    h.frame(w);
    h.press(w, GLFW_KEY_2);
    h.press(w, GLFW_KEY_S);
    auto next = only<cmd::StartNext>(h.out);
    REQUIRE(next.size() == 1);
    CHECK(next[0].group == 2);
    CHECK(h.out.size() == 1);
    h.out.clear();
    h.press(w, GLFW_KEY_S, true);
    CHECK(h.out.empty());
    CHECK(h.view.controls.confirm.question.find("for 3 grupper?") != std::string::npos);
    h.press(w, GLFW_KEY_ENTER);
    next = only<cmd::StartNext>(h.out);
    REQUIRE(next.size() == 3);
    CHECK(next[0].group == 1);
    CHECK(next[1].group == 2);
    CHECK(next[2].group == 3);
}

TEST_CASE("S with no gathering open asks nothing and says where to open one") {
    Harness h;
    const Workshop w = test::ui_workshop(2);
    h.frame(w);
    h.press(w, GLFW_KEY_S);
    CHECK(h.out.empty());
    CHECK(h.view.controls.toast.text == "Ingen samling er åpen – F2 åpner oppsettet");
}

TEST_CASE("a refused S says the agenda is done, in the UI language") {
    Harness h;
    const Result<Receipt> refused = make_error(Errc::invalid_request, "The group has started everything.");
    receive(h.view.controls, {outcome_of(Command(cmd::StartNext{1}), refused)}, *h.content.strings, test::test_now);
    CHECK(h.view.controls.toast.text == "Ikke utført: gruppen har startet alt på agendaen");
}

TEST_CASE("Ctrl+Enter asks to save the focused group's run to its project log") {
    Harness h;
    const Workshop w = with_open_gathering(3);
    h.frame(w);
    h.press(w, GLFW_KEY_3);
    h.press(w, GLFW_KEY_ENTER, false, true);
    const auto concluded = only<cmd::ConcludeRun>(h.out);
    REQUIRE(concluded.size() == 1);
    CHECK(concluded[0].group == 3);
    CHECK(h.out.size() == 1);
}

TEST_CASE("Ctrl+Enter in a text field is the field's own: nothing is concluded") {
    Harness h;
    const Workshop w = with_open_gathering(1);
    h.frame(w);
    h.press(w, GLFW_KEY_N);  // the note popup takes the keyboard
    h.frame(w);
    REQUIRE(ImGui::GetIO().WantTextInput);
    h.press(w, GLFW_KEY_ENTER, false, true);
    CHECK(only<cmd::ConcludeRun>(h.out).empty());
}

TEST_CASE("once the loop has pictured a run, the toast says it is in the group's project log, or why not") {
    Harness h;
    const Workshop w = with_open_gathering(2);
    h.view.controls.snapshot = PendingSnapshot{102, 2, true, {}};
    h.frame(w);
    CHECK(h.view.controls.snapshot.run == 0);
    CHECK(h.view.controls.toast.text == "Lagret i prosjektloggen for Gruppe 2");
    h.view.controls.snapshot = PendingSnapshot{102, 2, true, "cannot write run-102.png"};
    h.frame(w);
    CHECK(h.view.controls.snapshot.run == 0);
    CHECK(h.view.controls.toast.text == "Bildet av tavla ble ikke lagret: cannot write run-102.png");
}

TEST_CASE("the snapshot frame draws the concluded group's board alone and reports where it is") {
    Harness h;
    const Workshop w = with_open_gathering(2);
    h.view.controls.snapshot = PendingSnapshot{102, 2, false, {}};
    h.view.controls.overlay = Overlay::help;
    h.view.snapshot_frame = true;
    h.frame(w);
    CHECK(h.view.board_max.x > h.view.board_min.x + 400);
    CHECK(h.view.board_max.y > h.view.board_min.y + 200);
    CHECK(h.view.controls.snapshot.run == 102);  // the loop writes the picture, then the toast
    CHECK(h.out.empty());
}

TEST_CASE("G opens the project log and Shift+G \"since last time\"; PgDn there scrolls instead of stepping") {
    Harness h;
    const Workshop w = with_open_gathering(2);
    h.frame(w);
    h.press(w, GLFW_KEY_G);
    CHECK(h.view.controls.overlay == Overlay::project_log);
    h.press(w, GLFW_KEY_PAGE_DOWN);
    h.press(w, GLFW_KEY_RIGHT);
    CHECK(only<cmd::GoToStep>(h.out).empty());
    h.press(w, GLFW_KEY_G, true);
    CHECK(h.view.controls.overlay == Overlay::since_last_time);
    h.press(w, GLFW_KEY_G, true);
    CHECK(h.view.controls.overlay == Overlay::none);
}
