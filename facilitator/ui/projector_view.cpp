// The projector's frame layout, in units of the body font height so it scales with the type,
// and the order things are drawn in: the room's view first, the facilitator's panels over it.
// No GLFW functions, OpenGL or hub: it reads a snapshot, draws, and appends commands.
#include "ui/projector_view.hpp"

#include <algorithm>
#include <cmath>

#include "core/participant_view.hpp"
#include "core/retention.hpp"
#include "ui/board/carry_band.hpp"
#include "ui/panels/conclusion_panel.hpp"
#include "ui/panels/confirm.hpp"
#include "ui/panels/control_theme.hpp"
#include "ui/panels/controls.hpp"
#include "ui/panels/group_number.hpp"
#include "ui/panels/group_strip.hpp"
#include "ui/panels/help_overlay.hpp"
#include "ui/panels/lead_ask.hpp"
#include "ui/panels/note_popup.hpp"
#include "ui/panels/overlay_window.hpp"
#include "ui/panels/overview.hpp"
#include "ui/panels/phone_preview.hpp"
#include "ui/panels/remote_panel.hpp"
#include "ui/panels/room_strings.hpp"
#include "ui/panels/start_panel.hpp"
#include "ui/panels/step_bar.hpp"
#include "ui/panels/top_bar.hpp"
#include "ui/presenter/presenter_column.hpp"
#include "ui/programme/earlier_runs.hpp"
#include "ui/programme/log_view.hpp"
#include "ui/programme/programme_picker.hpp"
#include "ui/programme/programme_strings.hpp"
#include "ui/programme/setup_screen.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/text/drawable_text.hpp"

