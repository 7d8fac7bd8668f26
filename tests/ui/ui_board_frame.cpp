// The facilitator's hands on the board, without a window: a simulated mouse drags, drops,
// double-clicks and types over board_frame, and the commands it appends are the test's
// subject. Real fonts; ImGui 1.86 input fields (MousePos, MouseDown, KeysDown).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <variant>

#include <GLFW/glfw3.h>
#include <imgui.h>

#include "ui/board/view.hpp"
#include "ui/fonts.hpp"
#include "ui_board_fixture.hpp"

using namespace samling;
using namespace samling::board_test;

namespace {

struct Hands {
    Fonts fonts;
    BoardState board;
    std::vector<Command> out;
    const ImVec2 min{20, 120}, max{900, 650};
    ImVec2 mouse{5, 5};
    Timestamp now = 0;  // the board's clock, for cards gliding to a new layout

    Hands() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 720);
        io.DeltaTime = 1.0f / 60.0f;
        // The GLFW backend's key map, so GetKeyIndex(ImGuiKey_…) means what it does in the app.
        io.KeyMap[ImGuiKey_Delete] = GLFW_KEY_DELETE;
        io.KeyMap[ImGuiKey_Enter] = GLFW_KEY_ENTER;
        io.KeyMap[ImGuiKey_Escape] = GLFW_KEY_ESCAPE;
        io.KeyMap[ImGuiKey_Backspace] = GLFW_KEY_BACKSPACE;
        REQUIRE(bake_fonts(*io.Fonts, find_font_files(), 22.0f, 1.0f, fonts));
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~Hands() { ImGui::DestroyContext(); }

    void frame(const Workshop& w, ImVec2 at, bool down) {
        ImGuiIO& io = ImGui::GetIO();
        mouse = at;
        io.MousePos = at;
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("##projector", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                         ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollWithMouse);
        const Presence nobody;
        const Frame f{w,   nobody, fonts, Language::nb, ui_strings(Language::nb), programme_strings(Language::nb),
                      now, out};
        board_frame(f, 1, min, max, board);
        ImGui::End();
        ImGui::Render();
        io.MouseWheel = 0;
    }
    void idle(const Workshop& w, int frames = 30) {
        for (int i = 0; i < frames; ++i) frame(w, mouse, false);
    }
    void press_key(const Workshop& w, int key) {
        ImGui::GetIO().KeysDown[key] = true;
        frame(w, mouse, false);
        ImGui::GetIO().KeysDown[key] = false;
        frame(w, mouse, false);
    }
    void click(const Workshop& w, ImVec2 at) {
        frame(w, at, false);
        frame(w, at, true);
        frame(w, at, false);
    }
    // Press at `from`, move there in steps, release at `to`.
    void drag(const Workshop& w, ImVec2 from, ImVec2 to) {
        frame(w, from, false);
        frame(w, from, true);
        for (int i = 1; i <= 8; ++i)
            frame(w,
                  ImVec2(from.x + (to.x - from.x) * static_cast<float>(i) / 8,
                         from.y + (to.y - from.y) * static_cast<float>(i) / 8),
                  true);
        frame(w, to, false);
        idle(w);
    }
    const SceneCard& card(Id note) const {
        for (const SceneCard& c : board.board.scene.cards)
            if (board.board.model.cards[c.card].note == note) return c;
        FAIL("no card for note " << note);
        return board.board.scene.cards.front();
    }
    ImVec2 centre(Id note) const {
        const SceneCard& c = card(note);
        return ImVec2((c.min.x + c.max.x) / 2, (c.min.y + c.max.y) / 2);
    }
};

template <class T>
const T* only(const std::vector<Command>& out) {
    if (out.size() != 1) return nullptr;
    return std::get_if<T>(&out[0]);
}

}  // namespace

TEST_CASE("dragging a card onto another column places it in that zone, once") {
    Hands h;
    World s("themes");
    const Id n = s.note("Innfør en digital samhandlingsplattform", "observations");
    s.note("Mange møter, lite handling", "observations");
    h.idle(s.w, 2);
    const BoardRegion parking = h.board.board.scene.zones[2];
    h.drag(s.w, h.centre(n), ImVec2((parking.min.x + parking.max.x) / 2, parking.max.y - 20));
    const auto* place = only<cmd::PlaceNote>(h.out);
    REQUIRE(place);
    CHECK(place->note == n);
    CHECK(place->zone == "parking");
    CHECK(place->x == unplaced);
    CHECK(place->y == unplaced);
}

