// The start panel: keyboard first (arrows, Enter), mouse for the ticks. No GLFW functions
// (key codes only), OpenGL or hub.
#include "ui/panels/start_panel.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <GLFW/glfw3.h>

#include "ui/panels/control_theme.hpp"
#include "ui/panels/group_strip.hpp"
#include "ui/panels/overlay_window.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/text/drawable_text.hpp"

namespace samling {

std::vector<const ExerciseDefinition*> exercise_list(const Workshop& state) {
    std::vector<const ExerciseDefinition*> list;
    for (const auto& [id, def] : state.catalog().all()) list.push_back(&def);
    return list;
}

void start_commands(const Workshop& state, const StartPanelState& panel, std::vector<Command>& out) {
    const auto list = exercise_list(state);
    if (list.empty()) return;
    const auto* def = list[static_cast<std::size_t>(std::clamp(panel.exercise, 0, static_cast<int>(list.size()) - 1))];
    for (Id g : group_order(state)) {
        const auto it = panel.unticked.find(g);
        if (it == panel.unticked.end() || !it->second) out.push_back(cmd::StartExercise{g, def->id});
    }
}

namespace {

int ticked_count(const Workshop& state, const StartPanelState& panel) {
    int n = 0;
    for (Id g : group_order(state)) {
        const auto it = panel.unticked.find(g);
        n += it == panel.unticked.end() || !it->second;
    }
    return n;
}

}  // namespace

bool draw_start_panel(const Frame& frame, StartPanelState& panel, ImVec2 size, std::vector<Command>& out) {
    const Workshop& state = frame.state;
    const Fonts& fonts = frame.fonts;
    const UiStrings& s = frame.words;
    const Language lang = frame.lang;
    const float em = fonts.em;
    const auto list = exercise_list(state);
    const int count = static_cast<int>(list.size());
    if (count > 0) {
        if (ImGui::IsKeyPressed(GLFW_KEY_DOWN)) panel.exercise = (panel.exercise + 1) % count;
        if (ImGui::IsKeyPressed(GLFW_KEY_UP)) panel.exercise = (panel.exercise + count - 1) % count;
        panel.exercise = std::clamp(panel.exercise, 0, count - 1);
    }
    bool open = true;
    bool start =
        count > 0 && (ImGui::IsKeyPressed(GLFW_KEY_ENTER, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_ENTER, false));

    const ImVec2 panel_size(std::min(size.x - 4 * em, 52 * em), std::min(size.y - 3 * em, 30 * em));
    begin_overlay_window("##start_exercise", size, panel_size, fonts);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted(s.start_title);
    ImGui::PopFont();
    ImGui::Spacing();

    const float inner_w = ImGui::GetContentRegionAvail().x;
    const float list_w = std::round(inner_w * 0.56f);
    const float footer_h = 2.2f * em + fonts.size(fonts.small) + ImGui::GetStyle().ItemSpacing.y * 2;
    const float body_h = ImGui::GetContentRegionAvail().y - footer_h;

    // The catalogue: title and purpose, the chosen one lit.
    ImGui::BeginChild("##exercises", ImVec2(list_w, body_h), false);
    const float small = fonts.size(fonts.small);
    for (int i = 0; i < count; ++i) {
        const ExerciseDefinition& def = *list[static_cast<std::size_t>(i)];
        const float w = ImGui::GetContentRegionAvail().x;
        const WrappedText purpose = wrap_text(fonts.small, small, drawable_text(def.purpose.in(lang)), w - em, 2);
        const float h = 0.5f * em + em * 1.15f + static_cast<float>(purpose.lines.size()) * small * 1.2f + 0.5f * em;
        const ImVec2 a = ImGui::GetCursorScreenPos();
        ImGui::PushID(i);
        if (ImGui::InvisibleButton("exercise", ImVec2(w, h))) panel.exercise = i;
        if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(0)) start = true;
        const bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        const bool chosen = i == panel.exercise;
        if (chosen && (ImGui::IsKeyPressed(GLFW_KEY_DOWN) || ImGui::IsKeyPressed(GLFW_KEY_UP)))
            ImGui::SetScrollHereY(0.5f);
        const ImVec2 b(a.x + w, a.y + h);
        dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(a, b, chosen ? theme::accent : hovered ? theme::panel_hover : theme::panel, 0.35f * em);
        const ImU32 ink = chosen ? theme::accent_text : theme::text;
        draw_text_fit(dl, fonts, fonts.bold, ImVec2(a.x + 0.5f * em, a.y + 0.5f * em), ink,
                      drawable_text(def.title.in(lang)), w - em);
        float y = a.y + 0.5f * em + em * 1.15f;
        for (const std::string& line : purpose.lines) {
            draw_text(dl, fonts, fonts.small, ImVec2(a.x + 0.5f * em, y),
                      chosen ? theme::accent_text : theme::text_muted, line);
            y += small * 1.2f;
        }
        ImGui::Dummy(ImVec2(0, 0.1f * em));
    }
    ImGui::EndChild();

    // The groups: all ticked unless the facilitator unticks some.
    ImGui::SameLine(0, 1.2f * em);
    ImGui::BeginChild("##groups", ImVec2(0, body_h), false);
    ImGui::TextUnformatted(s.start_groups);
    ImGui::SameLine();
    if (ImGui::SmallButton(s.start_all)) panel.unticked.clear();
    ImGui::SameLine();
    if (ImGui::SmallButton(s.start_none))
        for (Id g : group_order(state)) panel.unticked[g] = true;
    const std::vector<Id> groups = group_order(state);
    const int columns = groups.size() > 10 ? 2 : 1;
    const float col_w = ImGui::GetContentRegionAvail().x / static_cast<float>(columns);
    ImGui::PushFont(columns > 1 ? fonts.small : fonts.body);
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const Id g = groups[i];
        if (columns > 1 && i % 2 == 1) ImGui::SameLine(col_w);
        bool ticked = !panel.unticked[g];
        const LeaderGroup* lg = state.group(g);
        const std::string label = fit_line(ImGui::GetFont(), ImGui::GetFontSize(), drawable_text(lg ? lg->name : ""),
                                           col_w - 2.2f * ImGui::GetFontSize()) +
                                  "##g" + std::to_string(g);
        if (ImGui::Checkbox(label.c_str(), &ticked)) panel.unticked[g] = !ticked;
    }
    ImGui::PopFont();
    ImGui::EndChild();

    // Start for the ticked groups; the count says how many will change.
    const int ticked = ticked_count(state, panel);
    std::string start_label = std::string(s.start_button);
    if (count > 0)
        start_label += ": " + drawable_text(list[static_cast<std::size_t>(panel.exercise)]->title.in(lang)) + " · " +
                       count_of(ticked, s.groups_one, s.groups_many);
    start_label = fit_line(fonts.body, em, start_label, inner_w * 0.75f);
    ImGui::BeginDisabled(ticked == 0 || count == 0);
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(theme::accent));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(theme::accent));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::accent_text));
    if (ImGui::Button((start_label + "##start").c_str(), ImVec2(0, 2.0f * em))) start = true;
    ImGui::PopStyleColor(3);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(s.cancel, ImVec2(0, 2.0f * em))) open = false;
    ImGui::PushFont(fonts.small);
    ImGui::TextDisabled("%s", s.start_hint);
    ImGui::PopFont();
    end_overlay_window();

    if (start && ticked > 0) {
        start_commands(state, panel, out);
        open = false;
    }
    return open;
}

}  // namespace samling