namespace samling {
namespace {

// Applies the keys' requests and falls back to the first group when the focus is gone.
Id resolve_focus(const Workshop& state, ViewState& view) {
    const std::vector<Id> ids = group_order(state);
    if (ids.empty()) return 0;
    if (view.focus_index >= 0 && view.focus_index < static_cast<int>(ids.size()))
        view.focused = ids[static_cast<std::size_t>(view.focus_index)];
    view.focus_index = -1;
    auto it = std::find(ids.begin(), ids.end(), view.focused);
    if (it == ids.end()) it = ids.begin();
    if (view.focus_step != 0) {
        const auto n = static_cast<long>(ids.size());
        const long i = ((it - ids.begin()) + view.focus_step % n + n) % n;
        it = ids.begin() + i;
        view.focus_step = 0;
    }
    view.focused = *it;
    return view.focused;
}

// A new step sets the panels up for it: a conclude step opens the conclusion panel, any other
// step closes it (K still toggles it within the step).
void follow_step(const Workshop& state, Id group, ControlState& c) {
    const ExerciseRun* run = group ? state.current_run(group) : nullptr;
    const Step* step = run ? state.current_step(*run) : nullptr;
    if (!run || !step) {
        c.conclusion = false;
        c.step_seen_run = 0;
        return;
    }
    if (run->id == c.step_seen_run && run->step == c.step_seen) return;
    c.step_seen_run = run->id;
    c.step_seen = run->step;
    c.conclusion = step->kind == StepKind::conclude;
}

// Where everything goes.
struct FrameLayout {
    ImVec2 panel_min, panel_max;
    float left = 0, right = 0;
    TopBar bar;
    float divider_y = 0;
    CarryBand carry;  // between the divider and the board; height 0 when nothing carries over
    ImVec2 carry_min;
    ImVec2 board_min, board_max;
    float strip_top = 0, strip_bottom = 0, steps_top = 0;
};

// What the frame leaves out: J (join panel and group strip), F (everything but the board).
struct Hidden {
    bool join = false, strip = false, all = false;
};

Hidden hidden_of(const ViewState& view) {
    if (view.presenter) return {};  // the facilitator sees everything; J and F are the projector's
    // The phone preview stands where the join panel is: asked for, it is shown.
    return {view.room_hidden && !view.controls.preview, view.room_hidden, view.focus_mode};
}

// A crowded board gets a compact frame (narrower join panel, smaller prompt) before its cards
// shrink further.
FrameLayout make_frame(const Workshop& state, const Presence& presence, Id group, const ProjectorContent& content,
                       const Fonts& fonts, ImVec2 size, Timestamp now, bool compact, Hidden hidden = {}) {
    const float em = fonts.em;
    const float margin = std::round(1.0f * em);
    const float gutter = std::round(1.2f * em);
    FrameLayout f;
    const float panel_w = join_panel_width(size.x, fonts, compact);
    f.panel_min = ImVec2(size.x - margin - panel_w, margin);
    f.panel_max = ImVec2(size.x - margin, size.y - margin);
    f.left = margin;
    f.right = hidden.join || hidden.all ? size.x - margin : f.panel_min.x - gutter;
    if (hidden.all) {  // focus mode: the board, edge to edge within the margin
        f.board_min = ImVec2(margin, margin);
        f.board_max = ImVec2(size.x - margin, size.y - margin);
        f.divider_y = f.strip_top = f.strip_bottom = f.steps_top = size.y - margin;
        return f;
    }
    f.bar =
        make_top_bar(state, presence, group, f.right - f.left, fonts, *content.strings, content.language, now, compact);
    f.divider_y = std::round(margin + f.bar.height + 0.6f * em);
    f.steps_top = size.y - margin - step_bar_height(fonts);
    f.strip_bottom = f.steps_top - 0.6f * em;
    f.strip_top = hidden.strip ? f.strip_bottom + 0.3f * em
                               : f.strip_bottom - group_strip_height(static_cast<int>(group_order(state).size()),
                                                                     f.right - f.left, fonts);
    f.carry = make_carry_band(state, group, content.language, fonts, f.right - f.left, compact);
    f.carry_min = ImVec2(f.left, f.divider_y + 0.8f * em);
    const float carry_h = f.carry.height > 0 ? f.carry.height + 0.8f * em : 0.0f;
    f.board_min = ImVec2(f.left, f.divider_y + 0.8f * em + carry_h);
    f.board_max = ImVec2(f.right, f.strip_top - 0.9f * em);
    return f;
}

// The bottom row: the focused group's steps as pills, then the key hint in what is left.
void draw_bottom_row(const Frame& frame, ImDrawList* dl, Id group, const FrameLayout& f, bool key_hint = true) {
    const Workshop& state = frame.state;
    const Fonts& fonts = frame.fonts;
    const UiStrings& s = frame.words;
    const ExerciseRun* run = group ? state.current_run(group) : nullptr;
    const ExerciseDefinition* def = run ? state.definition(*run) : nullptr;
    float used = 0;
    if (def) {
        const int clicked = draw_step_bar(dl, *def, run->step, ImVec2(f.left, f.steps_top), f.right, fonts, s, &used);
        if (clicked >= 0 && clicked != run->step) frame.out.push_back(cmd::GoToStep{group, clicked});
        used += 0.6f * fonts.em;
    }
    if (!key_hint) return;
    const float hint_y = f.steps_top + (step_bar_height(fonts) - fonts.size(fonts.small)) / 2;
    // Whole items of the hint, as many as fit, never a word cut in half.
    const std::string_view all = s.key_hint, sep = "  ·  ";
    std::string hint;
    for (std::size_t at = 0; at < all.size();) {
        const std::size_t end = std::min(all.find(sep, at), all.size());
        const std::string longer =
            hint + (hint.empty() ? "" : std::string(sep)) + std::string(all.substr(at, end - at));
        if (width_of(fonts, fonts.small, longer) > f.right - f.left - used) break;
        hint = longer;
        at = end + sep.size();
    }
    draw_text(dl, fonts, fonts.small, ImVec2(f.right - width_of(fonts, fonts.small, hint), hint_y), theme::text_dim,
              hint);
}

std::string join_line(const Workshop& state, const ProjectorContent& content) {
    const UiStrings& s = *content.strings;
    std::string code = state.room() ? state.room()->code : content.address.room;
    for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return std::string(s.join_heading) + ": " + content.address.host_port + "  ·  " + s.room_code + " " + code;
}

// The room's view: top bar, board (or conclusion), strip, steps, join panel (or phone).
void draw_room(const Frame& frame, ImDrawList* dl, Id group, ViewState& view, const ProjectorContent& content,
               ImVec2 size, float pixels_per_unit, bool conclusion_visible) {
    const Workshop& state = frame.state;
    const Fonts& fonts = frame.fonts;
    const Timestamp now = frame.now;
    const UiStrings& s = frame.words;
    const float em = fonts.em;
    const Hidden hidden = hidden_of(view);
    FrameLayout f = make_frame(state, view.presence, group, content, fonts, size, now, false, hidden);
    // The phone preview needs the full panel width; the conclusion panel never crowds.
    if (group && !conclusion_visible && !view.controls.preview && f.board_max.y > f.board_min.y + 2 * em &&
        board_crowded(state, group, f.board_min, f.board_max, fonts, s, content.language, view.board))
        f = make_frame(state, view.presence, group, content, fonts, size, now, true, hidden);
    if (hidden.all) {  // focus mode: the board (or the conclusion) alone
        view.board_min = f.board_min;
        view.board_max = f.board_max;
        if (state.groups().empty()) return;
        if (conclusion_visible)
            draw_conclusion_panel(frame, group, view.controls.conclusion_edit, f.board_min, f.board_max);
        else
            board_frame(frame, group, f.board_min, f.board_max, view.board, &view.controls.indicator);
        return;
    }
    if (!hidden.join) {  // J hidden: nothing where the join panel was, the board has its room
        if (view.controls.preview && group) {
            draw_phone_preview(dl, preview_for(state, group, now, &view.presence), f.panel_min, f.panel_max, fonts, s);
        } else if (view.presenter) {
            const std::string pairing = content.remote_pairing_url ? content.remote_pairing_url(now) : "";
            draw_presenter_column(frame, dl, group, f.panel_min, f.panel_max, pairing_qr(view.remote_qr, pairing),
                                  pixels_per_unit);
        } else {
            const std::string room_code = state.room() ? state.room()->code : std::string();
            draw_join_panel(dl, f.panel_min, f.panel_max, fonts, s, content.qr, content.address, room_code,
                            pixels_per_unit);
        }
    }
    draw_top_bar(dl, f.bar, ImVec2(f.left, std::round(1.0f * em)), f.right, fonts, s);
    dl->AddLine(snap(ImVec2(f.left, f.divider_y)), snap(ImVec2(f.right, f.divider_y)), theme::panel,
                std::max(1.0f, std::round(0.08f * em)));

    if (state.groups().empty()) {
        dl->AddText(fonts.title, fonts.size(fonts.title),
                    snap(ImVec2(f.left, (f.board_min.y + f.strip_bottom - fonts.size(fonts.title)) / 2)),
                    theme::text_muted, s.no_groups);
        draw_bottom_row(frame, dl, group, f, !view.room_only);
        return;
    }
    draw_carry_band(dl, f.carry, f.carry_min, ImVec2(f.right, f.carry_min.y + f.carry.height), fonts);
    view.board_min = f.board_min;
    view.board_max = f.board_max;
    if (f.board_max.y > f.board_min.y + 2 * em) {
        if (conclusion_visible)
            draw_conclusion_panel(frame, group, view.controls.conclusion_edit, f.board_min, f.board_max);
        else
            board_frame(frame, group, f.board_min, f.board_max, view.board, &view.controls.indicator);
    }
    if (!hidden.strip) {
        const Id clicked =
            draw_group_strip(frame, dl, group, ImVec2(f.left, f.strip_top), ImVec2(f.right, f.strip_bottom));
        if (clicked) view.focused = clicked;
    }
    draw_bottom_row(frame, dl, group, f, !view.room_only);
}

// The ImGui window the frame is drawn in: the whole GLFW window, no decoration of its own.
ImDrawList* begin_whole_window(const char* id, ImVec2 size) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(size);
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav |
                     ImGuiWindowFlags_NoScrollWithMouse);
    return ImGui::GetWindowDrawList();
}

