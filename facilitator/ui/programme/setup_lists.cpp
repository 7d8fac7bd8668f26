// The setup screen's lists: leader groups (pasted rows of groups; services and project per
// group) and the open gathering's agenda with the catalogue beside it.
// No GLFW functions (key codes only), OpenGL or hub.
#include <algorithm>
#include <cmath>
#include <string>

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>  // Debian installs misc/cpp/imgui_stdlib.h here

#include "ui/panels/control_theme.hpp"
#include "ui/panels/controls.hpp"
#include "ui/panels/group_strip.hpp"
#include "ui/panels/start_panel.hpp"
#include "ui/programme/setup_model.hpp"
#include "ui/programme/setup_screen.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/text/drawable_text.hpp"

namespace samling {
namespace {

void heading(const Fonts& fonts, const std::string& text) {
    ImGui::PushFont(fonts.bold);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::text_muted));
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

const char* refusal_text(const ProgrammeStrings& s, PasteRefusal why) {
    switch (why) {
        case PasteRefusal::exists:
            return s.refused_exists;
        case PasteRefusal::repeated:
            return s.refused_repeated;
        case PasteRefusal::no_name:
            return s.refused_no_name;
        case PasteRefusal::name_too_long:
            return s.refused_name_too_long;
        case PasteRefusal::services_too_long:
            return s.refused_services_too_long;
        case PasteRefusal::project_too_long:
            return s.refused_project_too_long;
        case PasteRefusal::columns:
            return s.refused_columns;
        case PasteRefusal::text:
            return s.refused_text;
    }
    return s.refused_text;
}

// The pasted groups go to the hub (their services and project once they have an id). What was
// added, and each row that was not with its reason, stays under the field; a toast says it too.
void add_pasted(const Workshop& state, ControlState& c, const ProgrammeStrings& s, Timestamp now,
                std::vector<Command>& out) {
    SetupState& setup = c.setup;
    const GroupPaste paste = read_group_paste(state, setup.paste);
    group_paste_commands(paste, out, setup.pasted_details);
    std::string summary = paste.groups.empty() ? std::string(s.nothing_added)
                                               : std::string(s.added) + ": " + std::to_string(paste.groups.size());
    if (!paste.refused.empty())
        summary += "  ·  " + std::string(s.not_added) + ": " + std::to_string(paste.refused.size());
    setup.paste_report = {summary};
    for (const RefusedRow& r : paste.refused)
        setup.paste_report.push_back(std::string(s.row) + " " + std::to_string(r.line) + " «" + drawable_text(r.text) +
                                     "»: " + refusal_text(s, r.reason));
    show_toast(c, summary, now);
    setup.paste.clear();
}

// ImGui 1.86's text field drops the tabs of a pasted spreadsheet block (and Tab itself must move
// between fields): while the paste field is drawn, the clipboard reads with each tab as the
// column mark ⇥, which read_group_paste takes for a tab, and with CRLF as one line break.
class ClipboardTabsShown {
public:
    ClipboardTabsShown() : io_(ImGui::GetIO()), get_(io_.GetClipboardTextFn), data_(io_.ClipboardUserData) {
        if (!get_) return;
        io_.GetClipboardTextFn = &ClipboardTabsShown::read;
        io_.ClipboardUserData = this;
    }
    ~ClipboardTabsShown() {
        io_.GetClipboardTextFn = get_;
        io_.ClipboardUserData = data_;
    }
    ClipboardTabsShown(const ClipboardTabsShown&) = delete;
    ClipboardTabsShown& operator=(const ClipboardTabsShown&) = delete;

private:
    static const char* read(void* self) {
        auto* me = static_cast<ClipboardTabsShown*>(self);
        const char* raw = me->get_(me->data_);
        me->text_.clear();
        for (const char* p = raw ? raw : ""; *p; ++p) {
            if (*p == '\t')
                me->text_ += column_mark;
            else if (*p == '\r')
                me->text_ += p[1] == '\n' ? "" : "\n";
            else
                me->text_ += *p;
        }
        return me->text_.c_str();
    }
    ImGuiIO& io_;
    const char* (*get_)(void*);
    void* data_;
    std::string text_;
};

// One row of the list: the cursor's row lit; returns true when clicked.
bool list_row(ImDrawList*& dl, int id, const std::string& text, float w, bool cursor, bool lit, bool dim,
              const Fonts& fonts) {
    const float em = fonts.em;
    const float h = 1.7f * em;
    const ImVec2 a = ImGui::GetCursorScreenPos();
    ImGui::PushID(id);
    const bool clicked = ImGui::InvisibleButton("row", ImVec2(w, h));
    const bool hovered = ImGui::IsItemHovered();
    ImGui::PopID();
    dl = ImGui::GetWindowDrawList();
    const ImVec2 b(a.x + w, a.y + h);
    if (cursor && lit)
        dl->AddRectFilled(a, b, theme::accent, 0.3f * em);
    else if (hovered || cursor)
        dl->AddRectFilled(a, b, theme::panel_hover, 0.3f * em);
    if (cursor && !lit) dl->AddRect(a, b, theme::accent, 0.3f * em, 0, std::round(0.08f * em));
    const ImU32 ink = cursor && lit ? theme::accent_text : dim ? theme::text_dim : theme::text;
    draw_text_fit(dl, fonts, fonts.body, ImVec2(a.x + 0.5f * em, a.y + 0.35f * em), ink, text, w - em);
    return clicked;
}

}  // namespace