TEST_CASE("a drop never makes cards jump: the card waits where it was let go, then every card glides to its place") {
    Hands h;
    World s("themes");
    const Id moved = s.note("Innfør en digital samhandlingsplattform", "observations");
    const Id below = s.note("Mange møter, lite handling", "observations");
    s.note("Vi oppdager utfordringene for sent", "observations");
    h.now = 10'000;
    h.idle(s.w, 2);
    const BoardRegion before{h.card(below).min, h.card(below).max};
    const BoardRegion parking = h.board.board.scene.zones[2];
    const ImVec2 drop((parking.min.x + parking.max.x) / 2, parking.max.y - 40);
    h.drag(s.w, h.centre(moved), drop);
    REQUIRE(only<cmd::PlaceNote>(h.out));
    auto drawn = [&](Id note) { return glide_at(h.board.motion.cards.at(note), h.now); };
    auto middle = [](const BoardRegion& r) { return ImVec2((r.min.x + r.max.x) / 2, (r.min.y + r.max.y) / 2); };
    // Until the hub's answer lays the board out again, the card stays under the pointer.
    CHECK(std::abs(middle(drawn(moved)).x - drop.x) < 1.5f);
    CHECK(std::abs(middle(drawn(moved)).y - drop.y) < 1.5f);
    CHECK(board_moving(h.board, h.now));

    // The new layout: the card is in "parking", the one below it moves up into its place.
    s.w.apply(change::NotePlaced{moved, "parking", unplaced, unplaced, 0});
    h.now += 50;
    h.idle(s.w, 1);
    const BoardRegion after{h.card(below).min, h.card(below).max};
    const BoardRegion home{h.card(moved).min, h.card(moved).max};
    // How far along from `before` to `after` a drawn rectangle is (0 before, 1 arrived).
    auto along = [&](const BoardRegion& r) {
        const float dx = after.min.x - before.min.x, dy = after.min.y - before.min.y;
        return ((r.min.x - before.min.x) * dx + (r.min.y - before.min.y) * dy) / (dx * dx + dy * dy);
    };
    REQUIRE(std::hypot(after.min.x - before.min.x, after.min.y - before.min.y) > 20);  // the drop reflowed it
    // This frame both are still where the eye left them...
    CHECK(along(drawn(below)) == doctest::Approx(0).epsilon(0.01));
    CHECK(std::abs(middle(drawn(moved)).x - drop.x) < 1.5f);
    CHECK(std::abs(middle(drawn(moved)).y - drop.y) < 1.5f);
    // ...halfway through the glide they are on their way...
    h.now += glide_ms / 2;
    h.idle(s.w, 1);
    CHECK(along(drawn(below)) > 0.3f);
    CHECK(along(drawn(below)) < 0.99f);
    CHECK(board_moving(h.board, h.now));
    // ...and after it they are in their places, and nothing moves any more.
    h.now += glide_ms;
    h.idle(s.w, 1);
    CHECK(drawn(below).min.x == after.min.x);
    CHECK(drawn(below).min.y == after.min.y);
    CHECK(drawn(moved).min.x == home.min.x);
    CHECK(drawn(moved).min.y == home.min.y);
    CHECK_FALSE(board_moving(h.board, h.now));
}

TEST_CASE("a click without moving is not a drag: nothing is sent") {
    Hands h;
    World s("themes");
    const Id n = s.note("Mange møter, lite handling", "observations");
    h.idle(s.w, 2);
    h.click(s.w, h.centre(n));
    h.idle(s.w);
    CHECK(h.out.empty());
}

TEST_CASE("dropping a card onto another card merges it into that one") {
    Hands h;
    World s("themes");
    const Id keep = s.note("Ingen har oversikt over hele familien", "observations");
    const Id dup = s.note("Ingen ser hele familien", "themes");
    h.idle(s.w, 2);
    h.drag(s.w, h.centre(dup), h.centre(keep));
    const auto* merge = only<cmd::MergeNotes>(h.out);
    REQUIRE(merge);
    CHECK(merge->keep == keep);
    CHECK(merge->absorb == dup);
}

TEST_CASE("dropping a card on a cluster's heading puts it in the cluster") {
    Hands h;
    World s("themes");
    const Id a = s.note("Ulike journalsystemer", "themes");
    const Id loose = s.note("Foreldre får ulike beskjeder", "observations");
    const Id cl = s.cluster("themes", "Informasjonsflyt", {a});
    h.idle(s.w, 2);
    REQUIRE(h.board.board.scene.boxes.size() == 1);
    const SceneBox& box = h.board.board.scene.boxes[0];
    h.drag(s.w, h.centre(loose), ImVec2((box.min.x + box.max.x) / 2, box.min.y + 6));
    const auto* set = only<cmd::SetCluster>(h.out);
    REQUIRE(set);
    CHECK(set->note == loose);
    CHECK(set->cluster == cl);
}

TEST_CASE("on a grid a drop at 80% across and 20% down the plane is x 0.8, y 0.8 (y counts up), top right") {
    Hands h;
    World s("grid");
    const Id n = s.note("Rektor", "monitor", true, 0, 0.2, 0.2);
    h.idle(s.w, 2);
    const BoardScene& sc = h.board.board.scene;
    const ImVec2 to(sc.plane_min.x + 0.8f * (sc.plane_max.x - sc.plane_min.x),
                    sc.plane_min.y + 0.2f * (sc.plane_max.y - sc.plane_min.y));
    h.drag(s.w, h.centre(n), to);
    const auto* place = only<cmd::PlaceNote>(h.out);
    REQUIRE(place);
    CHECK(place->zone == "manage");
    CHECK(place->x == doctest::Approx(0.8).epsilon(0.02));
    CHECK(place->y == doctest::Approx(0.8).epsilon(0.02));
}

