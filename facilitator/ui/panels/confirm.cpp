// Questions before acting on many groups. 1.86 has no way to eat a key: a spent key is made
// to look held since an earlier frame (KeysDownDuration > 0), so IsKeyPressed no longer sees it.
// No GLFW functions (key codes only), OpenGL or hub.
#include "ui/panels/confirm.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <GLFW/glfw3.h>  // key codes only (1.86 reads keys by GLFW code)

#include "core/phrase.hpp"
#include "ui/panels/control_theme.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/text/text_wrap.hpp"

namespace samling {
namespace {

Id group_of(const Command& c) {
    return std::visit(
        [](const auto& x) -> Id {
            if constexpr (requires { x.group; })
                return x.group;
            else
                return 0;
        },
        c);
}

bool modifier_key(int key) {
    return key == GLFW_KEY_LEFT_SHIFT || key == GLFW_KEY_RIGHT_SHIFT || key == GLFW_KEY_LEFT_CONTROL ||
           key == GLFW_KEY_RIGHT_CONTROL || key == GLFW_KEY_LEFT_ALT || key == GLFW_KEY_RIGHT_ALT ||
           key == GLFW_KEY_LEFT_SUPER || key == GLFW_KEY_RIGHT_SUPER;
}

// Every key pressed in this frame now looks held, and no character or click arrives.
void spend_input() {
    ImGuiIO& io = ImGui::GetIO();
    for (float& t : io.KeysDownDuration)
        if (t == 0.0f) t = 0.001f;
    io.InputQueueCharacters.resize(0);
    for (bool& clicked : io.MouseClicked) clicked = false;
}

}  // namespace

std::string fill_question(std::string_view pattern, std::string_view what, std::size_t groups) {
    return fill(pattern, {{"x", what}, {"n", std::to_string(groups)}});
}

std::size_t groups_in(const std::vector<Command>& commands) {
    std::set<Id> groups;
    for (const Command& c : commands) groups.insert(group_of(c));
    return groups.size();
}

void ask_or_post(ControlState& c, std::string question, std::vector<Command> commands, std::vector<Command>& out) {
    if (groups_in(commands) < 2) {
        for (Command& cmd : commands) out.push_back(std::move(cmd));
        return;
    }
    c.confirm = PendingConfirm{std::move(question), std::move(commands)};
}

bool answer_confirm(ControlState& c, std::vector<Command>& out) {
    if (c.confirm.question.empty()) return false;
    const ImGuiIO& io = ImGui::GetIO();
    bool yes = false, no = io.MouseClicked[0] || io.MouseClicked[1];
    for (int key = 0; key < static_cast<int>(IM_ARRAYSIZE(io.KeysDown)); ++key) {
        if (modifier_key(key) || !ImGui::IsKeyPressed(key, false)) continue;
        if ((key == GLFW_KEY_ENTER || key == GLFW_KEY_KP_ENTER) && !io.KeyCtrl)
            yes = true;
        else
            no = true;
    }
    // One action: one answer, and one Ctrl+Z takes it back for every group.
    // A single command (unpairing a remote) goes as itself: it is no step of undo to join.
    if (yes && !no && c.confirm.commands.size() == 1)
        out.push_back(std::move(c.confirm.commands.front()));
    else if (yes && !no)
        out.push_back(cmd::Together{std::move(c.confirm.commands)});
    if (yes || no) c.confirm = PendingConfirm{};
    spend_input();
    return true;
}

void draw_confirm(const Frame& frame, const PendingConfirm& confirm, ImVec2 size) {
    const Fonts& fonts = frame.fonts;
    const UiStrings& s = frame.words;
    if (confirm.question.empty()) return;
    const float em = fonts.em;
    // A window of its own over everything, so the room under it takes no hover or click.
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(size);
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::Begin("##confirm", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoNav);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), size, theme::scrim);
    const float box_w = std::min(size.x - 4 * em, 44 * em);
    const float title = fonts.size(fonts.title);
    const WrappedText lines = wrap_text(fonts.title, title, confirm.question, box_w - 3 * em, 4);
    const float box_h = static_cast<float>(lines.lines.size()) * title * 1.2f + 5.2f * em;
    const ImVec2 a = snap(ImVec2((size.x - box_w) / 2, (size.y - box_h) / 2)),
                 b = snap(ImVec2(a.x + box_w, a.y + box_h));
    dl->AddRectFilled(a, b, theme::sheet, 0.6f * em);
    dl->AddRect(a, b, theme::accent, 0.6f * em, 0, std::round(0.12f * em));
    float y = a.y + 1.5f * em;
    for (const std::string& line : lines.lines) {
        draw_text(dl, fonts, fonts.title, ImVec2(a.x + 1.5f * em, y), theme::text, line);
        y += title * 1.2f;
    }
    draw_text(dl, fonts, fonts.bold, ImVec2(a.x + 1.5f * em, y + 0.9f * em), theme::accent, s.confirm_answer);
    ImGui::End();
    ImGui::PopStyleVar();
}

std::string next_on_agenda(const Workshop& state, Id group) {
    const Gathering* open = state.open_gathering();
    if (!open) return {};
    const Id gathering = open->id;
    for (const std::string& exercise : state.agenda(gathering)) {
        const bool started = std::any_of(state.runs().begin(), state.runs().end(), [&](const auto& e) {
            return e.second.group == group && e.second.gathering == gathering && e.second.exercise == exercise;
        });
        if (!started) return exercise;
    }
    return {};
}

}  // namespace samling
