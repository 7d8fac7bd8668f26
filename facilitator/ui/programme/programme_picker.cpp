// The programme picker: a row per programme (name, gatherings, last used, actions), the
// archived ones on request, a field for a new one, and the question before a deletion. The
// list is read from the shelf when the picker opens and after each change, not every frame.
#include "ui/programme/programme_picker.hpp"

#include <algorithm>
#include <cmath>

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/text.hpp"
#include "ui/panels/control_theme.hpp"
#include "ui/panels/overlay_window.hpp"
#include "ui/programme/setup_screen.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/text/drawable_text.hpp"

namespace samling {
namespace {

ImVec4 f4(ImU32 c) {
    return ImGui::ColorConvertU32ToFloat4(c);
}
std::vector<const ProgrammeListing*> shown(const PickerState& p) {
    std::vector<const ProgrammeListing*> rows;
    for (const auto& l : p.list)
        if (!l.archived || p.show_archived || l.current) rows.push_back(&l);
    return rows;
}

// The shelf's refusals in the room's words; a storage failure says why in the app's words.
std::string why_not(const ProgrammeStrings& s, const Error& e, const std::string& name) {
    if (e.code == Errc::text_empty) return s.picker_name_empty;
    if (e.code == Errc::invalid_request) return fill(s.picker_name_taken, {{"name", name}});
    return fill(s.picker_failed, {{"why", e.message}});
}

void reload(PickerState& p, ProgrammeShelf& shelf, const std::string& choose) {
    p.list = shelf.list();
    p.stale = false;
    const auto rows = shown(p);
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i]->folder == choose || (choose.empty() && rows[i]->current)) p.cursor = static_cast<int>(i);
    p.cursor = std::clamp(p.cursor, 0, std::max(0, static_cast<int>(rows.size()) - 1));
}

void open_programme(ControlState& c, ProgrammeShelf& shelf, const ProgrammeListing& l, const ProgrammeStrings& s,
                    Timestamp now) {
    if (l.current) {
        c.overlay = Overlay::none;
        return;
    }
    c.toast = {fill(s.picker_opening, {{"name", l.name}}), now};
    shelf.open(l.folder);
}

void draw_question(const Frame& frame, PickerState& p, ProgrammeShelf& shelf, ImVec2 size, ControlState& c) {
    const ProgrammeStrings& s = frame.programme;
    const YesNo answer = ask_yes_no(frame, "##picker_confirm", p.question, size, 7.4f);
    const bool yes = answer == YesNo::yes, no = answer == YesNo::no;
    if (yes) {
        auto removed = shelf.remove(p.deleting);
        if (removed) {
            const RemovedProgramme& r = removed.value();
            c.toast = {fill(s.picker_deleted, {{"name", r.name},
                                               {"backups", std::to_string(r.backups)},
                                               {"pictures", std::to_string(r.pictures)},
                                               {"exports", std::to_string(r.exports)}}),
                       frame.now};
            p.message.clear();
        } else {
            p.message = why_not(s, removed.error(), "");
        }
        p.stale = true;
    }
    if (yes || no) {
        p.deleting.clear();
        p.question.clear();
    }
}

}  // namespace

bool picker_asking(const ControlState& c) {
    return c.overlay == Overlay::programmes && !c.picker.deleting.empty();
}