TEST_CASE("on rings a drop in the middle moves the card to zone 0 with its position") {
    Hands h;
    World s("system");
    const Id n = s.note("Mor", "leadership");
    h.idle(s.w, 2);
    h.drag(s.w, h.centre(n), h.board.board.scene.centre);
    const auto* place = only<cmd::PlaceNote>(h.out);
    REQUIRE(place);
    CHECK(place->zone == "child");
    CHECK(place->x == doctest::Approx(0.5).epsilon(0.02));
    CHECK(place->y == doctest::Approx(0.5).epsilon(0.02));
}

TEST_CASE("H over a card toggles its highlight, Delete removes it") {
    Hands h;
    World s("themes");
    const Id n = s.note("Vi oppdager utfordringene for sent", "observations");
    h.idle(s.w, 2);
    h.frame(s.w, h.centre(n), false);
    h.press_key(s.w, GLFW_KEY_H);
    const auto* hl = only<cmd::HighlightNote>(h.out);
    REQUIRE(hl);
    CHECK(hl->note == n);
    CHECK(hl->on);
    h.out.clear();
    h.press_key(s.w, GLFW_KEY_DELETE);
    const auto* rm = only<cmd::RemoveNote>(h.out);
    REQUIRE(rm);
    CHECK(rm->note == n);
}

TEST_CASE("Ctrl+click two cards, C, a name and Enter make a cluster of them") {
    Hands h;
    World s("themes");
    const Id a = s.note("Ulike journalsystemer", "observations");
    const Id b = s.note("Foreldre får ulike beskjeder", "observations");
    s.note("Mange møter", "observations");
    h.idle(s.w, 2);
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = true;
    h.click(s.w, h.centre(a));
    h.idle(s.w);
    h.click(s.w, h.centre(b));
    io.KeyCtrl = false;
    h.idle(s.w, 2);
    CHECK(h.board.ui.selected.size() == 2);
    h.press_key(s.w, GLFW_KEY_C);
    h.idle(s.w, 2);
    io.AddInputCharactersUTF8("Informasjonsflyt");
    h.idle(s.w, 2);
    h.press_key(s.w, GLFW_KEY_H);  // typed into the name, never a highlight
    h.press_key(s.w, GLFW_KEY_ENTER);
    const auto* make = only<cmd::MakeCluster>(h.out);
    REQUIRE(make);
    CHECK(make->group == 1);
    CHECK(make->zone == "observations");
    CHECK(make->name == "Informasjonsflyt");
    CHECK(make->notes == std::vector<Id>{a, b});
}

TEST_CASE("a double-click opens the note's text for editing; Enter saves it") {
    Hands h;
    World s("themes");
    const Id n = s.note("Mange møter", "observations");
    h.idle(s.w, 2);
    const ImVec2 at = h.centre(n);
    h.frame(s.w, at, false);
    h.frame(s.w, at, true);
    h.frame(s.w, at, false);
    h.frame(s.w, at, true);
    h.frame(s.w, at, false);
    h.idle(s.w, 3);
    CHECK(h.board.ui.popup == BoardPopup::edit_note);
    ImGui::GetIO().AddInputCharactersUTF8(", lite handling");
    h.idle(s.w, 2);
    h.press_key(s.w, GLFW_KEY_DELETE);  // edits the text, never removes the note
    h.press_key(s.w, GLFW_KEY_ENTER);
    const auto* set = only<cmd::SetNoteText>(h.out);
    REQUIRE(set);
    CHECK(set->note == n);
    CHECK(set->text == "Mange møter, lite handling");
}

TEST_CASE("the wheel zooms about the pointer; 0 resets zoom and pan") {
    Hands h;
    World s("themes");
    s.note("Mange møter", "observations");
    h.idle(s.w, 2);
    const ImVec2 at(400, 400);
    const BoardTransform before{h.min, h.board.ui.zoom, h.board.ui.pan};
    const ImVec2 p = before.to_board(at);
    ImGui::GetIO().MouseWheel = 2;
    h.frame(s.w, at, false);
    CHECK(h.board.ui.zoom > 1.2f);
    const BoardTransform after{h.min, h.board.ui.zoom, h.board.ui.pan};
    CHECK(after.to_screen(p).x == doctest::Approx(at.x).epsilon(0.001));
    CHECK(after.to_screen(p).y == doctest::Approx(at.y).epsilon(0.001));
    h.press_key(s.w, GLFW_KEY_0);
    CHECK(h.board.ui.zoom == 1.0f);
    CHECK(h.board.ui.pan.x == 0.0f);
    CHECK(h.out.empty());
}
