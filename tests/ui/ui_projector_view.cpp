// The projector's frame, driven without a window: ImGui with real fonts, a hand-built
// workshop, and simulated mouse and keys. The view reads the snapshot and keeps its own focus.
#include <doctest/doctest.h>

#include <memory>

#include <GLFW/glfw3.h>
#include <imgui.h>

#include "core/workshop.hpp"
#include "ui/keys.hpp"
#include "ui/projector_view.hpp"
#include "ui/window.hpp"

using namespace samling;

namespace {

std::shared_ptr<ExerciseCatalog> catalog() {
    ExerciseDefinition def;
    def.id = "observe";
    def.title = {"Observasjoner", "Observasjonar", "Observations"};
    def.layout = "columns";
    def.zones.push_back({"seen", {"Sett", "Sett", "Seen"}, "#FFE27A"});
    Step step;
    step.id = "write";
    step.kind = StepKind::reveal;
    step.prompt = {"Hva ser vi?", "Kva ser vi?", "What do we see?"};
    def.steps.push_back(step);
    auto c = std::make_shared<ExerciseCatalog>();
    c->add(def);
    return c;
}

Workshop workshop(int groups) {
    Workshop w(catalog());
    Room room;
    room.code = "K7M2QX";
    room.name = "Test";
    w.apply(change::RoomOpened{room});
    for (Id g = 1; g <= groups; ++g) {
        w.apply(change::GroupAdded{LeaderGroup{g, "Gruppe " + std::to_string(g)}});
        ExerciseRun run;
        run.id = 100 + g;
        run.group = g;
        run.exercise = "observe";
        w.apply(change::ExerciseStarted{run});
    }
    return w;
}

struct Harness {
    Fonts fonts;
    ProjectorContent content;
    ViewState view;
    Window window;  // never opened: full-screen keys are not pressed here

    Harness() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 720);
        io.DeltaTime = 1.0f / 60.0f;
        REQUIRE(bake_fonts(*io.Fonts, find_font_files(), 22.0f, 1.0f, fonts));
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        content.strings = &ui_strings(Language::nb);
        content.qr = encode_qr("http://192.168.1.23:8765/?room=K7M2QX");
        content.address = parse_join_url("http://192.168.1.23:8765/?room=K7M2QX");
    }
    ~Harness() { ImGui::DestroyContext(); }

    void frame(const Workshop& w) {
        ImGui::NewFrame();
        handle_keys(view, window);
        draw_projector(w, view, content, fonts, ImGui::GetIO().DisplaySize, 1.0f);
        ImGui::Render();
    }
};

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
    // The strip's chips share the row under the board; the third chip ends left of the join panel.
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(800, 650);
    h.frame(w);
    io.MouseDown[0] = true;
    h.frame(w);
    io.MouseDown[0] = false;
    h.frame(w);
    h.frame(w);
    CHECK(h.view.focused == 3);
}
