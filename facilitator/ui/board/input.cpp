// Board input, frame by frame: hit-testing through the zoom and pan, the drag state, what a
// drop means in each layout, the board keys and the small popups. Commands only; no GLFW
// window calls, no hub. Keys use the 1.86 API (GLFW key codes through ImGui's key index).
#include "ui/board/input.hpp"

#include <algorithm>
#include <cmath>

#include <GLFW/glfw3.h>  // key codes only
#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/theme.hpp"

namespace samling {
namespace {

bool inside(ImVec2 p, ImVec2 a, ImVec2 b) {
    return p.x >= a.x && p.x < b.x && p.y >= a.y && p.y < b.y;
}

// The topmost card under the window point `p` (cards drawn later lie on top), other than `except`.
const SceneCard* card_at(const LaidOutBoard& b, const BoardTransform& v, ImVec2 p, Id except) {
    for (auto it = b.scene.cards.rbegin(); it != b.scene.cards.rend(); ++it)
        if (b.model.cards[it->card].note != except && inside(p, v.to_screen(it->min), v.to_screen(it->max)))
            return &*it;
    return nullptr;
}

int box_at(const BoardScene& s, const BoardTransform& v, ImVec2 p) {
    for (std::size_t i = 0; i < s.boxes.size(); ++i)
        if (inside(p, v.to_screen(s.boxes[i].min), v.to_screen(s.boxes[i].max))) return static_cast<int>(i);
    return -1;
}

const SceneCard* scene_card(const LaidOutBoard& b, Id note) {
    for (const SceneCard& c : b.scene.cards)
        if (b.model.cards[c.card].note == note) return &c;
    return nullptr;
}

bool is_map(const BoardScene& s) {
    return s.kind == SceneKind::rings || s.kind == SceneKind::grid;
}

// A zone a card may be moved into: a zone of the exercise, or the one area of a board without zones.
bool placeable(const BoardModel& m, int zone) {
    if (zone < 0 || zone >= static_cast<int>(m.zones.size())) return false;
    const ModelZone& z = m.zones[static_cast<std::size_t>(zone)];
    return !z.id.empty() || z.label.empty();
}

struct Drop {
    Id merge_into = 0;
    int box = -1;
    DropSpot spot;
};

// What releasing the dragged card here would do. `pointer` picks the card or box under it; maps
// place the card where its centre is, so it lands where it is seen.
Drop drop_at(const LaidOutBoard& b, const BoardTransform& v, ImVec2 pointer, ImVec2 card_centre, Id dragged) {
    Drop d;
    if (const SceneCard* target = card_at(b, v, pointer, dragged)) {
        d.merge_into = b.model.cards[target->card].note;
        return d;
    }
    d.box = box_at(b.scene, v, pointer);
    d.spot = drop_spot(b.scene, v.to_board(is_map(b.scene) ? card_centre : pointer));
    return d;
}

void emit_drop(const LaidOutBoard& b, const Drop& d, const ModelCard& card, std::vector<Command>& out) {
    const BoardModel& m = b.model;
    if (d.merge_into) {
        out.push_back(cmd::MergeNotes{d.merge_into, card.note});
        return;
    }
    if (d.box >= 0) {
        const ModelCluster& cl = m.clusters[b.scene.boxes[static_cast<std::size_t>(d.box)].cluster];
        if (cl.id != card.cluster) out.push_back(cmd::SetCluster{card.note, cl.id});
        return;
    }
    if (is_map(b.scene)) {
        const int zone = d.spot.zone >= 0 ? d.spot.zone : card.zone;  // the grid's tray keeps the zone
        if (placeable(m, zone))
            out.push_back(cmd::PlaceNote{card.note, m.zones[static_cast<std::size_t>(zone)].id, d.spot.x, d.spot.y});
        return;
    }
    if (!placeable(m, d.spot.zone)) return;
    if (d.spot.zone != card.zone)
        out.push_back(cmd::PlaceNote{card.note, m.zones[static_cast<std::size_t>(d.spot.zone)].id, unplaced, unplaced});
    else if (card.cluster != 0 && card.depth == 0)
        out.push_back(cmd::SetCluster{card.note, 0});  // out of its box, into the open column
}

void open_popup(BoardInteraction& ui, BoardPopup which, Id subject, std::string draft) {
    ui.popup = which;
    ui.popup_opening = true;
    ui.subject = subject;
    ui.draft = std::move(draft);
    ui.draft_fresh = true;
    ui.asking_flag = false;
    ui.pressed = 0;
    ui.dragging = false;
}

bool key(int glfw_key) {
    return ImGui::IsKeyPressed(glfw_key, false);
}

}  // namespace

void board_input(const Workshop& state, Id group, const LaidOutBoard& b, ImVec2 min, ImVec2 max, float em,
                 BoardInteraction& ui, std::vector<Command>& out) {
    const ImGuiIO& io = ImGui::GetIO();
    const BoardModel& m = b.model;
    std::erase_if(ui.selected, [&](Id id) { return !scene_card(b, id); });
    ui.marks = {};
    ui.marks.selected = ui.selected;

    ImGui::SetCursorScreenPos(min);
    ImGui::InvisibleButton(
        "##board", ImVec2(std::max(1.0f, max.x - min.x), std::max(1.0f, max.y - min.y)),
        ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight | ImGuiButtonFlags_MouseButtonMiddle);
    const bool hovered = ImGui::IsItemHovered();
    const bool active = ImGui::IsItemActive();
    if (m.mode != BoardModel::Mode::cards || !group) {
        ui.pressed = 0;
        ui.dragging = false;
        return;
    }
    const ImVec2 mouse = io.MousePos;

    // Zoom about the pointer, pan with the right or middle button.
    if (hovered && io.MouseWheel != 0 && !io.KeyCtrl) {
        const BoardTransform before{min, ui.zoom, ui.pan};
        const ImVec2 p = before.to_board(mouse);
        ui.zoom = std::clamp(ui.zoom * std::pow(1.15f, io.MouseWheel), 0.5f, 4.0f);
        ui.pan = ImVec2(mouse.x - min.x - (p.x - min.x) * ui.zoom, mouse.y - min.y - (p.y - min.y) * ui.zoom);
    }
    if (active && (io.MouseDown[1] || io.MouseDown[2])) {
        ui.pan.x += io.MouseDelta.x;
        ui.pan.y += io.MouseDelta.y;
    }
    const BoardTransform view{min, ui.zoom, ui.pan};
    const SceneCard* under = hovered || ui.dragging ? card_at(b, view, mouse, ui.dragging ? ui.pressed : 0) : nullptr;
    const ModelCard* under_card = under ? &m.cards[under->card] : nullptr;
    ui.marks.hovered = under_card && !ui.dragging ? under_card->note : 0;

    if (hovered && ImGui::IsMouseDoubleClicked(0) && !io.KeyCtrl) {
        if (under_card) {
            const Note* n = state.note(under_card->note);
            open_popup(ui, BoardPopup::edit_note, under_card->note, n ? n->text : under_card->text);
        } else if (const int box = box_at(b.scene, view, mouse); box >= 0) {
            const SceneBox& sb = b.scene.boxes[static_cast<std::size_t>(box)];
            if (mouse.y < view.to_screen(ImVec2(sb.min.x, sb.min.y + b.scene.header)).y) {
                const ModelCluster& cl = m.clusters[sb.cluster];
                const Cluster* raw = state.cluster(cl.id);
                open_popup(ui, BoardPopup::rename_cluster, cl.id, raw ? raw->name : cl.name);
            }
        }
    } else if (hovered && ImGui::IsMouseClicked(0)) {
        if (under_card && io.KeyCtrl) {
            auto it = std::find(ui.selected.begin(), ui.selected.end(), under_card->note);
            if (it == ui.selected.end())
                ui.selected.push_back(under_card->note);
            else
                ui.selected.erase(it);
            ui.marks.selected = ui.selected;
        } else if (under) {
            ui.pressed = under_card->note;
            ui.press_at = mouse;
            const ImVec2 corner = view.to_screen(under->min);
            ui.grab = ImVec2(mouse.x - corner.x, mouse.y - corner.y);
        } else if (!io.KeyCtrl) {
            ui.selected.clear();
            ui.marks.selected.clear();
        }
    }

    // Dragging: a few pixels of travel first, so a click stays a click.
    const SceneCard* dragged = ui.pressed ? scene_card(b, ui.pressed) : nullptr;
    if (!dragged) ui.pressed = 0;
    if (dragged && io.MouseDown[0] && !ui.dragging) {
        const float dx = mouse.x - ui.press_at.x, dy = mouse.y - ui.press_at.y;
        ui.dragging = dx * dx + dy * dy > 0.09f * em * em;
    }
    if (dragged && ui.dragging) {
        const ImVec2 corner(mouse.x - ui.grab.x, mouse.y - ui.grab.y);
        const ImVec2 centre(corner.x + (dragged->max.x - dragged->min.x) * ui.zoom / 2,
                            corner.y + (dragged->max.y - dragged->min.y) * ui.zoom / 2);
        const Drop d = drop_at(b, view, mouse, centre, ui.pressed);
        ui.marks.dragged = ui.pressed;
        ui.marks.drag_min = corner;
        ui.marks.merge_target = d.merge_into;
        ui.marks.box_target = d.box;
        ui.marks.zone_target = d.spot.zone;
        if (!io.MouseDown[0]) emit_drop(b, d, m.cards[dragged->card], out);
    }
    if (!io.MouseDown[0]) {
        ui.pressed = 0;
        ui.dragging = false;
    }

    // Keys: never while a text field has the keyboard.
    if (io.WantTextInput || ui.popup != BoardPopup::none) return;
    if (ui.marks.hovered && !io.KeyCtrl) {
        if (key(GLFW_KEY_H)) out.push_back(cmd::HighlightNote{under_card->note, !under_card->highlighted});
        if (key(ImGui::GetKeyIndex(ImGuiKey_Delete))) {
            out.push_back(cmd::RemoveNote{under_card->note});
            std::erase(ui.selected, under_card->note);
        }
    }
    if (!ui.selected.empty() && !is_map(b.scene) && !io.KeyCtrl && key(GLFW_KEY_C)) {
        const SceneCard* first = scene_card(b, ui.selected.front());
        const ModelZone& zone = m.zones[static_cast<std::size_t>(m.cards[first->card].place_zone)];
        open_popup(ui, BoardPopup::name_cluster, 0, "");
        ui.zone = zone.id;
    }
    if (hovered && !io.KeyCtrl && (key(GLFW_KEY_0) || key(GLFW_KEY_KP_0))) {
        ui.zoom = 1;
        ui.pan = ImVec2(0, 0);
    }
}

void board_popups(Id group, const BoardStrings& words, float em, BoardInteraction& ui, std::vector<Command>& out) {
    static constexpr const char* ids[] = {"", "###board_edit_note", "###board_name_cluster", "###board_rename_cluster"};
    if (ui.popup == BoardPopup::none) return;
    const char* title = ui.popup == BoardPopup::edit_note      ? words.edit_title
                        : ui.popup == BoardPopup::name_cluster ? words.cluster_title
                                                               : words.rename_title;
    const std::string name = std::string(title) + ids[static_cast<int>(ui.popup)];
    if (ui.popup_opening) {
        ImGui::OpenPopup(name.c_str());
        ui.popup_opening = false;
    }
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.9f * em, 0.9f * em));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.5f * em, 0.6f * em));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0.5f * em, 0.35f * em));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.4f * em);
    bool done = false, save = false;
    if (ImGui::BeginPopupModal(name.c_str(), nullptr,
                               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        // The cursor starts at the end of the text, where an edit usually goes.
        const ImGuiInputTextCallback to_end = [](ImGuiInputTextCallbackData* data) {
            auto* fresh = static_cast<bool*>(data->UserData);
            if (*fresh) data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
            *fresh = false;
            return 0;
        };
        const ImGuiInputTextFlags flags = ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackAlways;
        // A red button: what it does cannot be taken back.
        const auto alarm_button = [&](const char* label) {
            ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(theme::alarm));
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(theme::alarm));
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::text));
            const bool pressed = ImGui::Button(label);
            ImGui::PopStyleColor(3);
            return pressed;
        };
        if (ui.popup == BoardPopup::edit_note && ui.asking_flag) {
            // Personal data: asked first, in words that say it cannot be undone (as deleting a group).
            ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 22 * em);
            ImGui::TextUnformatted(words.flag_personal_question);
            ImGui::PopTextWrapPos();
            if (alarm_button(words.flag_personal_yes)) {
                out.push_back(cmd::FlagPersonal{ui.subject});
                std::erase(ui.selected, ui.subject);
                done = true;
            }
            ImGui::SameLine();
            if (ImGui::Button(words.cancel) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
                done = true;
        } else {
            if (ui.popup == BoardPopup::edit_note)
                save =
                    ImGui::InputTextMultiline("##text", &ui.draft, ImVec2(22 * em, 5 * em),
                                              flags | ImGuiInputTextFlags_CtrlEnterForNewLine, to_end, &ui.draft_fresh);
            else
                save = ImGui::InputText("##name", &ui.draft, flags, to_end, &ui.draft_fresh);
            if (ImGui::Button(ui.popup == BoardPopup::name_cluster ? words.make_cluster : words.save)) save = true;
            ImGui::SameLine();
            if (ImGui::Button(words.cancel) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
                done = true;
            // The note names a child or a case: it goes for good, after one question.
            if (ui.popup == BoardPopup::edit_note && alarm_button(words.flag_personal)) ui.asking_flag = true;
            if (save) {
                switch (ui.popup) {
                    case BoardPopup::edit_note:
                        out.push_back(cmd::SetNoteText{ui.subject, ui.draft});
                        break;
                    case BoardPopup::rename_cluster:
                        out.push_back(cmd::RenameCluster{ui.subject, ui.draft});
                        break;
                    case BoardPopup::name_cluster:
                        out.push_back(cmd::MakeCluster{group, ui.zone, ui.draft, ui.selected});
                        ui.selected.clear();
                        break;
                    case BoardPopup::none:
                        break;
                }
                done = true;
            }
        }
        if (done) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    } else {
        done = true;  // closed from outside
    }
    ImGui::PopStyleVar(4);
    if (done) {
        ui.popup = BoardPopup::none;
        ui.draft.clear();
        ui.asking_flag = false;
    }
}

}  // namespace samling
