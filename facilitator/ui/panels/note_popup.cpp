// The facilitator's own note. Enter adds it; the card under the field shows how it will read.
// No GLFW functions (key codes only), OpenGL or hub.
#include "ui/panels/note_popup.hpp"

#include <algorithm>
#include <cmath>

#include <GLFW/glfw3.h>
#include <imgui_stdlib.h>  // Debian installs misc/cpp/imgui_stdlib.h here

#include "core/text.hpp"
#include "ui/panels/control_theme.hpp"
#include "ui/panels/overlay_window.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/text/drawable_text.hpp"

namespace samling {

namespace {

// Runs every frame the field is active, on ImGui's own buffer, so what it shows is what is sent.
int keep_field_text(ImGuiInputTextCallbackData* data) {
    auto& panel = *static_cast<NotePopupState*>(data->UserData);
    const std::string_view typed(data->Buf, static_cast<std::size_t>(data->BufTextLen));
    const std::string kept = note_field_text(typed, max_note_characters);
    if (kept != typed) {
        const auto cursor = static_cast<std::size_t>(data->CursorPos);
        const std::size_t at =
            std::min(note_field_text(typed.substr(0, cursor), max_note_characters).size(), kept.size());
        data->DeleteChars(0, data->BufTextLen);
        data->InsertChars(0, kept.data(), kept.data() + kept.size());
        data->CursorPos = data->SelectionStart = data->SelectionEnd = static_cast<int>(at);
    }
    const std::string_view now(data->Buf, static_cast<std::size_t>(data->BufTextLen));
    const auto cursor = static_cast<std::size_t>(data->CursorPos);
    const std::size_t snapped = caret_between_characters(now, cursor, panel.caret);
    if (snapped != cursor) {
        const bool selecting = data->HasSelection();
        data->CursorPos = static_cast<int>(snapped);
        if (!selecting) data->SelectionStart = data->SelectionEnd = data->CursorPos;
    }
    panel.caret = snapped;
    return 0;
}

}  // namespace

std::string note_field_text(std::string_view typed, std::size_t max) {
    const std::string composed = text::nfc(typed);
    return std::string(text::first_characters(composed, max));
}

std::size_t caret_between_characters(std::string_view t, std::size_t at, std::size_t before) {
    if (at >= t.size()) return t.size();
    const std::size_t start = text::character_start(t, at);
    if (start == at) return at;
    return at > before ? text::next_character(t, start) : start;
}

std::vector<const Zone*> note_zones(const Workshop& state, Id group) {
    std::vector<const Zone*> zones;
    const ExerciseRun* run = state.current_run(group);
    const ExerciseDefinition* def = run ? state.definition(*run) : nullptr;
    const Step* step = run ? state.current_step(*run) : nullptr;
    if (!def || !step) return zones;
    for (const Zone& z : def->zones)
        if (step->zones.empty() || std::find(step->zones.begin(), step->zones.end(), z.id) != step->zones.end())
            zones.push_back(&z);
    return zones;
}

bool draw_note_popup(const Frame& frame, NotePopupState& panel, Id selected, ImVec2 size) {
    const Workshop& state = frame.state;
    const Fonts& fonts = frame.fonts;
    const UiStrings& s = frame.words;
    const Language lang = frame.lang;
    std::vector<Command>& out = frame.out;
    const float em = fonts.em;
    const ExerciseRun* run = state.current_run(panel.group);
    const Step* step = run ? state.current_step(*run) : nullptr;
    if (!step) return false;
    const std::vector<const Zone*> zones = note_zones(state, panel.group);
    const bool zone_known = std::any_of(zones.begin(), zones.end(), [&](const Zone* z) { return z->id == panel.zone; });
    if (!zone_known) panel.zone = zones.empty() ? std::string() : zones.front()->id;
    const bool chain = step->chain;
    if (chain && panel.focus && selected != 0) panel.parent = selected;

    bool open = true, add = false;
    begin_overlay_window("##add_note", size, ImVec2(std::min(size.x - 4 * em, 40 * em), 0), fonts);
    ImGui::PushFont(fonts.title);
    ImGui::TextUnformatted(s.add_note_title);
    ImGui::PopFont();
    if (const LeaderGroup* g = state.group(panel.group)) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::accent));
        ImGui::TextUnformatted(drawable_text(g->name).c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();

    ImGui::SetNextItemWidth(-1);
    if (panel.focus) {
        ImGui::SetKeyboardFocusHere();
        panel.focus = false;
    }
    if (ImGui::InputText("##text", &panel.text,
                         ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackAlways, keep_field_text,
                         &panel))
        add = true;
    const std::size_t used = text::characters(panel.text);
    const std::string counter = std::to_string(used) + " / " + std::to_string(max_note_characters);

    // How the note will read on the board (the field itself scrolls sideways).
    if (used > 0) {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const float w = ImGui::GetContentRegionAvail().x;
        const WrappedText lines = wrap_text(fonts.body, em, drawable_text(panel.text), w - 1.2f * em, 4);
        const float card_h = static_cast<float>(lines.lines.size()) * em * 1.2f + 1.0f * em;
        const ImVec2 a = ImGui::GetCursorScreenPos();
        dl->AddRectFilled(a, ImVec2(a.x + w, a.y + card_h), theme::card_default, 0.25f * em);
        float y = a.y + 0.5f * em;
        for (const std::string& line : lines.lines) {
            draw_text(dl, fonts, fonts.body, ImVec2(a.x + 0.6f * em, y), theme::card_text, line);
            y += em * 1.2f;
        }
        ImGui::Dummy(ImVec2(w, card_h));
    }
    ImGui::PushFont(fonts.small);
    ImGui::TextDisabled("%s", counter.c_str());
    ImGui::PopFont();

    if (zones.size() > 1) {
        ImGui::TextUnformatted(s.add_note_zone);
        for (const Zone* z : zones) {
            ImGui::SameLine();
            const std::string label = drawable_text(z->label.in(lang)) + "##" + z->id;
            if (ImGui::RadioButton(label.c_str(), panel.zone == z->id)) panel.zone = z->id;
        }
    }
    if (chain) {
        const Note* parent = panel.parent ? state.note(panel.parent) : nullptr;
        const std::string current =
            parent ? fit_line(fonts.body, em, drawable_text(parent->text), 24 * em) : std::string(s.add_note_no_reply);
        ImGui::TextUnformatted(s.add_note_reply);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-1);
        if (ImGui::BeginCombo("##parent", current.c_str())) {
            if (ImGui::Selectable(s.add_note_no_reply, panel.parent == 0)) panel.parent = 0;
            for (const Note* n : state.notes_of_run(run->id)) {
                if (!n->revealed) continue;
                const std::string label =
                    fit_line(fonts.body, em, drawable_text(n->text), 30 * em) + "##n" + std::to_string(n->id);
                if (ImGui::Selectable(label.c_str(), panel.parent == n->id)) panel.parent = n->id;
            }
            ImGui::EndCombo();
        }
    }
    ImGui::Spacing();
    ImGui::BeginDisabled(used == 0);
    if (ImGui::Button(s.add_note_button, ImVec2(0, 2.0f * em))) add = true;
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(s.cancel, ImVec2(0, 2.0f * em))) open = false;
    ImGui::SameLine();
    ImGui::PushFont(fonts.small);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", s.add_note_hint);
    ImGui::PopFont();
    end_overlay_window();
    if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) open = false;

    if (add && used > 0) {
        out.push_back(cmd::AddFacilitatorNote{panel.group, panel.text, panel.zone, chain ? panel.parent : 0});
        panel.text.clear();
        panel.parent = 0;
        open = false;
    }
    return open;
}

}  // namespace samling
