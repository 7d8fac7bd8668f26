// The setup screen's frame, its fields, the programme's name, the room and the gatherings. The groups and
// the agenda are in setup_lists.cpp. No GLFW functions (key codes only), OpenGL or hub.
#include "ui/programme/setup_screen.hpp"

#include <algorithm>
#include <cmath>

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>  // Debian installs misc/cpp/imgui_stdlib.h here

#include "core/text.hpp"
#include "ui/panels/control_theme.hpp"
#include "ui/panels/overlay_window.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/text/drawable_text.hpp"

namespace samling {
namespace {

void heading(const Fonts& fonts, const char* text) {
    ImGui::PushFont(fonts.bold);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::text_muted));
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

std::vector<const Gathering*> gatherings_in_order(const Workshop& state) {
    std::vector<const Gathering*> list;
    for (const auto& [id, g] : state.gatherings()) list.push_back(&g);
    std::sort(list.begin(), list.end(), [](const Gathering* a, const Gathering* b) { return a->number < b->number; });
    return list;
}

// Programme name and the gatherings: one row each (number, title, date, open), then a new one.
void draw_programme(const Frame& frame, ControlState& c) {
    const Workshop& state = frame.state;
    const Fonts& fonts = frame.fonts;
    const ProgrammeStrings& s = frame.programme;
    std::vector<Command>& out = frame.out;
    SetupState& setup = c.setup;
    const float em = fonts.em;
    const float w = ImGui::GetContentRegionAvail().x;
    heading(fonts, s.programme);
    if (setup.focus_first) {
        ImGui::SetKeyboardFocusHere();
        setup.focus_first = false;
    }
    if (setup_field(state, setup, "programme", s.programme_hint, state.programme(), w))
        out.push_back(cmd::NameProgramme{setup.drafts["programme"]});
    ImGui::Dummy(ImVec2(0, 0.5f * em));
    heading(fonts, s.room);
    draw_setup_room(frame, setup);
    ImGui::Dummy(ImVec2(0, 0.5f * em));
    heading(fonts, s.gatherings);

    const Gathering* open = state.open_gathering();
    const float number_w = 1.3f * em, date_w = 6.2f * em;
    const float button_w = std::max({width_of(fonts, fonts.body, s.open), width_of(fonts, fonts.body, s.is_open),
                                     width_of(fonts, fonts.body, s.add_gathering)}) +
                           1.4f * em;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float title_w = w - number_w - date_w - button_w - 3 * spacing;
    for (const Gathering* g : gatherings_in_order(state)) {
        if (g->archived) continue;  // listed apart, below
        ImGui::PushID(static_cast<int>(g->id));
        const bool is_open = open && open->id == g->id;
        ImGui::AlignTextToFramePadding();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(is_open ? theme::accent : theme::text_dim));
        ImGui::PushFont(fonts.bold);
        ImGui::TextUnformatted(std::to_string(g->number).c_str());
        ImGui::PopFont();
        ImGui::PopStyleColor();
        ImGui::SameLine(number_w);
        const std::string key = "g" + std::to_string(g->id);
        bool save = setup_field(state, setup, key + ".title", s.title_hint, g->title, title_w);
        ImGui::SameLine();
        save |= setup_field(state, setup, key + ".date", s.date_hint, g->date, date_w);
        if (save) out.push_back(cmd::SaveGathering{g->id, setup.drafts[key + ".title"], setup.drafts[key + ".date"]});
        ImGui::SameLine();
        if (is_open) {
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(theme::accent));
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(theme::accent));
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::accent_text));
            ImGui::Button(s.is_open, ImVec2(button_w, 0));
            ImGui::PopStyleColor(3);
        } else if (ImGui::Button(s.open, ImVec2(button_w, 0))) {
            out.push_back(cmd::OpenGathering{g->id});
        }
        ImGui::SetCursorPosX(number_w);
        draw_gathering_actions(frame, c, *g);
        ImGui::PopID();
    }

    // A new gathering: Enter in either field adds it; an empty title becomes "Samling N".
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("+");
    ImGui::SameLine(number_w);
    const ImGuiInputTextFlags enter = ImGuiInputTextFlags_EnterReturnsTrue;
    ImGui::SetNextItemWidth(title_w);
    bool add = ImGui::InputTextWithHint("##new_title", s.title_hint, &setup.new_title, enter);
    if (ImGui::IsItemActive()) setup.next_active = "new.title";
    ImGui::SameLine();
    ImGui::SetNextItemWidth(date_w);
    add |= ImGui::InputTextWithHint("##new_date", s.date_hint, &setup.new_date, enter);
    if (ImGui::IsItemActive()) setup.next_active = "new.date";
    ImGui::SameLine();
    add |= ImGui::Button(s.add_gathering, ImVec2(button_w, 0));
    if (add) {
        std::string title = text::trim(setup.new_title);
        if (title.empty()) title = std::string(s.gathering) + " " + std::to_string(state.gatherings().size() + 1);
        out.push_back(cmd::SaveGathering{0, title, text::trim(setup.new_date)});
        setup.new_title.clear();
        setup.new_date.clear();
    }
    draw_archived_gatherings(state, fonts, s, out);
    if (open && open->number > 1) {
        ImGui::Dummy(ImVec2(0, 0.3f * em));
        if (ImGui::Button(s.show_since)) c.overlay = Overlay::since_last_time;
    }
}

}  // namespace