void draw_setup_groups(const Frame& frame, ControlState& c) {
    const Workshop& state = frame.state;
    const Fonts& fonts = frame.fonts;
    const ProgrammeStrings& s = frame.programme;
    const Timestamp now = frame.now;
    std::vector<Command>& out = frame.out;
    SetupState& setup = c.setup;
    const float em = fonts.em;
    const float w = ImGui::GetContentRegionAvail().x;
    const std::vector<Id> ids = group_order(state);
    heading(fonts, std::string(s.groups) + " · " + std::to_string(ids.size()));

    // 1.86's multi-line field has no hint: it is drawn over the empty field.
    const ImVec2 field_at = ImGui::GetCursorScreenPos();
    bool add = false;
    {
        const ClipboardTabsShown tabs;
        add = ImGui::InputTextMultiline("##paste", &setup.paste, ImVec2(w, 4.4f * em),
                                        ImGuiInputTextFlags_EnterReturnsTrue);  // Ctrl+Enter
    }
    if (ImGui::IsItemActive()) setup.next_active = "paste";
    if (setup.paste.empty() && !ImGui::IsItemActive()) {
        const ImVec2 pad = ImGui::GetStyle().FramePadding;
        float y = field_at.y + pad.y;
        for (const std::string& line : wrap_text(fonts.body, em, s.paste_hint, w - 2 * pad.x, 3).lines) {
            draw_text(ImGui::GetWindowDrawList(), fonts, fonts.body, ImVec2(field_at.x + pad.x, y), theme::text_dim,
                      line);
            y += em * 1.2f;
        }
    }
    const bool clicked = ImGui::Button(s.add_groups);
    if ((add || clicked) && !setup.paste.empty()) add_pasted(state, c, s, now, out);
    pasted_details_commands(state, setup.pasted_details, out);
    if (!setup.paste_report.empty()) {
        ImGui::PushFont(fonts.small);
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + w);
        for (std::size_t i = 0; i < setup.paste_report.size(); ++i) {
            ImGui::PushStyleColor(ImGuiCol_Text,
                                  ImGui::ColorConvertU32ToFloat4(i == 0 ? theme::text_muted : theme::accent));
            ImGui::TextUnformatted(setup.paste_report[i].c_str());
            ImGui::PopStyleColor();
        }
        ImGui::PopTextWrapPos();
        ImGui::PopFont();
    }
    ImGui::Dummy(ImVec2(0, 0.2f * em));

    // Each group: its name, then its services and its project on one line.
    ImGui::BeginChild("##group_list", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
    const float number_w = 1.8f * em;
    const float inner = ImGui::GetContentRegionAvail().x - number_w;
    const float half = std::floor((inner - ImGui::GetStyle().ItemSpacing.x) / 2);
    int number = 0;
    for (Id id : ids) {
        const LeaderGroup* g = state.group(id);
        if (!g) continue;
        ImGui::PushID(static_cast<int>(id));
        const std::string key = "grp" + std::to_string(id);
        ImGui::AlignTextToFramePadding();
        ImGui::PushFont(fonts.bold);
        ImGui::TextDisabled("%d", ++number);
        ImGui::PopFont();
        ImGui::SameLine(number_w);
        bool save = setup_field(state, setup, key + ".name", s.name_hint, g->name, inner);
        ImGui::SetCursorPosX(number_w);
        save |= setup_field(state, setup, key + ".services", s.services_hint, g->services, half);
        ImGui::SameLine();
        save |= setup_field(state, setup, key + ".project", s.project_hint, g->project, half);
        if (save)
            out.push_back(cmd::EditGroup{id, setup.drafts[key + ".name"], setup.drafts[key + ".services"],
                                         setup.drafts[key + ".project"]});
        ImGui::SetCursorPosX(number_w);
        ImGui::BeginGroup();
        draw_group_actions(frame, c, *g);
        draw_setup_participants(frame, c, id);
        ImGui::EndGroup();
        ImGui::Dummy(ImVec2(0, 0.25f * em));
        ImGui::PopID();
    }
    draw_archived_groups(state, fonts, s, out);
    ImGui::EndChild();
}

