// The projector's frame driven without a window, shared by the ui_projector_* and ui_controls_*
// tests: ImGui with real fonts, a hand-built workshop, simulated keys and mouse, and the
// commands each frame asks for collected in a vector (nothing is posted anywhere).
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include <GLFW/glfw3.h>
#include <imgui.h>

#include "core/workshop.hpp"
#include "ui/keys.hpp"
#include "ui/projector_view.hpp"
#include "ui/window.hpp"

namespace samling::test {

inline constexpr Timestamp test_now = 1'700'000'000'000;

// "observe": write (silent, timed) → reveal → vote → conclude (two fields, proposals); a chain
// step; two zones.
inline std::shared_ptr<ExerciseCatalog> ui_catalog() {
    ExerciseDefinition def;
    def.id = "observe";
    def.title = {"Observasjoner", "Observasjonar", "Observations"};
    def.purpose = {"Hva ser vi?", "Kva ser vi?", "What do we see?"};
    def.layout = "columns";
    def.zones.push_back({"seen", {"Sett", "Sett", "Seen"}, "#FFE27A"});
    def.zones.push_back({"parked", {"Parkert", "Parkert", "Parked"}, "#BFD7EA"});
    const auto step = [](std::string id, StepKind kind, std::string prompt) {
        Step s;
        s.id = std::move(id);
        s.kind = kind;
        s.prompt = {prompt, prompt, prompt};
        return s;
    };
    Step write = step("write", StepKind::write, "Hva ser vi?");
    write.silent = true;
    write.timer_seconds = 300;
    def.steps.push_back(write);
    def.steps.push_back(step("reveal", StepKind::reveal, "Les alle"));
    Step vote = step("vote", StepKind::vote, "Stem");
    vote.vote_budget = 3;
    def.steps.push_back(vote);
    Step conclude = step("conclude", StepKind::conclude, "Formuler problemet");
    conclude.proposals = true;
    conclude.fields.push_back({"who", {"Hvem?", "Kven?", "Who?"}, {"Barna", "Borna", "The children"}});
    conclude.fields.push_back({"statement", {"Problemformulering", "Problemformulering", "Statement"}, {}});
    def.steps.push_back(conclude);
    Step why = step("why", StepKind::write, "Hvorfor?");
    why.chain = true;
    def.steps.push_back(why);

    ExerciseDefinition other;
    other.id = "stakeholders";
    other.title = {"Interessenter", "Interessentar", "Stakeholders"};
    other.layout = "columns";
    other.steps.push_back(step("write", StepKind::write, "Hvem?"));

    auto c = std::make_shared<ExerciseCatalog>();
    c->add(def);
    c->add(other);
    return c;
}

// `groups` groups, each running "observe" at step 0 (run id 100 + group).
inline Workshop ui_workshop(int groups) {
    Workshop w(ui_catalog());
    Room room;
    room.code = "K7M2QX";
    room.name = "Test";
    w.apply(change::RoomOpened{room});
    for (Id g = 1; g <= groups; ++g) {
        LeaderGroup group;
        group.id = g;
        group.name = "Gruppe " + std::to_string(g);
        w.apply(change::GroupAdded{group});
    }
    for (Id g = 1; g <= groups; ++g) {
        ExerciseRun run;
        run.id = 100 + g;
        run.group = g;
        run.exercise = "observe";
        run.timer.duration_ms = 300'000;
        w.apply(change::ExerciseStarted{run});
    }
    return w;
}

struct Harness {
    Fonts fonts;
    ProjectorContent content;
    ViewState view;
    Window window;             // never opened: full-screen keys are not pressed here
    std::vector<Command> out;  // every command since the last clear

    Harness() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 720);
        io.DeltaTime = 1.0f / 60.0f;
        // What ImGui's GLFW backend sets up in a real window: text fields read these keys.
        io.KeyMap[ImGuiKey_Tab] = GLFW_KEY_TAB;
        io.KeyMap[ImGuiKey_LeftArrow] = GLFW_KEY_LEFT;
        io.KeyMap[ImGuiKey_RightArrow] = GLFW_KEY_RIGHT;
        io.KeyMap[ImGuiKey_UpArrow] = GLFW_KEY_UP;
        io.KeyMap[ImGuiKey_DownArrow] = GLFW_KEY_DOWN;
        io.KeyMap[ImGuiKey_Backspace] = GLFW_KEY_BACKSPACE;
        io.KeyMap[ImGuiKey_Delete] = GLFW_KEY_DELETE;
        io.KeyMap[ImGuiKey_Enter] = GLFW_KEY_ENTER;
        io.KeyMap[ImGuiKey_KeyPadEnter] = GLFW_KEY_KP_ENTER;
        io.KeyMap[ImGuiKey_Escape] = GLFW_KEY_ESCAPE;
        REQUIRE(bake_fonts(*io.Fonts, find_font_files(), 22.0f, 1.0f, fonts));
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        content.strings = &ui_strings(Language::nb);
        content.qr = encode_qr("http://192.168.1.23:8765/?room=K7M2QX");
        content.address = parse_join_url("http://192.168.1.23:8765/?room=K7M2QX");
    }
    ~Harness() { ImGui::DestroyContext(); }
    Harness(const Harness&) = delete;
    Harness& operator=(const Harness&) = delete;

    void frame(const Workshop& w, Timestamp now = test_now) {
        ImGui::NewFrame();
        handle_keys(view, window);
        draw_projector(w, view, content, fonts, ImGui::GetIO().DisplaySize, 1.0f, now, out);
        ImGui::Render();
    }

    // One press and release of `key` (a GLFW key code), with Shift and Ctrl as given.
    void press(const Workshop& w, int key, bool shift = false, bool ctrl = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyShift = shift;
        io.KeyCtrl = ctrl;
        io.KeysDown[key] = true;
        frame(w);
        io.KeysDown[key] = false;
        io.KeyShift = io.KeyCtrl = false;
        frame(w);
    }

    void click(const Workshop& w, ImVec2 at) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = at;
        frame(w);
        io.MouseDown[0] = true;
        frame(w);
        io.MouseDown[0] = false;
        frame(w);
        frame(w);
    }
};

// The commands of one kind among a frame's commands, those inside a cmd::Together included.
template <typename T>
std::vector<T> only(const std::vector<Command>& out) {
    std::vector<T> v;
    for (const Command& c : out) {
        if (const T* t = std::get_if<T>(&c)) v.push_back(*t);
        if (const auto* together = std::get_if<cmd::Together>(&c))
            for (const T& inner : only<T>(together->commands)) v.push_back(inner);
    }
    return v;
}

// How many cmd::Together (one action on many groups) the frames posted.
inline std::size_t togethers(const std::vector<Command>& out) {
    return static_cast<std::size_t>(std::count_if(
        out.begin(), out.end(), [](const Command& c) { return std::holds_alternative<cmd::Together>(c); }));
}

// A revealed note of the facilitator's in zone "seen" of `run`, written in step `step`.
inline Note note(Id id, Id run, std::string text, int step) {
    Note n;
    n.id = id;
    n.run = run;
    n.author = 0;
    n.client_id = "c" + std::to_string(id);
    n.text = std::move(text);
    n.zone = "seen";
    n.revealed = true;
    n.step = step;
    return n;
}

// Moves a harness group's run (id 100 + group) to `step`, as a hub would after GoToStep.
inline void go_to(Workshop& w, Id group, int step) {
    w.apply(change::StepChanged{100 + group, step, Timer{300'000, 0, 0}});
}

}  // namespace samling::test
