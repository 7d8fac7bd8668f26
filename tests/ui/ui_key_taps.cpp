// Key and character events that arrive between two frames reach ImGui in their order: a tap is
// seen, a chord keeps its modifier, and letters typed after a Tab go to the field Tab moves to.
// Events are fed as imgui_impl_glfw 1.86 feeds them (KeysDown, the modifiers, the characters).
#include <doctest/doctest.h>

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <string>

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
        io.KeyMap[ImGuiKey_Tab] = GLFW_KEY_TAB;  // as the GLFW backend maps them
        io.KeyMap[ImGuiKey_Enter] = GLFW_KEY_ENTER;
        io.KeyMap[ImGuiKey_Backspace] = GLFW_KEY_BACKSPACE;
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
        io.KeyShift = io.KeysDown[GLFW_KEY_LEFT_SHIFT] || io.KeysDown[GLFW_KEY_RIGHT_SHIFT];
    }
    // Typed text as X and GLFW deliver it: per character its key down, the character, its key up;
    // a tab character is the Tab key alone.
    void type(const std::string& text) {
        for (char ch : text) {
            if (ch == '\t') {
                event(GLFW_KEY_TAB, true);
                event(GLFW_KEY_TAB, false);
                continue;
            }
            const int key = ch == ' ' ? GLFW_KEY_SPACE : (ch >= 'a' && ch <= 'z') ? GLFW_KEY_A + (ch - 'a') : ch;
            event(key, true);
            taps.on_char(static_cast<unsigned char>(ch));
            ImGui::GetIO().AddInputCharacter(static_cast<unsigned char>(ch));
            event(key, false);
        }
    }
    // One turn of the loop: (events), hold, frame. Returns whether `key` was pressed (with Ctrl,
    // when asked) in that frame.
    bool frame(int key, bool with_ctrl = false) {
        ImGuiIO& io = ImGui::GetIO();
        taps.hold(io);
        ImGui::NewFrame();
        const bool pressed = ImGui::IsKeyPressed(key, false) && io.KeyCtrl == with_ctrl;
        ImGui::EndFrame();
        return pressed;
    }
    // A frame of three one-line fields, Tab moving between them as in the setup screen.
    void fields_frame(std::string (&text)[3]) {
        taps.hold(ImGui::GetIO());
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(640, 480));
        ImGui::Begin("fields", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
        if (focus_first) ImGui::SetKeyboardFocusHere();
        focus_first = false;
        for (int i = 0; i < 3; ++i) ImGui::InputText(("##f" + std::to_string(i)).c_str(), &text[i]);
        ImGui::End();
        ImGui::EndFrame();
    }
    bool focus_first = true;
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
    CHECK_FALSE(f.frame(GLFW_KEY_ENTER, true));            // once, not again
    CHECK_FALSE(ImGui::GetIO().KeysDown[GLFW_KEY_ENTER]);  // let go in that next frame
    CHECK_FALSE(ImGui::GetIO().KeyCtrl);
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
    f.frame(GLFW_KEY_ENTER);
    CHECK_FALSE(ImGui::GetIO().KeyCtrl);  // let go in the next frame
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
    CHECK(ImGui::GetIO().KeysDown[GLFW_KEY_RIGHT]);  // still held
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
    CHECK(f.frame(GLFW_KEY_2));  // down, then up a frame later, with → after it
    CHECK(f.frame(GLFW_KEY_RIGHT));
    f.frame(GLFW_KEY_RIGHT);
    CHECK_FALSE(f.taps.holding());
}

TEST_CASE("text and Tabs typed between two frames each land in their own field, none lost") {
    Frames f;
    std::string text[3] = {"HeLU Nordvik", "Oppstart", "2026-09-14"};
    f.fields_frame(text);  // the first field takes the keyboard, its text selected
    f.fields_frame(text);
    f.type("helu valler\tvaller skole\t2027 01 20");
    for (int i = 0; i < 200 && f.taps.holding(); ++i) f.fields_frame(text);
    f.fields_frame(text);
    CHECK_FALSE(f.taps.holding());
    CHECK(text[0] == "helu valler");
    CHECK(text[1] == "valler skole");
    CHECK(text[2] == "2027 01 20");
}

TEST_CASE("without the order kept, ImGui 1.86 puts the letters after a Tab in the field Tab leaves") {
    Frames f;
    std::string text[3] = {"", "", ""};
    f.fields_frame(text);
    f.fields_frame(text);
    ImGuiIO& io = ImGui::GetIO();
    // The backend alone: "ab", Tab, "cd" between two frames, Tab held for the frame.
    for (char ch : std::string("abcd")) io.AddInputCharacter(static_cast<unsigned char>(ch));
    io.KeysDown[GLFW_KEY_TAB] = true;
    ImGui::NewFrame();
    ImGui::Begin("fields");
    for (int i = 0; i < 3; ++i) ImGui::InputText(("##f" + std::to_string(i)).c_str(), &text[i]);
    ImGui::End();
    ImGui::EndFrame();
    CHECK(text[0] == "abcd");
    CHECK(text[1].empty());
}

TEST_CASE("a key whose turn has not come is not down yet, though the backend has set it") {
    Frames f;
    f.frame(GLFW_KEY_ENTER);
    f.type("abc");
    f.event(GLFW_KEY_ENTER, true);
    f.event(GLFW_KEY_ENTER, false);
    CHECK_FALSE(f.frame(GLFW_KEY_ENTER));  // "a" and its key only
    CHECK_FALSE(ImGui::GetIO().KeysDown[GLFW_KEY_ENTER]);
    int frames = 0;
    while (!f.frame(GLFW_KEY_ENTER) && frames < 20) ++frames;
    CHECK(frames > 0);
    CHECK(frames < 20);
}

TEST_CASE("Ctrl let go before the V of Ctrl+V, as xdotool does it: the frame sees Ctrl+V") {
    Frames f;
    f.event(GLFW_KEY_LEFT_CONTROL, true);
    CHECK_FALSE(f.frame(GLFW_KEY_V, true));  // Ctrl alone
    f.event(GLFW_KEY_V, true);
    f.event(GLFW_KEY_LEFT_CONTROL, false);
    f.event(GLFW_KEY_V, false);
    CHECK(f.frame(GLFW_KEY_V, true));
    f.frame(GLFW_KEY_V);
    f.frame(GLFW_KEY_V);
    CHECK_FALSE(ImGui::GetIO().KeyCtrl);
    CHECK_FALSE(f.taps.holding());
}