void draw_setup_agenda(const Frame& frame, ControlState& c) {
    const Workshop& state = frame.state;
    const Fonts& fonts = frame.fonts;
    const ProgrammeStrings& s = frame.programme;
    const Language lang = frame.lang;
    std::vector<Command>& out = frame.out;
    SetupState& setup = c.setup;
    const float em = fonts.em;
    const float w = ImGui::GetContentRegionAvail().x;
    const Gathering* open = state.open_gathering();
    if (!open) {
        heading(fonts, s.agenda);
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::text_dim));
        ImGui::PushTextWrapPos(w);
        ImGui::TextUnformatted(s.no_open_gathering);
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        return;
    }
    heading(fonts, std::string(s.agenda_for) + " " + gathering_label(s, *open));
    const std::vector<std::string>& agenda = state.agenda(open->id);
    const auto list = exercise_list(state);
    setup.agenda_cursor = std::clamp(setup.agenda_cursor, 0, std::max(0, static_cast<int>(agenda.size()) - 1));
    setup.catalog_cursor = std::clamp(setup.catalog_cursor, 0, std::max(0, static_cast<int>(list.size()) - 1));
    ImDrawList* dl = ImGui::GetWindowDrawList();

    // The agenda in order; the chosen row carries its buttons (move up, move down, remove).
    const float b = ImGui::GetFrameHeight();
    const float buttons_w = 3 * (b + ImGui::GetStyle().ItemSpacing.x);
    if (agenda.empty()) ImGui::TextDisabled("%s", s.empty_agenda);
    for (std::size_t i = 0; i < agenda.size(); ++i) {
        const int row = static_cast<int>(i);
        const bool chosen = row == setup.agenda_cursor;
        const ExerciseDefinition* def = state.catalog().find(agenda[i]);
        const std::string title = std::to_string(i + 1) + "   " + drawable_text(def ? def->title.in(lang) : agenda[i]);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        if (list_row(dl, row, title, chosen ? w - buttons_w : w, chosen, !setup.in_catalog, false, fonts)) {
            setup.agenda_cursor = row;
            setup.in_catalog = false;
        }
        if (chosen) {
            ImGui::SetCursorScreenPos(
                ImVec2(at.x + w - buttons_w + ImGui::GetStyle().ItemSpacing.x, at.y + (1.7f * em - b) / 2));
            ImGui::PushID(row);
            if (ImGui::Button("↑", ImVec2(b, b))) {
                out.push_back(cmd::SetAgenda{open->id, agenda_moved(agenda, row, -1)});
                setup.agenda_cursor = std::max(0, row - 1);
            }
            ImGui::SameLine();
            if (ImGui::Button("↓", ImVec2(b, b))) {
                out.push_back(cmd::SetAgenda{open->id, agenda_moved(agenda, row, +1)});
                setup.agenda_cursor = std::min(static_cast<int>(agenda.size()) - 1, row + 1);
            }
            ImGui::SameLine();
            if (ImGui::Button("×", ImVec2(b, b))) out.push_back(cmd::SetAgenda{open->id, agenda_removed(agenda, row)});
            ImGui::PopID();
        }
        ImGui::SetCursorScreenPos(ImVec2(at.x, at.y + 1.7f * em + 0.15f * em));
    }

    ImGui::Dummy(ImVec2(0, 0.5f * em));
    heading(fonts, s.catalogue);
    ImGui::BeginChild("##catalogue", ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
    const float cw = ImGui::GetContentRegionAvail().x;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const int row = static_cast<int>(i);
        const bool on_agenda = std::find(agenda.begin(), agenda.end(), list[i]->id) != agenda.end();
        const std::string title = (on_agenda ? "● " : "+ ") + drawable_text(list[i]->title.in(lang));
        if (list_row(dl, 1000 + row, title, cw, row == setup.catalog_cursor, setup.in_catalog, on_agenda, fonts)) {
            setup.catalog_cursor = row;
            setup.in_catalog = true;
            if (!on_agenda) out.push_back(cmd::SetAgenda{open->id, agenda_added(agenda, list[i]->id)});
        }
        ImGui::Dummy(ImVec2(0, 0.05f * em));
    }
    ImGui::EndChild();
}