void draw_programme_picker(const Frame& frame, ControlState& c, ProgrammeShelf* shelf, ImVec2 size) {
    const Fonts& fonts = frame.fonts;
    const ProgrammeStrings& s = frame.programme;
    PickerState& p = c.picker;
    const float em = fonts.em;
    if (shelf && p.stale) reload(p, *shelf, p.choose);
    p.choose.clear();
    bool typing = false;

    push_panel_style(fonts);
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(size);
    if (p.focus_new) ImGui::SetNextWindowFocus();
    ImGui::Begin("##programmes", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    draw_text(dl, fonts, fonts.title, top, theme::text, s.picker_title);
    const float pad = ImGui::GetStyle().WindowPadding.x;
    const float hint_w = size.x - 2 * pad - width_of(fonts, fonts.title, s.picker_title) - 2 * em;
    const std::string hint = fit_line(fonts.small, fonts.size(fonts.small), s.picker_keys, hint_w);
    draw_text(dl, fonts, fonts.small,
              ImVec2(top.x + size.x - 2 * pad - width_of(fonts, fonts.small, hint),
                     top.y + fonts.size(fonts.title) - fonts.size(fonts.small)),
              theme::text_dim, hint);
    ImGui::Dummy(ImVec2(0, fonts.size(fonts.title) + 0.6f * em));

    if (!shelf) {
        ImGui::PushTextWrapPos(size.x - 2 * pad);
        ImGui::TextUnformatted(s.picker_single);
        ImGui::PopTextWrapPos();
        ImGui::End();
        pop_panel_style();
        return;
    }

    const float w = std::min(ImGui::GetContentRegionAvail().x, 56 * em);
    const float name_w = std::round(w * 0.42f), count_w = 6 * em, used_w = 7 * em;
    const float x0 = ImGui::GetCursorPosX();
    ImGui::PushFont(fonts.small);
    ImGui::PushStyleColor(ImGuiCol_Text, f4(theme::text_dim));
    ImGui::SetCursorPosX(x0 + 1.4f * em);
    ImGui::TextUnformatted(s.picker_name);
    ImGui::SameLine(x0 + 1.4f * em + name_w);
    ImGui::TextUnformatted(s.picker_gatherings);
    ImGui::SameLine(x0 + 1.4f * em + name_w + count_w);
    ImGui::TextUnformatted(s.picker_last_used);
    ImGui::PopStyleColor();
    ImGui::PopFont();

    const auto rows = shown(p);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const ProgrammeListing& l = *rows[i];
        ImGui::PushID(l.folder.c_str());
        const bool chosen = static_cast<int>(i) == p.cursor;
        ImGui::AlignTextToFramePadding();
        ImGui::SetCursorPosX(x0);
        ImGui::PushStyleColor(ImGuiCol_Text, f4(chosen ? theme::accent : theme::text_dim));
        ImGui::TextUnformatted(chosen ? ">" : " ");
        ImGui::PopStyleColor();
        ImGui::SameLine(x0 + 1.4f * em);
        if (p.renaming == l.folder) {
            if (p.focus_rename) {
                ImGui::SetKeyboardFocusHere();
                p.focus_rename = false;
            }
            ImGui::SetNextItemWidth(name_w - 0.6f * em);
            const bool enter = ImGui::InputText("##rename", &p.rename_text, ImGuiInputTextFlags_EnterReturnsTrue);
            typing |= ImGui::IsItemActive();
            p.opening = !ImGui::IsItemActive() && !enter;  // keep drawing until it listens
            if (enter) {
                const std::string name = text::trim(p.rename_text);
                if (auto done = shelf->rename(l.folder, name); !done) {
                    p.message = why_not(s, done.error(), name);
                } else {
                    p.message.clear();
                    if (l.current) frame.out.push_back(cmd::NameProgramme{name});  // F2's name too
                }
                p.renaming.clear();
                p.choose = l.folder;
                p.stale = true;
            } else if (!ImGui::IsItemActive() && !p.focus_rename && ImGui::IsItemDeactivated()) {
                p.renaming.clear();  // Esc or a click elsewhere: the name stays as it was
                p.opening = false;
            }
        } else {
            ImGui::PushFont(l.current ? fonts.bold : fonts.body);
            ImGui::PushStyleColor(ImGuiCol_Text, f4(l.archived ? theme::text_dim : theme::text));
            const std::string name =
                fit_line(ImGui::GetFont(), ImGui::GetFontSize(), drawable_text(l.name), name_w - 0.6f * em);
            ImGui::TextUnformatted(name.c_str());
            ImGui::PopStyleColor();
            ImGui::PopFont();
        }
        ImGui::SameLine(x0 + 1.4f * em + name_w);
        ImGui::TextUnformatted(std::to_string(l.gatherings).c_str());
        ImGui::SameLine(x0 + 1.4f * em + name_w + count_w);
        ImGui::TextUnformatted(l.last_used ? short_date(s, l.last_used).c_str() : s.picker_never);
        ImGui::SameLine(x0 + 1.4f * em + name_w + count_w + used_w);
        if (l.current) {
            ImGui::PushStyleColor(ImGuiCol_Button, f4(theme::accent));
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, f4(theme::accent));
            ImGui::PushStyleColor(ImGuiCol_Text, f4(theme::accent_text));
            ImGui::Button(s.picker_is_open);
            ImGui::PopStyleColor(3);
        } else if (ImGui::Button(s.picker_open)) {
            open_programme(c, *shelf, l, s, frame.now);
        }
        ImGui::SameLine();
        if (small_button(fonts, s.picker_rename)) {
            p.renaming = l.folder;
            p.rename_text = l.name;
            p.focus_rename = p.opening = true;
        }
        // The open programme is neither archived nor deleted from under the room.
        if (!l.current) {
            ImGui::SameLine();
            if (small_button(fonts, l.archived ? s.picker_unarchive : s.picker_archive)) {
                if (auto done = shelf->archive(l.folder, !l.archived); !done) p.message = why_not(s, done.error(), "");
                p.stale = true;
            }
            ImGui::SameLine();
            if (small_button(fonts, s.picker_delete)) {
                p.deleting = l.folder;
                p.question = fill(s.picker_delete_question, {{"name", l.name}});
            }
        }
        ImGui::PopID();
    }

    // A new programme: Enter (or the button) makes it and chooses its row; Enter again opens it.
    ImGui::Dummy(ImVec2(0, 0.4f * em));
    ImGui::SetCursorPosX(x0 + 1.4f * em);
    if (p.focus_new) {
        ImGui::SetKeyboardFocusHere();
        p.focus_new = false;
    }
    ImGui::SetNextItemWidth(name_w + count_w - 0.6f * em);
    const bool enter = ImGui::InputTextWithHint("##new_programme", s.picker_new_hint, &p.new_name,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    // An empty field leaves ↑ ↓ and Enter to the rows, so F2 F2 ↑ Enter switches at once.
    const bool new_active = ImGui::IsItemActive() || ImGui::IsItemDeactivated();  // Enter leaves it
    const bool name_typed = !text::trim(p.new_name).empty();
    typing |= new_active && name_typed;
    ImGui::SameLine();
    const bool make = (enter || ImGui::Button(s.picker_create)) && name_typed;
    if (make) {
        const std::string name = text::trim(p.new_name);
        auto made = shelf->create(name);
        if (made) {
            p.new_name.clear();
            p.message.clear();
            p.choose = made.value();
        } else {
            p.message = why_not(s, made.error(), name);
        }
        p.stale = true;
    }
    const int archived = static_cast<int>(
        std::count_if(p.list.begin(), p.list.end(), [](const ProgrammeListing& l) { return l.archived; }));
    if (archived > 0) {
        ImGui::SetCursorPosX(x0 + 1.4f * em);
        ImGui::Checkbox(fill(s.picker_show_archived, {{"n", std::to_string(archived)}}).c_str(), &p.show_archived);
    }
    if (!p.message.empty()) {
        ImGui::SetCursorPosX(x0 + 1.4f * em);
        ImGui::PushStyleColor(ImGuiCol_Text, f4(theme::accent));
        ImGui::TextUnformatted(drawable_text(p.message).c_str());
        ImGui::PopStyleColor();
    }
    ImGui::End();
    pop_panel_style();

    if (!p.deleting.empty()) {
        draw_question(frame, p, *shelf, size, c);
    } else if (!typing && !p.was_typing && !rows.empty() && (new_active || !ImGui::GetIO().WantTextInput)) {
        // The rows' keys, while no field holds typed text (this frame or the last).
        const int n = static_cast<int>(rows.size());
        if (ImGui::IsKeyPressed(GLFW_KEY_DOWN)) p.cursor = (p.cursor + 1) % n;
        if (ImGui::IsKeyPressed(GLFW_KEY_UP)) p.cursor = (p.cursor + n - 1) % n;
        p.cursor = std::clamp(p.cursor, 0, n - 1);
        const bool enter_key =
            ImGui::IsKeyPressed(GLFW_KEY_ENTER, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_ENTER, false);
        const ProgrammeListing& chosen = *rows[static_cast<std::size_t>(p.cursor)];
        if (enter_key && !p.stale) open_programme(c, *shelf, chosen, s, frame.now);
        if (ImGui::IsKeyPressed(GLFW_KEY_DELETE, false) && !chosen.current) {  // asks first, as the button
            p.deleting = chosen.folder;
            p.question = fill(s.picker_delete_question, {{"name", chosen.name}});
        }
    }
    p.was_typing = typing;
}

}  // namespace samling
