// The projector's frame, driven without a window: ImGui with real fonts, a hand-built
// workshop, and simulated mouse and keys. The view reads the snapshot and keeps its own focus.
#include <doctest/doctest.h>

#include "ui/theme.hpp"
#include "ui_projector_harness.hpp"

using namespace samling;
using samling::test::Harness;

namespace {

Workshop workshop(int groups) {
    return test::ui_workshop(groups);
}

}  // namespace

TEST_CASE("the join URL is split into the address and the room code shown under the QR code") {
    const JoinAddress a = parse_join_url("http://192.168.1.23:8765/?room=K7M2QX");
    CHECK(a.host_port == "192.168.1.23:8765");
    CHECK(a.room == "K7M2QX");
    CHECK(parse_join_url("http://[fe80::1]:8765/?x=1&room=AB12").room == "AB12");
}

TEST_CASE("the first group is focused until the facilitator picks another") {
    Harness h;
    const Workshop w = workshop(3);
    h.frame(w);
    CHECK(h.view.focused == 1);
}

TEST_CASE("key 3 focuses the third group; a key past the last group changes nothing") {
    Harness h;
    const Workshop w = workshop(3);
    h.frame(w);
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[GLFW_KEY_3] = true;
    h.frame(w);
    io.KeysDown[GLFW_KEY_3] = false;
    h.frame(w);
    CHECK(h.view.focused == 3);
    io.KeysDown[GLFW_KEY_9] = true;
    h.frame(w);
    io.KeysDown[GLFW_KEY_9] = false;
    h.frame(w);
    CHECK(h.view.focused == 3);
}

TEST_CASE("Tab moves the focus to the next group and wraps around") {
    Harness h;
    const Workshop w = workshop(2);
    ImGuiIO& io = ImGui::GetIO();
    for (int press = 0; press < 2; ++press) {
        io.KeysDown[GLFW_KEY_TAB] = true;
        h.frame(w);
        io.KeysDown[GLFW_KEY_TAB] = false;
        h.frame(w);
        CHECK(h.view.focused == (press == 0 ? 2 : 1));
    }
}

TEST_CASE("Ctrl with zoom keys changes the zoom within its limits, Ctrl+0 resets it") {
    Harness h;
    const Workshop w = workshop(1);
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = true;
    for (int i = 0; i < 20; ++i) {
        io.KeysDown[GLFW_KEY_KP_ADD] = true;
        h.frame(w);
        io.KeysDown[GLFW_KEY_KP_ADD] = false;
        h.frame(w);
    }
    CHECK(h.view.zoom == doctest::Approx(max_zoom));
    io.KeysDown[GLFW_KEY_KP_0] = true;
    h.frame(w);
    io.KeysDown[GLFW_KEY_KP_0] = false;
    h.frame(w);
    CHECK(h.view.zoom == doctest::Approx(1.0f));
}

TEST_CASE("clicking a group in the strip focuses its board") {
    Harness h;
    const Workshop w = workshop(3);
    h.frame(w);
    // The strip's chips share the row above the step bar; the third ends left of the join panel.
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(800, 620);
    h.frame(w);
    io.MouseDown[0] = true;
    h.frame(w);
    io.MouseDown[0] = false;
    h.frame(w);
    h.frame(w);
    CHECK(h.view.focused == 3);
}

TEST_CASE("a note in another group does not lay the focused group's board out again; its own does") {
    Harness h;
    Workshop w = workshop(2);
    const auto add_note = [&w](Id group) {
        auto d = w.decide(cmd::AddFacilitatorNote{group, "Lapp", ""}, test::test_now);
        REQUIRE(d.ok());
        for (const Change& c : d->changes) w.apply(c);
    };
    add_note(1);
    h.frame(w);
    REQUIRE(h.view.focused == 1);
    const Revision laid_out = h.view.board.board.revision;
    CHECK(laid_out == w.revision_for(1));
    add_note(2);
    h.frame(w);
    CHECK(h.view.board.board.revision == laid_out);  // the cached layout stands
    add_note(1);
    h.frame(w);
    CHECK(h.view.board.board.revision == w.revision_for(1));
    CHECK(h.view.board.board.revision > laid_out);
    const BoardModel& m = h.view.board.board.model;
    CHECK(m.cards.size() + m.hidden.size() == 2);  // and it has the new note
}

namespace {

// Vertices drawn this frame in `colour` (any draw list, the foreground one included).
int vertices_in(ImU32 colour) {
    int count = 0;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int i = 0; data && i < data->CmdListsCount; ++i)
        for (const ImDrawVert& v : data->CmdLists[i]->VtxBuffer) count += v.col == colour ? 1 : 0;
    return count;
}

}  // namespace

TEST_CASE("while saves fail, a red band across the top says so; when one succeeds it is gone") {
    test::Harness h;
    const Workshop w = test::ui_workshop(3);
    h.frame(w);
    CHECK(vertices_in(theme::alarm) == 0);
    h.view.storage_trouble = "/home/kari/.local/share/samling/samling.sqlite3: database or disk is full";
    h.frame(w);
    CHECK(vertices_in(theme::alarm) >= 4);  // the band, in front of everything
    h.view.storage_trouble.clear();
    h.frame(w);
    CHECK(vertices_in(theme::alarm) == 0);
}
