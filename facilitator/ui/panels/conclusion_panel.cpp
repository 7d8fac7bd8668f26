// The conclusion panel. A field not being typed in is drawn wrapped, large, for the room (1.86's
// multi-line field does not wrap); clicking it opens the field for typing.
// No GLFW functions, OpenGL or hub.
#include "ui/panels/conclusion_panel.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <utility>

#include <GLFW/glfw3.h>    // key codes only (1.86 reads keys by GLFW code)
#include <imgui_stdlib.h>  // Debian installs misc/cpp/imgui_stdlib.h here

#include "ui/board/vote_results.hpp"
#include "ui/panels/control_theme.hpp"
#include "ui/panels/overlay_window.hpp"
#include "ui/programme/programme_strings.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/text/drawable_text.hpp"

namespace samling {

std::vector<const FieldDefinition*> conclusion_fields(const Workshop& state, const ExerciseRun& run) {
    std::vector<const FieldDefinition*> fields;
    const ExerciseDefinition* def = state.definition(run);
    const Step* step = state.current_step(run);
    if (!def || !step) return fields;
    if (!step->fields.empty()) {
        for (const FieldDefinition& f : step->fields) fields.push_back(&f);
        return fields;
    }
    for (const Step& s : def->steps)
        for (const FieldDefinition& f : s.fields) fields.push_back(&f);
    return fields;
}

std::vector<const Note*> proposals(const Workshop& state, const ExerciseRun& run) {
    std::vector<const Note*> out;
    const Step* step = state.current_step(run);
    if (!step || step->kind != StepKind::conclude) return out;
    for (const Note* n : state.notes_of_run(run.id))
        if (n->step == run.step) out.push_back(n);
    return out;
}

namespace {

const FieldDefinition* find_field(const std::vector<const FieldDefinition*>& fields, std::string_view id) {
    for (const FieldDefinition* f : fields)
        if (f->id == id) return f;
    return nullptr;
}

// What a field holds: the text posted last, until the snapshot has it, else the snapshot's.
std::string field_text(const Workshop& state, const ExerciseRun& run, const ConclusionState& panel,
                       const std::string& id) {
    const auto it = panel.sent.find(id);
    return it != panel.sent.end() ? it->second : state.conclusion(run.id, id);
}

void post_text(ConclusionState& panel, const std::string& id, const std::string& text, std::vector<Command>& out) {
    out.push_back(cmd::SetConclusion{panel.group, id, text});
    panel.sent[id] = text;
}

void open_field(const Workshop& state, const ExerciseRun& run, ConclusionState& panel, const std::string& id) {
    panel.opening = true;
    panel.editing = id;
    panel.draft = panel.before = field_text(state, run, panel, id);
    panel.target = id;
    panel.focus = true;
}

int index_of(const std::vector<const FieldDefinition*>& fields, std::string_view id) {
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i]->id == id) return static_cast<int>(i);
    return -1;
}

// Keys read before the fields are drawn, so ImGui's own handling never sees them: its Esc
// would throw away what was typed, and its Tab would stay in the one open field.
void field_keys(const Workshop& state, const ExerciseRun& run, const std::vector<const FieldDefinition*>& fields,
                ConclusionState& panel, std::vector<Command>& out) {
    if (panel.editing.empty()) {
        const bool asked = std::exchange(panel.open_request, false);
        if (!asked || fields.empty()) return;
        const FieldDefinition* first = fields.front();
        for (const FieldDefinition* f : fields)
            if (field_text(state, run, panel, f->id).empty()) {
                first = f;
                break;
            }
        open_field(state, run, panel, first->id);
        return;
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) {
        leave_conclusion_field(panel, out);
    } else if (ImGui::IsKeyPressed(GLFW_KEY_TAB)) {
        const int next = index_of(fields, panel.editing) + (ImGui::GetIO().KeyShift ? -1 : 1);
        leave_conclusion_field(panel, out);
        if (next >= 0 && next < static_cast<int>(fields.size()))
            open_field(state, run, panel, fields[static_cast<std::size_t>(next)]->id);
    }
}