void setup_agenda_keys(const Workshop& state, SetupState& setup, std::vector<Command>& out) {
    const Gathering* open = state.open_gathering();
    if (!open) return;
    const std::vector<std::string>& agenda = state.agenda(open->id);
    const auto list = exercise_list(state);
    const bool shift = ImGui::GetIO().KeyShift;
    const int delta = ImGui::IsKeyPressed(GLFW_KEY_DOWN) ? 1 : ImGui::IsKeyPressed(GLFW_KEY_UP) ? -1 : 0;
    if (ImGui::IsKeyPressed(GLFW_KEY_LEFT, false)) setup.in_catalog = false;
    if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT, false)) setup.in_catalog = true;
    if (setup.in_catalog) {
        const int n = static_cast<int>(list.size());
        if (n == 0) return;
        setup.catalog_cursor = std::clamp(setup.catalog_cursor + delta, 0, n - 1);
        if (ImGui::IsKeyPressed(GLFW_KEY_ENTER, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_ENTER, false)) {
            const auto added = agenda_added(agenda, list[static_cast<std::size_t>(setup.catalog_cursor)]->id);
            if (added != agenda) out.push_back(cmd::SetAgenda{open->id, added});
        }
        return;
    }
    const int n = static_cast<int>(agenda.size());
    if (n == 0) return;
    if (delta != 0 && shift) {
        const auto moved = agenda_moved(agenda, setup.agenda_cursor, delta);
        if (moved != agenda) out.push_back(cmd::SetAgenda{open->id, moved});
    }
    setup.agenda_cursor = std::clamp(setup.agenda_cursor + delta, 0, n - 1);
    if (ImGui::IsKeyPressed(GLFW_KEY_DELETE, false) || ImGui::IsKeyPressed(GLFW_KEY_BACKSPACE, false)) {
        out.push_back(cmd::SetAgenda{open->id, agenda_removed(agenda, setup.agenda_cursor)});
        setup.agenda_cursor = std::max(0, setup.agenda_cursor - (setup.agenda_cursor == n - 1 ? 1 : 0));
    }
}

}  // namespace samling
