// The conclusion panel typed in without a window: a click opens a field, Enter/Tab open the
// first empty one, Tab and Shift+Tab move, Esc keeps what was typed, "Bruk i" fills the field,
// and no key reaches the room while a field has the keyboard.
#include <doctest/doctest.h>

#include "ui/panels/conclusion_panel.hpp"
#include "ui_projector_harness.hpp"

using namespace samling;
using samling::test::go_to;
using samling::test::Harness;
using samling::test::only;

namespace {

// The "observe" run of group 1 in its conclude step (fields "who", then "statement").
Workshop concluding() {
    Workshop w = test::ui_workshop(2);
    go_to(w, 1, 3);
    return w;
}

void type(Harness& h, const Workshop& w, const char* text) {
    ImGui::GetIO().AddInputCharactersUTF8(text);
    h.frame(w);
    h.frame(w);
}

// What the frames asked for, by field: the last text posted for each.
std::map<std::string, std::string> posted(const Harness& h) {
    std::map<std::string, std::string> m;
    for (const auto& c : only<cmd::SetConclusion>(h.out)) m[c.field] = c.text;
    return m;
}

}  // namespace

TEST_CASE("a click on a conclusion field opens it for typing; a click away saves it") {
    Harness h;
    const Workshop w = concluding();
    h.frame(w);
    REQUIRE(h.view.controls.conclusion);
    h.click(w, ImVec2(300, 235));  // the first field, "Hvem?", under the hint line and its label
    CHECK(h.view.controls.conclusion_edit.editing == "who");
    h.frame(w);
    h.frame(w);
    CHECK(ImGui::GetIO().WantTextInput);  // the caret is in the field
    type(h, w, "Barna på Nordvik");
    h.click(w, ImVec2(300, 100));  // the prompt, outside the panel
    CHECK(h.view.controls.conclusion_edit.editing.empty());
    CHECK(posted(h) == std::map<std::string, std::string>{{"who", "Barna på Nordvik"}});
}

TEST_CASE("Enter opens the first empty field; Tab saves it and opens the next; Esc keeps the text") {
    Harness h;
    const Workshop w = concluding();
    h.frame(w);
    h.press(w, GLFW_KEY_ENTER);
    CHECK(h.view.controls.conclusion_edit.editing == "who");
    h.frame(w);
    type(h, w, "Barna");
    h.press(w, GLFW_KEY_TAB);
    CHECK(h.view.controls.conclusion_edit.editing == "statement");
    h.frame(w);
    type(h, w, "Ingen eier saken");
    h.press(w, GLFW_KEY_ESCAPE);
    CHECK(h.view.controls.conclusion_edit.editing.empty());
    CHECK(posted(h) == std::map<std::string, std::string>{{"who", "Barna"}, {"statement", "Ingen eier saken"}});
    CHECK(h.view.focused == 1);  // Tab never moved the focus to another group
}

TEST_CASE("Shift+Tab goes back to the field before, showing what was just saved there") {
    Harness h;
    const Workshop w = concluding();
    h.frame(w);
    h.press(w, GLFW_KEY_TAB);  // Tab with no field open opens the first empty one too
    h.frame(w);
    type(h, w, "Barna");
    h.press(w, GLFW_KEY_TAB);
    h.press(w, GLFW_KEY_TAB, true);
    CHECK(h.view.controls.conclusion_edit.editing == "who");
    // The hub has not answered yet: the field still holds what was posted, not the snapshot's "".
    CHECK(h.view.controls.conclusion_edit.draft == "Barna");
}

TEST_CASE("Ctrl+Enter in a field saves the field, not the run; with no field open it saves the run") {
    Harness h;
    const Workshop w = concluding();
    h.frame(w);
    h.press(w, GLFW_KEY_ENTER);
    h.frame(w);
    type(h, w, "Barna");
    h.press(w, GLFW_KEY_ENTER, false, true);
    CHECK(posted(h) == std::map<std::string, std::string>{{"who", "Barna"}});
    CHECK(only<cmd::ConcludeRun>(h.out).empty());
    h.press(w, GLFW_KEY_ENTER, false, true);
    CHECK(only<cmd::ConcludeRun>(h.out).size() == 1);
}

TEST_CASE("letters typed into a conclusion field never act on the room") {
    Harness h;
    const Workshop w = concluding();
    h.frame(w);
    // Shift+S in the very frame after the click that opens the field, when the field takes the
    // keyboard and ImGui's WantTextInput still says no.
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(300, 235);
    h.frame(w);
    io.MouseDown[0] = true;
    h.frame(w);
    io.MouseDown[0] = false;
    h.frame(w);
    REQUIRE(h.view.controls.conclusion_edit.editing == "who");
    io.KeysDown[GLFW_KEY_S] = io.KeyShift = true;
    h.frame(w);
    io.KeysDown[GLFW_KEY_S] = io.KeyShift = false;
    h.frame(w);
    for (int key : {GLFW_KEY_S, GLFW_KEY_R, GLFW_KEY_L, GLFW_KEY_X, GLFW_KEY_N, GLFW_KEY_E, GLFW_KEY_2}) {
        h.press(w, key, key == GLFW_KEY_S);
        h.press(w, GLFW_KEY_RIGHT, true);
    }
    CHECK(h.out.empty());
    CHECK(h.view.controls.overlay == Overlay::none);
    CHECK(!h.view.controls.export_requested);
    CHECK(h.view.focused == 1);
}

TEST_CASE("Bruk i puts a proposal into the first empty field, then into the open field after its text") {
    Harness h;
    Workshop w = concluding();
    w.apply(change::NoteAdded{test::note(500, 101, "Ingen ser hele familien", 3)});  // a proposal
    h.frame(w);
    const ImVec2 button(650, 222);  // "Bruk i: Hvem?" on the proposal's card, right-hand column
    h.click(w, button);
    CHECK(posted(h) == std::map<std::string, std::string>{{"who", "Ingen ser hele familien"}});
    h.out.clear();
    h.press(w, GLFW_KEY_ENTER);  // "who" shows the posted text until the hub answers: not empty
    CHECK(h.view.controls.conclusion_edit.editing == "statement");
    h.frame(w);
    type(h, w, "Barn får hjelp for sent.");
    h.click(w, button);
    CHECK(posted(h) ==
          std::map<std::string, std::string>{{"statement", "Barn får hjelp for sent.\nIngen ser hele familien"}});
}

TEST_CASE("a field left open when another group is clicked is saved for the group it was typed for") {
    Harness h;
    Workshop w = concluding();
    go_to(w, 2, 3);
    h.frame(w);
    h.press(w, GLFW_KEY_ENTER);
    h.frame(w);
    type(h, w, "Barna");
    // The strip's two chips share the row above the step bar; the second is the right half.
    h.click(w, ImVec2(700, 620));
    CHECK(h.view.focused == 2);
    const auto saved = only<cmd::SetConclusion>(h.out);
    REQUIRE(saved.size() == 1);
    CHECK(saved[0].group == 1);
    CHECK(saved[0].text == "Barna");
    CHECK(h.view.controls.conclusion_edit.editing.empty());
}