// While saves fail (a full disk, a folder gone), a red band at the top says so in words, and
// the store's own: the facilitator must know before a phone says "not saved" twice.
void draw_storage_alarm(ImDrawList* dl, const std::string& why, ImVec2 size, const Fonts& fonts, Language lang) {
    const float em = fonts.em;
    const std::string line = fit_line(
        fonts.bold, em, fill(room_strings(lang).storage_failed, {{"why", drawable_text(why)}}), size.x - 3 * em);
    const ImVec2 a(0, 0), b(size.x, 2.2f * em);
    dl->AddRectFilled(a, b, theme::alarm);
    draw_text(dl, fonts, fonts.bold, ImVec2(1.5f * em, 0.6f * em), theme::text, line);
}

// When the programme's retention time has passed, an amber band says so until something is
// done about it (a new gathering, a longer setting, deleting): Samling never deletes by itself.
void draw_retention_band(ImDrawList* dl, const RetentionDue& due, float top, ImVec2 size, const Fonts& fonts,
                         Language lang) {
    const float em = fonts.em;
    const std::string line =
        fit_line(fonts.bold, em,
                 fill(room_strings(lang).retention_passed,
                      {{"months", std::to_string(due.months)}, {"date", due.last_gathering}, {"since", due.passed_on}}),
                 size.x - 3 * em);
    dl->AddRectFilled(ImVec2(0, top), ImVec2(size.x, top + 2.2f * em), theme::accent);
    draw_text(dl, fonts, fonts.bold, ImVec2(1.5f * em, top + 0.6f * em), theme::accent_text, line);
}

}  // namespace

