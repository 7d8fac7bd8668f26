// A key pressed and released between two frames still reaches the frame: events are fed as
// imgui_impl_glfw 1.86 feeds them (KeysDown and the modifiers), then ImGui's own frame reads them.
#include <doctest/doctest.h>

#include <GLFW/glfw3.h>
#include <imgui.h>

#include "ui/key_taps.hpp"

using samling::KeyTaps;

namespace {

struct Frames {
    KeyTaps taps;
    Frames() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(640, 480);
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~Frames() { ImGui::DestroyContext(); }

    // One key event: our callback first, then what the backend does with it.
    void event(int key, bool pressed) {
        taps.on_key(key, pressed);
        ImGuiIO& io = ImGui::GetIO();
        io.KeysDown[key] = pressed;
        io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL] || io.KeysDown[GLFW_KEY_RIGHT_CONTROL];
    }
    // One turn of the loop: let go, (events), hold, frame. Returns whether `key` was pressed
    // (with Ctrl, when asked) in that frame.
    bool frame(int key, bool with_ctrl = false) {
        ImGuiIO& io = ImGui::GetIO();
        taps.hold(io);
        ImGui::NewFrame();
        const bool pressed = ImGui::IsKeyPressed(key, false) && io.KeyCtrl == with_ctrl;
        ImGui::EndFrame();
        taps.let_go(io);
        return pressed;
    }
};

}  // namespace

TEST_CASE("Ctrl+Enter tapped between two frames is seen once, with Ctrl, then let go") {
    Frames f;
    f.frame(GLFW_KEY_ENTER);
    f.event(GLFW_KEY_LEFT_CONTROL, true);
    f.event(GLFW_KEY_ENTER, true);
    f.event(GLFW_KEY_ENTER, false);
    f.event(GLFW_KEY_LEFT_CONTROL, false);
    CHECK(f.frame(GLFW_KEY_ENTER, true));
    CHECK_FALSE(ImGui::GetIO().KeysDown[GLFW_KEY_ENTER]);
    CHECK_FALSE(ImGui::GetIO().KeyCtrl);
    CHECK_FALSE(f.frame(GLFW_KEY_ENTER, true));  // once, not again
    CHECK_FALSE(f.taps.holding());
}

TEST_CASE("Ctrl held in one frame and let go with Enter's tap before the next: Ctrl+Enter, not Enter") {
    Frames f;
    f.event(GLFW_KEY_LEFT_CONTROL, true);
    CHECK_FALSE(f.frame(GLFW_KEY_ENTER, true));  // Ctrl alone
    f.event(GLFW_KEY_ENTER, true);
    f.event(GLFW_KEY_ENTER, false);
    f.event(GLFW_KEY_LEFT_CONTROL, false);
    CHECK(f.frame(GLFW_KEY_ENTER, true));
    CHECK_FALSE(ImGui::GetIO().KeyCtrl);  // let go after that frame
}

TEST_CASE("Ctrl let go before a key goes down is not held: S after Ctrl is a plain S") {
    Frames f;
    f.event(GLFW_KEY_LEFT_CONTROL, true);
    f.frame(GLFW_KEY_S);
    f.event(GLFW_KEY_LEFT_CONTROL, false);
    f.event(GLFW_KEY_S, true);
    f.event(GLFW_KEY_S, false);
    CHECK(f.frame(GLFW_KEY_S, false));
}

TEST_CASE("without KeyTaps the same tap is lost: what the latch is for") {
    Frames f;
    f.frame(GLFW_KEY_S);
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[GLFW_KEY_S] = true;  // the backend alone: down and up before the frame
    io.KeysDown[GLFW_KEY_S] = false;
    ImGui::NewFrame();
    CHECK_FALSE(ImGui::IsKeyPressed(GLFW_KEY_S, false));
    ImGui::EndFrame();
}

TEST_CASE("a key held across frames is left alone: no extra press, released when released") {
    Frames f;
    f.event(GLFW_KEY_RIGHT, true);
    CHECK(f.frame(GLFW_KEY_RIGHT));
    CHECK(ImGui::GetIO().KeysDown[GLFW_KEY_RIGHT]);  // still held: let_go does not touch it
    CHECK_FALSE(f.frame(GLFW_KEY_RIGHT));
    f.event(GLFW_KEY_RIGHT, false);
    CHECK_FALSE(f.frame(GLFW_KEY_RIGHT));
    CHECK_FALSE(ImGui::GetIO().KeysDown[GLFW_KEY_RIGHT]);
}

TEST_CASE("two taps of different keys between frames are both seen") {
    Frames f;
    f.frame(GLFW_KEY_2);
    f.event(GLFW_KEY_2, true);
    f.event(GLFW_KEY_2, false);
    f.event(GLFW_KEY_RIGHT, true);
    f.event(GLFW_KEY_RIGHT, false);
    ImGuiIO& io = ImGui::GetIO();
    f.taps.hold(io);
    ImGui::NewFrame();
    CHECK(ImGui::IsKeyPressed(GLFW_KEY_2, false));
    CHECK(ImGui::IsKeyPressed(GLFW_KEY_RIGHT, false));
    ImGui::EndFrame();
    f.taps.let_go(io);
}