bool setup_field(const Workshop& state, SetupState& setup, const std::string& key, const char* hint,
                 const std::string& current, float width) {
    std::string& draft = setup.drafts[key];
    const auto held = setup.held.find(key);
    const bool waiting = held != setup.held.end() && held->second == state.revision();
    if (held != setup.held.end() && !waiting) setup.held.erase(held);
    if (setup.active != key && !waiting) draft = current;
    ImGui::SetNextItemWidth(width);
    ImGui::InputTextWithHint(("##" + key).c_str(), hint, &draft);
    if (ImGui::IsItemActive()) setup.next_active = key;
    if (!ImGui::IsItemDeactivatedAfterEdit() || draft == current) return false;
    setup.held[key] = state.revision();
    return true;
}

void draw_setup(const Frame& frame, ControlState& c, ImVec2 size) {
    const Workshop& state = frame.state;
    const Fonts& fonts = frame.fonts;
    const ProgrammeStrings& s = frame.programme;
    std::vector<Command>& out = frame.out;
    SetupState& setup = c.setup;
    const float em = fonts.em;
    setup.next_active.clear();
    push_panel_style(fonts);
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(size);
    if (setup.focus_first) ImGui::SetNextWindowFocus();
    // Not NoNav: ImGui's Tab between fields is a navigation request.
    ImGui::Begin("##setup", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    draw_text(dl, fonts, fonts.title, top, theme::text, s.setup_title);
    const float hint_w =
        size.x - 2 * ImGui::GetStyle().WindowPadding.x - width_of(fonts, fonts.title, s.setup_title) - 2 * em;
    const std::string hint = fit_line(fonts.small, fonts.size(fonts.small), s.setup_hint, hint_w);
    draw_text(dl, fonts, fonts.small,
              ImVec2(top.x + size.x - 2 * ImGui::GetStyle().WindowPadding.x - width_of(fonts, fonts.small, hint),
                     top.y + fonts.size(fonts.title) - fonts.size(fonts.small)),
              theme::text_dim, hint);
    ImGui::Dummy(ImVec2(0, fonts.size(fonts.title) + 0.4f * em));

    const float w = ImGui::GetContentRegionAvail().x, h = ImGui::GetContentRegionAvail().y;
    const float gap = 1.4f * em;
    const float col1 = std::round((w - 2 * gap) * 0.37f), col2 = std::round((w - 2 * gap) * 0.33f);
    const ImGuiWindowFlags child = ImGuiWindowFlags_NavFlattened;
    ImGui::BeginChild("##programme", ImVec2(col1, h), false, child);
    draw_programme(frame, c);
    ImGui::EndChild();
    ImGui::SameLine(0, gap);
    ImGui::BeginChild("##groups", ImVec2(col2, h), false, child);
    draw_setup_groups(frame, c);
    ImGui::EndChild();
    ImGui::SameLine(0, gap);
    ImGui::BeginChild("##agenda", ImVec2(0, h), false, child);
    draw_setup_agenda(frame, c);
    ImGui::EndChild();
    ImGui::End();
    pop_panel_style();

    if (setup.confirm.ask != SetupAsk::none)
        draw_setup_confirm(frame, setup, size);  // Enter and Esc are its own while it asks
    else if (setup.active.empty() && setup.next_active.empty())
        setup_agenda_keys(state, setup, out);
    setup.active = setup.next_active;
}

}  // namespace samling