void draw_projector(const Workshop& state, ViewState& view, const ProjectorContent& content, const Fonts& fonts,
                    ImVec2 size, float pixels_per_unit, Timestamp now, std::vector<Command>& out) {
    const float em = fonts.em;
    const UiStrings& s = *content.strings;
    const ProgrammeStrings& ps = programme_strings(content.language);
    const Frame frame{state, view.presence, fonts, content.language, s, ps, now, out};
    ControlState& c = view.controls;

    ImDrawList* dl = begin_whole_window("##projector", size);
    if (view.snapshot_frame && c.snapshot.run) {
        // The run's board alone, where the room sees its group's board, whole (zoom 1): no keys,
        // panels or toast. The loop reads the board's rectangle back and never shows the frame.
        const FrameLayout f = make_frame(state, view.presence, c.snapshot.group, content, fonts, size, now, false);
        view.board_min = f.board_min;
        view.board_max = f.board_max;
        if (const auto it = state.runs().find(c.snapshot.run); it != state.runs().end())
            draw_board_picture(state, it->second, f.board_min, f.board_max, fonts, s, content.language);
        ImGui::End();
        return;
    }
    Id group = resolve_focus(state, view);
    // A room without leader groups starts on the setup screen (once; F2 brings it back).
    if (!c.setup_offered) {
        c.setup_offered = true;
        if (state.groups().empty() && c.overlay == Overlay::none) {
            c.overlay = Overlay::setup;
            c.setup.focus_first = true;
        }
    }
    if (c.snapshot.pictured) {  // the loop has written the picture, or failed to
        const LeaderGroup* g = state.group(c.snapshot.group);
        show_toast(c,
                   c.snapshot.error.empty() ? fill(ps.saved_to_log, {{"group", g ? g->name : std::string()}})
                                            : fill(ps.picture_failed, {{"why", c.snapshot.error}}),
                   now);
        c.snapshot = PendingSnapshot{};
    }
    control_keys(frame, group, c);
    if (c.number.pick >= 0) {  // a group's number was typed: focus it in this frame already
        view.focus_index = c.number.pick;
        c.number.pick = -1;
        group = resolve_focus(state, view);
    }
    if (c.overlay == Overlay::add_note && c.note.group != group) {
        c.note = NotePopupState{};
        c.note.group = group;
        c.note.focus = true;
    }
    follow_step(state, group, c);

    const bool panel_open = c.overlay == Overlay::start_exercise || c.overlay == Overlay::add_note;
    const float margin = std::round(1.0f * em);
    const ImVec2 page_min(margin, margin), page_max(size.x - margin, size.y - margin);
    bool conclusion_drawn = false;
    if (c.overlay == Overlay::overview) {
        // Groups gone since they were ticked drop out of the ticks.
        std::erase_if(c.ticked, [&](Id id) { return !state.group(id); });
        const Id clicked = draw_overview(frame, dl, group, page_min, page_max, join_line(state, content), c.ticked);
        if (clicked && ImGui::GetIO().KeyCtrl) {  // Ctrl+click ticks (or unticks) for T and Ctrl+Enter
            if (!c.ticked.erase(clicked)) c.ticked.insert(clicked);
        } else if (clicked) {
            view.focused = clicked;
            c.overlay = Overlay::none;
        }
    } else if (c.overlay == Overlay::project_log) {
        // Runs the group left in this gathering stand under its log, each to be reopened.
        const float earlier = earlier_runs_height(state, group, fonts);
        const ImVec2 log_max(page_max.x, page_max.y - (earlier > 0 ? earlier + 0.6f * em : 0.0f));
        if (draw_project_log(frame, group, c.reading, page_min, log_max, content.data_dir, content.thumbnails))
            c.export_requested = true;
        if (earlier > 0) draw_earlier_runs(frame, group, ImVec2(page_min.x, page_max.y - earlier), page_max.x);
    } else if (c.overlay == Overlay::since_last_time) {
        const Id clicked = draw_since_last_time(frame, group, c.reading, page_min, page_max);
        if (clicked) {  // a tile opens that group's project log
            view.focused = clicked;
            c.overlay = Overlay::project_log;
        }
    } else if (c.overlay != Overlay::setup && c.overlay != Overlay::programmes) {
        conclusion_drawn = c.conclusion && !panel_open;
        draw_room(frame, dl, group, view, content, size, pixels_per_unit, conclusion_drawn);
    }
    if (panel_open || c.overlay == Overlay::remote || c.overlay == Overlay::table_screen) draw_scrim(dl, size);
    ImGui::End();
    // The conclusion panel went away (a step change, a panel opened) with a field open: keep
    // what was typed.
    if (!conclusion_drawn) leave_conclusion_field(c.conclusion_edit, out);

    if (c.overlay == Overlay::setup) draw_setup(frame, c, size);
    if (c.overlay == Overlay::programmes) draw_programme_picker(frame, c, content.programmes, size);
    if (c.overlay == Overlay::start_exercise) {
        std::vector<Command> starts;
        if (!draw_start_panel(frame, c.start, size, starts)) c.overlay = Overlay::none;
        const auto* first = starts.empty() ? nullptr : std::get_if<cmd::StartExercise>(&starts.front());
        const ExerciseDefinition* def = first ? state.catalog().find(first->exercise) : nullptr;
        const std::string title = def ? def->title.in(content.language) : std::string();
        std::string question = fill_question(s.confirm_start, title, groups_in(starts));
        ask_or_post(c, std::move(question), std::move(starts), out);
    }
    // Just opened in a chain step: the note answers the card under the pointer, or the selected one.
    Id pick = 0;
    if (c.overlay == Overlay::add_note && c.note.focus) {
        const BoardInteraction& ui = view.board.ui;
        pick = ui.marks.hovered ? ui.marks.hovered : ui.selected.empty() ? 0 : ui.selected.front();
    }
    if (c.overlay == Overlay::add_note && !draw_note_popup(frame, c.note, pick, size)) c.overlay = Overlay::none;
    if (c.overlay == Overlay::remote) {  // Q only: the code pairs a remote with the facilitator's powers
        draw_remote_panel(frame, c, view.remote_qr, content.remote_pairing_url ? content.remote_pairing_url(now) : "",
                          size, pixels_per_unit, view.presenter);
    }
    if (c.overlay == Overlay::table_screen)
        draw_table_screen_panel(frame, view.table_qr, content.origin, group, size, pixels_per_unit);
    ImDrawList* front = ImGui::GetForegroundDrawList();
    if (c.overlay == Overlay::help) {
        draw_scrim(front, size);
        draw_help(frame, front, size);
    }
    draw_toast(front, c.toast, size.x / 2, size.y - 3.2f * em, fonts, now);
    if (c.overlay != Overlay::setup && c.overlay != Overlay::programmes) draw_lead_ask(frame, front, size);
    if (!view.storage_trouble.empty()) draw_storage_alarm(front, view.storage_trouble, size, fonts, content.language);
    if (const auto due = retention_passed(state, day_of(now)))
        draw_retention_band(front, *due, view.storage_trouble.empty() ? 0.0f : 2.2f * em, size, fonts,
                            content.language);
    if (!c.number.digits.empty()) {  // over the middle of the board, clear of the strip's numbers
        const FrameLayout f =
            make_frame(state, view.presence, group, content, fonts, size, now, false, hidden_of(view));
        draw_group_number(front, c.number, (f.left + f.right) / 2, (f.board_min.y + f.board_max.y) / 2 + 1.6f * em,
                          fonts, s);
    }
    draw_confirm(frame, c.confirm, size);
    view.redraw_at = next_redraw(state, c, now);
    // A pairing QR code on the screen follows its token: an expired one is replaced with no input.
    if (!view.remote_qr.url.empty() && (view.presenter || c.overlay == Overlay::remote)) {
        const Timestamp at = now + pairing_redraw_ms;
        view.redraw_at = view.redraw_at ? std::min(view.redraw_at, at) : at;
    }
}