// One field: its label, then its text wrapped (or the hint, dim), or the open text field.
void draw_field(const Workshop& state, const ExerciseRun& run, const FieldDefinition& field,
                const std::string& target_id, ConclusionState& panel, const Fonts& fonts, Language lang,
                std::vector<Command>& out) {
    const float em = fonts.em;
    const float w = ImGui::GetContentRegionAvail().x;
    const bool target = target_id == field.id;
    if (target && panel.scrolled_to != target_id) {  // keep the field proposals go to in sight
        ImGui::SetScrollHereY(0.2f);
        panel.scrolled_to = target_id;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(target ? theme::accent : theme::text_muted));
    ImGui::PushFont(fonts.bold);
    ImGui::TextUnformatted(drawable_text(field.label.in(lang)).c_str());
    ImGui::PopFont();
    ImGui::PopStyleColor();

    const std::string saved = field_text(state, run, panel, field.id);
    const float pad = 0.5f * em;
    if (panel.editing == field.id) {
        const int lines = std::max(3, static_cast<int>(std::count(panel.draft.begin(), panel.draft.end(), '\n')) + 2);
        if (panel.focus) {
            ImGui::SetKeyboardFocusHere();
            panel.focus = false;
        }
        // The open field stands out from the closed ones: lighter, with the accent round it.
        ImGui::PushStyleColor(ImGuiCol_FrameBg, ImGui::ColorConvertU32ToFloat4(theme::panel_hover));
        ImGui::InputTextMultiline("##edit", &panel.draft, ImVec2(w, static_cast<float>(lines) * em * 1.25f + pad));
        ImGui::PopStyleColor();
        ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), theme::accent, 0.3f * em,
                                            0, std::round(0.12f * em));
        panel.opening = !ImGui::IsItemActive();
        if (ImGui::IsItemDeactivated()) leave_conclusion_field(panel, out);  // a click elsewhere, Ctrl+Enter
        return;
    }
    const bool empty = saved.empty();
    const std::string shown = drawable_text(empty ? field.hint.in(lang) : saved);
    const WrappedText text = wrap_text(fonts.body, em, shown, w - 2 * pad, 0);
    const float h = std::max(2, static_cast<int>(text.lines.size())) * em * 1.2f + 2 * pad;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::PushID(field.id.c_str());
    const bool clicked = ImGui::InvisibleButton("field", ImVec2(w, h));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, ImVec2(a.x + w, a.y + h), hovered ? theme::panel_hover : theme::panel, 0.3f * em);
    if (target) dl->AddRect(a, ImVec2(a.x + w, a.y + h), theme::accent, 0.3f * em, 0, std::round(0.1f * em));
    float y = a.y + pad;
    for (const std::string& line : text.lines) {
        draw_text(dl, fonts, fonts.body, ImVec2(a.x + pad, y), empty ? theme::text_dim : theme::text, line);
        y += em * 1.2f;
    }
    if (clicked) open_field(state, run, panel, field.id);
}

// "Bruk i": the note's text goes into the field, after what it already holds (on a line of its
// own), so a pick never wipes what the room has written; an open field takes it in its draft.
void use_in(const Workshop& state, const ExerciseRun& run, ConclusionState& panel, const std::string& id,
            const std::string& text, std::vector<Command>& out) {
    const bool open = panel.editing == id;
    const std::string had = open ? panel.draft : field_text(state, run, panel, id);
    if (had.find(text) != std::string::npos) return;  // picked twice
    const std::string now = had.empty() ? text : had + (had.back() == '\n' ? "" : "\n") + text;
    post_text(panel, id, now, out);
    if (open) panel.draft = panel.before = now;
}

// A proposal or a top-voted note, with the button that puts its text in the target field.
void draw_pick(const Workshop& state, const ExerciseRun& run, ConclusionState& panel, const Note& note, int dots,
               const FieldDefinition& target, const Fonts& fonts, const UiStrings& s, Language lang,
               std::vector<Command>& out) {
    const float em = fonts.em;
    const float small = fonts.size(fonts.small);
    const float w = ImGui::GetContentRegionAvail().x;
    const std::string prefix = dots > 0 ? std::to_string(dots) + " ● " : std::string();
    const WrappedText text = wrap_text(fonts.small, small, prefix + drawable_text(note.text), w - em, 4);
    const ImVec2 a = ImGui::GetCursorScreenPos();
    const float text_h = static_cast<float>(text.lines.size()) * small * 1.2f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, ImVec2(a.x + w, a.y + text_h + 0.8f * em + ImGui::GetFrameHeight()), theme::card_default,
                      0.25f * em);
    float y = a.y + 0.4f * em;
    for (const std::string& line : text.lines) {
        draw_text(dl, fonts, fonts.small, ImVec2(a.x + 0.5f * em, y), theme::card_text, line);
        y += small * 1.2f;
    }
    ImGui::SetCursorScreenPos(ImVec2(a.x + 0.5f * em, y + 0.1f * em));
    const std::string label =
        fit_line(fonts.small, small, std::string(s.use_in) + ": " + drawable_text(target.label.in(lang)), w - 2 * em) +
        "##use" + std::to_string(note.id);
    ImGui::PushFont(fonts.small);
    if (ImGui::Button(label.c_str())) use_in(state, run, panel, target.id, note.text, out);
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(a.x, y + ImGui::GetFrameHeight() + 0.8f * em));
}

}  // namespace

