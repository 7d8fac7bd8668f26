// Keys to commands, refusals in the answers to the toast. 1.86 keys: IsKeyPressed takes a
// GLFW key code. Must not depend on the hub, GLFW's functions or OpenGL.
#include "ui/panels/controls.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <GLFW/glfw3.h>

#include "ui/panels/confirm.hpp"
#include "ui/panels/control_theme.hpp"
#include "ui/panels/group_number.hpp"
#include "ui/panels/group_strip.hpp"
#include "ui/panels/lead_ask.hpp"
#include "ui/panels/step_bar.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/text/drawable_text.hpp"

namespace samling {
namespace {

constexpr Timestamp toast_ms = 4000;
constexpr Timestamp toast_fade_ms = 800;

bool pressed(int key) {
    return ImGui::IsKeyPressed(key, false);
}

bool typed(ImWchar c) {
    const ImGuiIO& io = ImGui::GetIO();
    return std::find(io.InputQueueCharacters.begin(), io.InputQueueCharacters.end(), c) !=
           io.InputQueueCharacters.end();
}

void toggle(ControlState& c, Overlay o) {
    c.overlay = c.overlay == o ? Overlay::none : o;
}

}  // namespace

std::vector<Id> overview_targets(const Workshop& state, const std::set<Id>& ticked) {
    std::vector<Id> ids;
    for (Id id : group_order(state))
        if (state.current_run(id) && (ticked.empty() || ticked.contains(id))) ids.push_back(id);
    return ids;
}

std::vector<Command> timer_commands(const Workshop& state, const std::vector<Id>& groups, bool reset,
                                    TimerAction* chosen) {
    bool any_running = false;
    for (Id g : groups) any_running = any_running || state.current_run(g)->timer.running();
    // Mixed clocks: the running ones pause first, so a second T starts them all together.
    const TimerAction action = reset ? TimerAction::reset : any_running ? TimerAction::pause : TimerAction::start;
    if (chosen) *chosen = action;
    std::vector<Command> out;
    for (Id g : groups) {
        const bool running = state.current_run(g)->timer.running();
        if ((action == TimerAction::start && running) || (action == TimerAction::pause && !running)) continue;
        out.push_back(cmd::RunTimer{g, action});
    }
    return out;
}

std::vector<Command> conclude_commands(const Workshop& state, const std::vector<Id>& groups) {
    std::vector<Command> out;
    for (Id g : groups)
        if (state.current_run(g)->concluded_at == 0) out.push_back(cmd::ConcludeRun{g});
    return out;
}

std::vector<Id> step_targets(const Workshop& state, Id focused, bool all_groups) {
    std::vector<Id> ids;
    if (!all_groups) {
        if (focused && state.current_run(focused)) ids.push_back(focused);
        return ids;
    }
    for (Id id : group_order(state))
        if (state.current_run(id)) ids.push_back(id);
    return ids;
}

void step_commands(const Workshop& state, const std::vector<Id>& groups, int delta, std::vector<Command>& out) {
    for (Id g : groups) {
        const ExerciseRun* run = state.current_run(g);
        const ExerciseDefinition* def = run ? state.definition(*run) : nullptr;
        if (!def) continue;
        const int next = run->step + delta;
        if (next >= 0 && next < static_cast<int>(def->steps.size())) out.push_back(cmd::GoToStep{g, next});
    }
}

void control_keys(const Frame& frame, Id focused, ControlState& c) {
    const Workshop& state = frame.state;
    const UiStrings& strings = frame.words;
    const Language lang = frame.lang;
    const Timestamp now = frame.now;
    std::vector<Command>& out = frame.out;
    const ImGuiIO& io = ImGui::GetIO();
    // F2 on the setup screen opens the programmes, F2 there closes them; a function key types
    // nothing, so it acts even while a field has the keyboard.
    if ((c.overlay == Overlay::setup || c.overlay == Overlay::programmes) && pressed(GLFW_KEY_F2) &&
        c.setup.confirm.ask == SetupAsk::none && c.picker.deleting.empty()) {
        const bool to_picker = c.overlay == Overlay::setup;
        c.overlay = to_picker ? Overlay::programmes : Overlay::none;
        if (to_picker) {
            const bool show_archived = c.picker.show_archived;
            c.picker = PickerState{};
            c.picker.show_archived = show_archived;
            c.picker.focus_new = true;
        }
        return;
    }
    if (io.WantTextInput || keys_go_to_text(c)) return;
    if (answer_confirm(c, out)) return;  // a question waits: its answer is this frame's only key
    const bool setup = c.overlay == Overlay::setup || c.overlay == Overlay::programmes;
    if (!setup && !io.KeyCtrl && answer_lead_ask(frame)) return;  // a phone asked to lead its table
    if (io.KeyCtrl) {
        // The hub keeps the history of every facilitator action, whoever sent it.
        if (pressed(GLFW_KEY_Z)) out.push_back(cmd::UndoLast{});
        const bool enter = pressed(GLFW_KEY_ENTER) || pressed(GLFW_KEY_KP_ENTER);
        // Ctrl+Enter in the overview: every group's run (or the ticked groups') into its log.
        if (enter && c.overlay == Overlay::overview) {
            std::vector<Command> concludes = conclude_commands(state, overview_targets(state, c.ticked));
            std::string question = fill_question(strings.confirm_conclude, {}, groups_in(concludes));
            ask_or_post(c, std::move(question), std::move(concludes), out);
            return;
        }
        // Ctrl+Enter: the focused group's run goes into its project log.
        if (!setup && enter && focused && state.current_run(focused)) out.push_back(cmd::ConcludeRun{focused});
        return;  // Ctrl +/−/0 is the zoom (keys.cpp)
    }
    if (io.KeyAlt || io.KeySuper) return;
    // On the setup screen digits are typed into its fields.
    if (!setup && group_number_keys(group_order(state).size(), c.number, now)) return;
    // In the conclusion panel Enter and Tab open the first empty field; nothing else acts this
    // frame, so a letter typed right after them never reaches the room.
    if (conclusion_takes_keys(c) && (pressed(GLFW_KEY_ENTER) || pressed(GLFW_KEY_KP_ENTER) || pressed(GLFW_KEY_TAB))) {
        c.conclusion_edit.open_request = true;
        return;
    }

    if (pressed(GLFW_KEY_F1) || typed('?')) toggle(c, Overlay::help);
    if (pressed(GLFW_KEY_F2)) {
        toggle(c, Overlay::setup);
        c.setup.focus_first = c.overlay == Overlay::setup;
    }
    // The start panel and the setup screen read their own arrows and Enter.
    if (c.overlay == Overlay::start_exercise || c.overlay == Overlay::setup || c.overlay == Overlay::programmes) return;
    const bool all = io.KeyShift;
    if (pressed(GLFW_KEY_G)) {
        toggle(c, all ? Overlay::since_last_time : Overlay::project_log);
        c.reading.since_page = 0;  // "since last time" opens on its first page
    }
    if (pressed(GLFW_KEY_X)) c.export_requested = true;
    // The reading views scroll with PgUp/PgDn instead of changing steps.
    if (c.overlay == Overlay::project_log || c.overlay == Overlay::since_last_time) {
        if (pressed(GLFW_KEY_PAGE_DOWN)) c.reading.page += 1;
        if (pressed(GLFW_KEY_PAGE_UP)) c.reading.page -= 1;
        if (pressed(GLFW_KEY_O)) toggle(c, Overlay::overview);
        return;
    }
    // Every action below on two or more groups asks first (confirm.hpp); on one it is done.
    const std::vector<Id> targets = step_targets(state, focused, all);
    const auto many = [&](const char* question, const std::string& what = {}) {
        return fill_question(question, what, targets.size());
    };
    if (pressed(GLFW_KEY_S)) {
        if (!state.open_gathering()) {
            show_toast(c, strings.no_gathering_open, now);
        } else if (all) {
            std::vector<Command> starts;
            std::set<std::string> exercises;
            for (Id g : group_order(state))
                if (const std::string next = next_on_agenda(state, g); !next.empty()) {
                    starts.push_back(cmd::StartNext{g});
                    exercises.insert(next);
                }
            const ExerciseDefinition* def = exercises.size() == 1 ? state.catalog().find(*exercises.begin()) : nullptr;
            const std::string question = def ? fill_question(strings.confirm_start, def->title.in(lang), starts.size())
                                             : fill_question(strings.confirm_start_next, {}, starts.size());
            if (starts.empty())
                show_toast(c, fill(strings.could_not_do, {{"reason", strings.reason_agenda_done}}), now);
            ask_or_post(c, question, std::move(starts), out);
        } else if (focused) {
            out.push_back(cmd::StartNext{focused});
        }
    }
    if (pressed(GLFW_KEY_RIGHT) || pressed(GLFW_KEY_PAGE_DOWN)) {
        std::vector<Command> steps;
        step_commands(state, targets, +1, steps);
        std::string question = fill_question(strings.confirm_next_step, {}, groups_in(steps));
        ask_or_post(c, std::move(question), std::move(steps), out);
    }
    if (pressed(GLFW_KEY_LEFT) || pressed(GLFW_KEY_PAGE_UP)) {
        std::vector<Command> steps;
        step_commands(state, targets, -1, steps);
        std::string question = fill_question(strings.confirm_previous_step, {}, groups_in(steps));
        ask_or_post(c, std::move(question), std::move(steps), out);
    }
    if (pressed(GLFW_KEY_R)) {
        std::vector<Command> reveals;
        reveals.reserve(targets.size());
        for (Id g : targets) reveals.push_back(cmd::Reveal{g});
        ask_or_post(c, many(strings.confirm_reveal), std::move(reveals), out);
    }
    if (pressed(GLFW_KEY_L)) {
        // Every group follows the focused one, so Shift+L never leaves a mix of open and closed.
        const ExerciseRun* run = focused ? state.current_run(focused) : nullptr;
        const bool lock = run ? !run->writing_locked : true;
        std::vector<Command> locks;
        locks.reserve(targets.size());
        for (Id g : targets) locks.push_back(cmd::LockWriting{g, lock});
        ask_or_post(c, many(lock ? strings.confirm_lock : strings.confirm_unlock), std::move(locks), out);
    }
    if (pressed(GLFW_KEY_T) && c.overlay == Overlay::overview) {
        // The overview's T: every group's clock (or the ticked groups'), asking first.
        TimerAction action = TimerAction::start;
        std::vector<Command> timers = timer_commands(state, overview_targets(state, c.ticked), io.KeyShift, &action);
        const char* q = action == TimerAction::reset   ? strings.confirm_timer_reset
                        : action == TimerAction::pause ? strings.confirm_timer_pause
                                                       : strings.confirm_timer_start;
        ask_or_post(c, fill_question(q, {}, groups_in(timers)), std::move(timers), out);
    } else if (pressed(GLFW_KEY_T)) {
        if (const ExerciseRun* run = focused ? state.current_run(focused) : nullptr) {
            const TimerAction action = io.KeyShift            ? TimerAction::reset
                                       : run->timer.running() ? TimerAction::pause
                                                              : TimerAction::start;
            out.push_back(cmd::RunTimer{focused, action});
        }
    }
    if (pressed(GLFW_KEY_O)) toggle(c, Overlay::overview);
    if (pressed(GLFW_KEY_E)) toggle(c, Overlay::start_exercise);
    if (pressed(GLFW_KEY_N) && focused && state.current_run(focused)) {
        toggle(c, Overlay::add_note);
        if (c.note.group != focused) {
            c.note = NotePopupState{};
            c.note.group = focused;
        }
        c.note.focus = c.overlay == Overlay::add_note;
    }
    if (pressed(GLFW_KEY_Q)) toggle(c, Overlay::remote);  // never opens by itself: its QR pairs a remote
    if (pressed(GLFW_KEY_B)) toggle(c, Overlay::table_screen);
    if (pressed(GLFW_KEY_P)) c.preview = !c.preview;
    if (pressed(GLFW_KEY_K)) {
        c.conclusion = !c.conclusion;
        if (c.conclusion && c.overlay != Overlay::help) c.overlay = Overlay::none;
    }
}

void receive(ControlState& c, const std::vector<Outcome>& outcomes, const UiStrings& strings, Timestamp now) {
    for (const Outcome& o : outcomes) {
        if (!o.ok) {
            if (o.command == command_index<cmd::StartNext>() && o.error.code == Errc::invalid_request)
                show_toast(c, fill(strings.could_not_do, {{"reason", strings.reason_agenda_done}}), now);
            else if (o.error.code == Errc::nothing_to_undo)
                show_toast(c, strings.nothing_to_undo, now);
            else
                show_toast(c, refusal_reason(strings, o.error, o.was_undo), now);
        }
    }
}

void show_toast(ControlState& c, std::string text, Timestamp now) {
    c.toast.text = std::move(text);
    c.toast.shown_at = now;
}

void draw_toast(ImDrawList* dl, const Toast& toast, float centre_x, float bottom, const Fonts& fonts, Timestamp now) {
    const Timestamp age = now - toast.shown_at;
    if (toast.shown_at == 0 || age < 0 || age >= toast_ms) return;
    const float alpha =
        age < toast_ms - toast_fade_ms ? 1.0f : static_cast<float>(toast_ms - age) / static_cast<float>(toast_fade_ms);
    const float em = fonts.em;
    const std::string text = fit_line(fonts.bold, em, drawable_text(toast.text), 40 * em);
    const float w = width_of(fonts, fonts.bold, text) + 2.4f * em;
    const ImVec2 a = snap(ImVec2(centre_x - w / 2, bottom - 2.2f * em)), b = snap(ImVec2(centre_x + w / 2, bottom));
    const auto fade = [&](ImU32 col) {
        const auto a8 = static_cast<unsigned>(static_cast<float>((col >> IM_COL32_A_SHIFT) & 0xFF) * alpha);
        return (col & ~IM_COL32_A_MASK) | (a8 << IM_COL32_A_SHIFT);
    };
    dl->AddRectFilled(a, b, fade(theme::toast), (b.y - a.y) / 2);
    draw_text(dl, fonts, fonts.bold, ImVec2(a.x + 1.2f * em, a.y + 0.6f * em), fade(theme::text), text);
}

Timestamp next_redraw(const Workshop& state, const ControlState& c, Timestamp now) {
    Timestamp next = 0;
    const auto sooner = [&](Timestamp t) { next = next == 0 ? t : std::min(next, t); };
    // A conclusion field takes the keyboard a frame or two after it opens: without those frames
    // the first key typed would arrive before it listens.
    if (c.conclusion_edit.opening || c.conclusion_edit.open_request) sooner(now);
    if (c.overlay == Overlay::programmes && (c.picker.opening || c.picker.focus_new)) sooner(now);  // the same
    if (!c.number.digits.empty()) sooner(c.number.typed_at + group_number_pause_ms);  // taken after a pause
    if (c.toast.shown_at != 0 && now - c.toast.shown_at < toast_ms) {
        const Timestamp fade_from = c.toast.shown_at + toast_ms - toast_fade_ms;
        sooner(now < fade_from ? fade_from : now + 50);
    }
    for (const auto& [id, g] : state.groups()) {
        const ExerciseRun* run = state.current_run(id);
        if (!run || !run->timer.running()) continue;
        const std::int64_t left = run->timer.remaining_ms(now);
        // The clock shows whole seconds rounded up: it changes when `left` crosses a multiple of
        // 1000. Past zero it blinks at 2 Hz for a while, then stays still.
        if (left > 0)
            sooner(now + (left % 1000 == 0 ? 1000 : left % 1000) + 5);
        else if (-left < timer_blink_ms)
            sooner(now + 500 - (-left % 500) + 5);
    }
    return next;
}

}  // namespace samling
