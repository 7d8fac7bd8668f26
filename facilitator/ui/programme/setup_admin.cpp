// The setup screen's housekeeping: the room's name and language, archiving and deleting groups
// and gatherings (a deletion asks first), and each group's participants (move, remove).
// No GLFW functions (key codes only), OpenGL or hub.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include <GLFW/glfw3.h>
#include <imgui.h>

#include "ui/panels/control_theme.hpp"
#include "ui/panels/controls.hpp"
#include "ui/panels/group_strip.hpp"
#include "ui/panels/overlay_window.hpp"
#include "ui/programme/setup_screen.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/text/drawable_text.hpp"

namespace samling {
namespace {

ImVec4 f4(ImU32 c) {
    return ImGui::ColorConvertU32ToFloat4(c);
}

void dim_text(const Fonts& fonts, const std::string& text) {
    ImGui::PushFont(fonts.small);
    ImGui::PushStyleColor(ImGuiCol_Text, f4(theme::text_dim));
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

// "Samling 1 · 14. sep. – Oppstart": the number and date the room knows it by, and its title.
std::string gathering_name(const ProgrammeStrings& s, const Gathering& g) {
    return gathering_label(s, g) + (g.title.empty() ? std::string() : " – " + g.title);
}

bool gathering_has_runs(const Workshop& state, Id gathering) {
    return std::any_of(state.runs().begin(), state.runs().end(),
                       [&](const auto& e) { return e.second.gathering == gathering; });
}

}  // namespace

bool small_button(const Fonts& fonts, const char* label) {
    ImGui::PushFont(fonts.small);
    const bool clicked = ImGui::SmallButton(label);
    ImGui::PopFont();
    return clicked;
}

bool setup_asking(const ControlState& c) {
    return c.overlay == Overlay::setup && c.setup.confirm.ask != SetupAsk::none;
}

void draw_setup_room(const Frame& frame, SetupState& setup) {
    const Workshop& state = frame.state;
    const Fonts& fonts = frame.fonts;
    const ProgrammeStrings& s = frame.programme;
    std::vector<Command>& out = frame.out;
    const std::optional<Room>& room = state.room();
    if (!room) return;
    const float w = ImGui::GetContentRegionAvail().x;
    if (setup_field(state, setup, "room.name", s.room_hint, room->name, w))
        out.push_back(cmd::SetRoom{setup.drafts["room.name"], std::nullopt});
    dim_text(fonts, s.room_language);
    const Language languages[] = {Language::nb, Language::nn, Language::en};
    for (int i = 0; i < 3; ++i) {
        const bool chosen = room->language == languages[i];
        if (i > 0) ImGui::SameLine();
        if (chosen) {
            ImGui::PushStyleColor(ImGuiCol_Button, f4(theme::accent));
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, f4(theme::accent));
            ImGui::PushStyleColor(ImGuiCol_Text, f4(theme::accent_text));
        }
        ImGui::PushID(i);
        if (ImGui::Button(s.languages[static_cast<std::size_t>(i)]) && !chosen)
            out.push_back(cmd::SetRoom{std::nullopt, languages[i]});
        ImGui::PopID();
        if (chosen) ImGui::PopStyleColor(3);
    }
    // The pulse threshold: − and + only, so no value under the floor can even be typed.
    const int threshold = state.pulse_threshold();
    dim_text(fonts, fill(s.pulse_threshold, {{"n", std::to_string(threshold)}}));
    ImGui::BeginDisabled(threshold <= min_pulse_threshold);
    if (ImGui::Button("  -  ##pulse_threshold")) out.push_back(cmd::SetPulseThreshold{threshold - 1});
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(threshold >= max_pulse_threshold);
    if (ImGui::Button("  +  ##pulse_threshold")) out.push_back(cmd::SetPulseThreshold{threshold + 1});
    ImGui::EndDisabled();
}

void draw_group_actions(const Frame& frame, ControlState& c, const LeaderGroup& g) {
    const Workshop& state = frame.state;
    const Fonts& fonts = frame.fonts;
    const ProgrammeStrings& s = frame.programme;
    const Timestamp now = frame.now;
    std::vector<Command>& out = frame.out;
    if (small_button(fonts, s.archive)) out.push_back(cmd::ArchiveGroup{g.id, true});
    ImGui::SameLine();
    if (small_button(fonts, s.remove)) {
        // The hub would refuse it: say why at once, and ask nothing.
        if (state.group_has_content(g.id))
            show_toast(c, fill(s.group_has_notes, {{"name", g.name}}), now);
        else
            c.setup.confirm = {SetupAsk::delete_group, g.id, fill(s.confirm_delete, {{"name", g.name}})};
    }
}

void draw_gathering_actions(const Frame& frame, ControlState& c, const Gathering& g) {
    const Workshop& state = frame.state;
    const Fonts& fonts = frame.fonts;
    const ProgrammeStrings& s = frame.programme;
    const Timestamp now = frame.now;
    std::vector<Command>& out = frame.out;
    if (small_button(fonts, s.archive)) out.push_back(cmd::ArchiveGathering{g.id, true});
    ImGui::SameLine();
    if (small_button(fonts, s.remove)) {
        const std::string label = gathering_name(s, g);
        if (gathering_has_runs(state, g.id))
            show_toast(c, fill(s.gathering_has_runs, {{"name", label}}), now);
        else
            c.setup.confirm = {SetupAsk::delete_gathering, g.id, fill(s.confirm_delete, {{"name", label}})};
    }
}

void draw_setup_participants(const Frame& frame, ControlState& c, Id group) {
    const Workshop& state = frame.state;
    const Presence& presence = frame.presence;
    const Fonts& fonts = frame.fonts;
    const ProgrammeStrings& s = frame.programme;
    const Timestamp now = frame.now;
    std::vector<Command>& out = frame.out;
    bool any = false;
    for (const auto& [pid, p] : state.participants()) {
        if (p.group != group || p.removed) continue;
        any = true;
        ImGui::PushID(static_cast<int>(pid));
        const bool here = presence.present(state, pid, now);
        const std::string name = p.name.empty() ? std::string(s.anonymous) : drawable_text(p.name);
        ImGui::PushFont(fonts.small);
        ImGui::AlignTextToFramePadding();
        ImGui::PushStyleColor(ImGuiCol_Text, f4(here ? theme::text : theme::text_dim));
        ImGui::TextUnformatted((name + "  ·  " + (here ? s.present : s.away)).c_str());
        ImGui::PopStyleColor();
        ImGui::SameLine();
        if (ImGui::SmallButton(s.move_to)) ImGui::OpenPopup("move");
        ImGui::SameLine();
        if (ImGui::SmallButton(s.remove_participant))
            c.setup.confirm = {SetupAsk::remove_participant, pid, fill(s.confirm_remove, {{"name", name}})};
        ImGui::PopFont();
        if (ImGui::BeginPopup("move")) {
            for (Id other : group_order(state)) {
                const LeaderGroup* g = state.group(other);
                if (!g || other == group) continue;
                if (ImGui::Selectable(drawable_text(g->name).c_str())) out.push_back(cmd::MoveParticipant{pid, other});
            }
            ImGui::EndPopup();
        }
        ImGui::PopID();
    }
    if (!any) dim_text(fonts, s.no_participants);
}

void draw_archived_groups(const Workshop& state, const Fonts& fonts, const ProgrammeStrings& s,
                          std::vector<Command>& out) {
    int count = 0;
    for (const auto& [id, g] : state.groups()) count += g.archived;
    if (count == 0) return;
    ImGui::Dummy(ImVec2(0, 0.3f * fonts.em));
    dim_text(fonts, std::string(s.archived) + " · " + std::to_string(count));
    for (const auto& [id, g] : state.groups()) {
        if (!g.archived) continue;
        ImGui::PushID(static_cast<int>(id));
        if (small_button(fonts, s.restore)) out.push_back(cmd::ArchiveGroup{id, false});
        ImGui::SameLine();
        dim_text(fonts, drawable_text(g.name));
        ImGui::PopID();
    }
}

void draw_archived_gatherings(const Workshop& state, const Fonts& fonts, const ProgrammeStrings& s,
                              std::vector<Command>& out) {
    bool heading = false;
    for (const auto& [id, g] : state.gatherings()) {
        if (!g.archived) continue;
        if (!std::exchange(heading, true)) dim_text(fonts, s.archived);
        ImGui::PushID(static_cast<int>(id));
        if (small_button(fonts, s.restore)) out.push_back(cmd::ArchiveGathering{id, false});
        ImGui::SameLine();
        dim_text(fonts, drawable_text(gathering_name(s, g)));
        ImGui::PopID();
    }
}

YesNo ask_yes_no(const Frame& frame, const char* id, const std::string& text, ImVec2 size, float height_em) {
    const Fonts& fonts = frame.fonts;
    const ProgrammeStrings& s = frame.programme;
    const float em = fonts.em;
    const std::string question = drawable_text(text);
    const float w = std::min(size.x - 4 * em, std::max(24 * em, width_of(fonts, fonts.bold, question) + 3 * em));
    begin_overlay_window(id, size, ImVec2(w, height_em * em), fonts);
    ImGui::PushFont(fonts.bold);
    ImGui::PushTextWrapPos(w - 1.2f * em);
    ImGui::TextUnformatted(question.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    dim_text(fonts, s.confirm_keys);
    bool yes = ImGui::Button(s.yes);
    ImGui::SameLine();
    bool no = ImGui::Button(s.no);
    end_overlay_window();
    yes = yes || ImGui::IsKeyPressed(GLFW_KEY_ENTER, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_ENTER, false);
    no = no || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false);
    return yes ? YesNo::yes : no ? YesNo::no : YesNo::waiting;
}

void draw_setup_confirm(const Frame& frame, SetupState& setup, ImVec2 size) {
    std::vector<Command>& out = frame.out;
    SetupConfirm& q = setup.confirm;
    if (q.ask == SetupAsk::none) return;
    const YesNo answer = ask_yes_no(frame, "##setup_confirm", q.question, size, 6.4f);
    if (answer == YesNo::yes) {
        if (q.ask == SetupAsk::delete_group) out.push_back(cmd::DeleteGroup{q.id});
        if (q.ask == SetupAsk::delete_gathering) out.push_back(cmd::DeleteGathering{q.id});
        if (q.ask == SetupAsk::remove_participant) out.push_back(cmd::RemoveParticipant{q.id});
    }
    if (answer != YesNo::waiting) q = SetupConfirm{};
}

}  // namespace samling