void leave_conclusion_field(ConclusionState& panel, std::vector<Command>& out) {
    if (!panel.editing.empty() && panel.draft != panel.before) post_text(panel, panel.editing, panel.draft, out);
    panel.editing.clear();
    panel.opening = panel.open_request = false;
    panel.target.clear();  // the mark moves on to the first field still empty
}

void draw_conclusion_panel(const Frame& frame, Id group, ConclusionState& panel, ImVec2 min, ImVec2 max) {
    const Workshop& state = frame.state;
    const Fonts& fonts = frame.fonts;
    const UiStrings& s = frame.words;
    const Language lang = frame.lang;
    std::vector<Command>& out = frame.out;
    const ExerciseRun* run = state.current_run(group);
    if (!run) {
        panel.open_request = false;  // nothing to open: never wait for it
        return;
    }
    const float em = fonts.em;
    const std::vector<const FieldDefinition*> fields = conclusion_fields(state, *run);
    if (panel.run != run->id) {
        // Another group (or its next run): a field left open is saved where it was typed.
        const ExerciseRun* before = panel.group ? state.current_run(panel.group) : nullptr;
        if (before && before->id == panel.run) leave_conclusion_field(panel, out);
        panel = ConclusionState{};
        panel.run = run->id;
        panel.group = group;
    }
    for (auto it = panel.sent.begin(); it != panel.sent.end();)  // the hub has answered
        it = state.conclusion(run->id, it->first) == it->second ? panel.sent.erase(it) : std::next(it);
    if (!panel.target.empty() && !find_field(fields, panel.target)) panel.target.clear();
    // Proposals go to the open field, else the first still empty one, so filling the form top
    // to bottom needs no picking at all.
    std::string target_id = panel.target;
    if (!panel.editing.empty() && !find_field(fields, panel.editing)) panel.editing.clear();
    field_keys(state, *run, fields, panel, out);
    for (const FieldDefinition* f : fields)
        if (target_id.empty() && field_text(state, *run, panel, f->id).empty()) target_id = f->id;
    if (target_id.empty() && !fields.empty()) target_id = fields.back()->id;

    push_panel_style(fonts);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
    ImGui::SetNextWindowPos(min);
    ImGui::SetNextWindowSize(ImVec2(max.x - min.x, max.y - min.y));
    // Never NoBringToFrontOnFocus here: 1.86 creates such a window at the back of the display
    // order, behind the full-screen ##projector window, which then takes every hover and click.
    ImGui::Begin("##conclusion", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoNav);
    const float left_w = std::round((max.x - min.x) * 0.62f);
    ImGui::BeginChild("##fields", ImVec2(left_w, 0), false);
    ImGui::PushFont(fonts.small);
    ImGui::TextDisabled("%s", s.conclusion_hint);
    ImGui::PopFont();
    for (const FieldDefinition* f : fields) {
        ImGui::PushID(f->id.c_str());
        draw_field(state, *run, *f, target_id, panel, fonts, lang, out);
        ImGui::PopID();
        ImGui::Dummy(ImVec2(0, 0.2f * em));
    }
    // The same as Ctrl+Enter: the run goes into the group's project log, with a picture of its board.
    ImGui::Dummy(ImVec2(0, 0.3f * em));
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(theme::accent));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(theme::accent));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::accent_text));
    const std::string save = std::string(programme_strings(lang).save_to_log) + "  (Ctrl+Enter)";
    if (ImGui::Button(save.c_str(), ImVec2(0, 2.0f * em))) out.push_back(cmd::ConcludeRun{group});
    ImGui::PopStyleColor(3);
    ImGui::EndChild();

    ImGui::SameLine(0, 1.2f * em);
    ImGui::BeginChild("##picks", ImVec2(0, 0), false);
    const FieldDefinition* target = find_field(fields, target_id);
    ImGui::PushFont(fonts.bold);
    ImGui::TextUnformatted(s.proposals);
    ImGui::PopFont();
    const std::vector<const Note*> props = proposals(state, *run);
    if (props.empty()) ImGui::TextDisabled("%s", s.no_proposals);
    if (target)
        for (const Note* n : props) draw_pick(state, *run, panel, *n, 0, *target, fonts, s, lang, out);
    if (target && vote_results_visible(state, *run)) {
        const std::vector<const Note*> top = top_voted(state, *run, 5);
        if (!top.empty()) {
            ImGui::Dummy(ImVec2(0, 0.4f * em));
            ImGui::PushFont(fonts.bold);
            ImGui::TextUnformatted(s.quick_picks);
            ImGui::PopFont();
            for (const Note* n : top)
                draw_pick(state, *run, panel, *n, state.dots_on(n->id), *target, fonts, s, lang, out);
        }
    }
    ImGui::EndChild();
    ImGui::End();
    ImGui::PopStyleColor(2);
    ImGui::PopStyleVar(2);
    pop_panel_style();
}

}  // namespace samling