void room_view(const ViewState& presenter, ViewState& room) {
    room.room_only = true;
    room.focused = presenter.focused;
    room.zoom = presenter.zoom;
    room.room_hidden = presenter.room_hidden;
    room.focus_mode = presenter.focus_mode;
    room.presence = presenter.presence;
    // The overview is the room's too (where every group stands); every other panel is the
    // facilitator's, and the conclusion is typed on the presenter while the room sees the board.
    room.controls.overlay = presenter.controls.overlay == Overlay::overview ? Overlay::overview : Overlay::none;
    room.controls.preview = presenter.controls.preview;
}

void draw_room_screen(const Workshop& state, ViewState& room, const ProjectorContent& content, const Fonts& fonts,
                      ImVec2 size, float pixels_per_unit, Timestamp now, std::vector<Command>& out) {
    const Frame frame{
        state, room.presence, fonts, content.language, *content.strings, programme_strings(content.language), now, out};
    ImDrawList* dl = begin_whole_window("##room", size);
    const Id group = resolve_focus(state, room);
    const float margin = std::round(1.0f * fonts.em);
    if (room.controls.overlay == Overlay::overview)
        draw_overview(frame, dl, group, ImVec2(margin, margin), ImVec2(size.x - margin, size.y - margin),
                      join_line(state, content), {}, false);
    else
        draw_room(frame, dl, group, room, content, size, pixels_per_unit, false);
    ImGui::End();
    room.redraw_at = next_redraw(state, room.controls, now);
}

}  // namespace samling
