// Actions on two or more groups ask first; group numbers above 9 typed as digits. Driven by
// keys without a window; the commands each frame asks for are read back.
#include <doctest/doctest.h>

#include "ui/panels/confirm.hpp"
#include "ui/panels/group_number.hpp"
#include "ui_projector_harness.hpp"

using namespace samling;
using samling::test::Harness;
using samling::test::only;
using samling::test::togethers;

TEST_CASE("Shift+R asks first; Esc, another key or a click leave every group as it was") {
    Harness h;
    const Workshop w = test::ui_workshop(3);
    h.frame(w);
    for (int answer : {GLFW_KEY_ESCAPE, GLFW_KEY_S, GLFW_KEY_RIGHT, -1}) {
        h.press(w, GLFW_KEY_R, true);
        REQUIRE(h.view.controls.confirm.question == "Vis lappene for 3 grupper?");
        if (answer < 0)
            h.click(w, ImVec2(640, 100));
        else
            h.press(w, answer);
        CHECK(h.view.controls.confirm.question.empty());
        CHECK(h.out.empty());  // the key that said no did nothing else either
        CHECK(h.view.controls.overlay == Overlay::none);
    }
    h.press(w, GLFW_KEY_R, true);
    h.press(w, GLFW_KEY_ENTER);
    CHECK(only<cmd::Reveal>(h.out).size() == 3);
    CHECK(h.out.size() == 1);  // one action: a Ctrl+Z takes it back for every group
    CHECK(togethers(h.out) == 1);
}

TEST_CASE("an action on one group never asks") {
    Harness h;
    const Workshop w = test::ui_workshop(1);
    h.frame(w);
    h.press(w, GLFW_KEY_R, true);  // Shift+R with one group: that group only
    CHECK(h.view.controls.confirm.question.empty());
    CHECK(only<cmd::Reveal>(h.out).size() == 1);
}

TEST_CASE("the question fills in what and how many, never reading the text as a format") {
    CHECK(fill_question("Start «{x}» for {n} grupper?", "Rotårsak %s", 26) == "Start «Rotårsak %s» for 26 grupper?");
    CHECK(fill_question("Next step for {n} groups?", {}, 2) == "Next step for 2 groups?");
}

TEST_CASE("with 27 groups 2, 0, Enter focuses group 20; 3 focuses at once; 2 alone after a pause") {
    Harness h;
    const Workshop w = test::ui_workshop(27);
    h.frame(w);
    h.press(w, GLFW_KEY_2);
    CHECK(h.view.controls.number.digits == "2");  // the badge shows "Gruppe 2_"
    CHECK(h.view.focused == 1);
    h.press(w, GLFW_KEY_0);
    CHECK(h.view.focused == 20);  // two digits: no group number is longer
    CHECK(h.view.controls.number.digits.empty());
    h.press(w, GLFW_KEY_3);
    CHECK(h.view.focused == 3);  // 30 and above do not exist
    h.press(w, GLFW_KEY_1);
    h.press(w, GLFW_KEY_ENTER);
    CHECK(h.view.focused == 1);
    h.press(w, GLFW_KEY_2);
    h.frame(w, test::test_now + group_number_pause_ms);
    CHECK(h.view.focused == 2);
    CHECK(h.out.empty());
}

TEST_CASE("with fewer than 10 groups a digit focuses at once, as before") {
    Harness h;
    const Workshop w = test::ui_workshop(9);
    h.frame(w);
    h.press(w, GLFW_KEY_9);
    CHECK(h.view.focused == 9);
    CHECK(h.view.controls.number.digits.empty());
}
