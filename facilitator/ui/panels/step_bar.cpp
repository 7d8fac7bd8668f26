// Step pills, countdown and done count. Sizes in em; no GLFW, OpenGL or hub.
#include "ui/panels/step_bar.hpp"

#include <algorithm>
#include <cmath>

#include "ui/panels/control_theme.hpp"
#include "ui/text/draw_text.hpp"

namespace samling {

std::string clock_text(std::int64_t remaining_ms) {
    const std::int64_t s = (std::max<std::int64_t>(remaining_ms, 0) + 999) / 1000;
    const auto two = [](std::int64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); };
    if (s >= 3600) return std::to_string(s / 3600) + ":" + two(s / 60 % 60) + ":" + two(s % 60);
    return two(s / 60) + ":" + two(s % 60);
}

TimerLook timer_look(const ExerciseRun& run, const Step& step, Timestamp now, const UiStrings& strings) {
    TimerLook t;
    const Timer& timer = run.timer;
    t.shown = step.timer_seconds > 0 || timer.running() || timer.elapsed_ms > 0;
    if (!t.shown) return t;
    const std::int64_t left = timer.remaining_ms(now);
    t.digits = clock_text(left);
    t.expired = left <= 0;
    if (t.expired) {
        t.label = strings.timer_up;
        // A calm blink between red and amber, then steady red.
        const bool blink = timer.running() && -left < timer_blink_ms && (-left / 500) % 2 == 1;
        t.colour = blink ? theme::time_up_soft : theme::time_up;
    } else if (timer.running()) {
        t.label = strings.timer_left;
        t.colour = theme::text;
    } else {
        t.label = timer.elapsed_ms > 0 ? strings.timer_paused : strings.timer_ready;
        t.colour = theme::paused;
    }
    return t;
}

int done_in_step(const Workshop& state, const Presence& presence, Id group, Timestamp now) {
    const ExerciseRun* run = state.current_run(group);
    const Step* step = run ? state.current_step(*run) : nullptr;
    if (!step || presence.present_in(state, group, now) == 0 || !(step->takes_notes() || step->kind == StepKind::vote))
        return -1;
    return presence.done_present(state, *run, now);
}

std::string done_text(const Workshop& state, const Presence& presence, const ExerciseRun& run, const UiStrings& strings,
                      Timestamp now) {
    const int done = done_in_step(state, presence, run.group, now);
    if (done < 0) return {};
    return std::to_string(done) + " " + strings.of + " " + std::to_string(presence.present_in(state, run.group, now)) +
           " " + strings.done_suffix;
}

std::string pill_label(int index, StepKind kind, const UiStrings& strings) {
    return std::to_string(index + 1) + "  " + strings.step_kind[static_cast<int>(kind)];
}

float step_bar_height(const Fonts& fonts) {
    return std::round(1.6f * fonts.em);
}

int draw_step_bar(ImDrawList* dl, const ExerciseDefinition& def, int current, ImVec2 min, float max_x,
                  const Fonts& fonts, const UiStrings& strings, float* used_width) {
    const float em = fonts.em;
    const float h = step_bar_height(fonts);
    const float pad = 0.7f * em, gap = 0.35f * em;
    int clicked = -1;
    float x = min.x;
    for (std::size_t i = 0; i < def.steps.size(); ++i) {
        const int index = static_cast<int>(i);
        const std::string label = pill_label(index, def.steps[i].kind, strings);
        const float w = width_of(fonts, fonts.bold, label) + 2 * pad;
        if (x + w > max_x) break;
        const ImVec2 a = snap(ImVec2(x, min.y)), b = snap(ImVec2(x + w, min.y + h));
        ImGui::SetCursorScreenPos(a);
        ImGui::PushID(index);
        if (ImGui::InvisibleButton("step", ImVec2(b.x - a.x, b.y - a.y))) clicked = index;
        const bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        const float r = (b.y - a.y) / 2;
        ImU32 ink = theme::text_muted;
        if (index == current) {
            dl->AddRectFilled(a, b, theme::accent, r);
            ink = theme::accent_text;
        } else if (index < current) {
            dl->AddRectFilled(a, b, hovered ? theme::panel_hover : theme::panel, r);
        } else {
            if (hovered) dl->AddRectFilled(a, b, theme::panel_hover, r);
            dl->AddRect(a, b, theme::step_future, r, 0, std::max(1.0f, std::round(0.08f * em)));
            ink = theme::text_dim;
        }
        draw_text(dl, fonts, fonts.bold, ImVec2(a.x + pad, a.y + (h - em) / 2 - 0.05f * em), ink, label);
        x += w + gap;
    }
    if (used_width) *used_width = x - min.x;
    return clicked;
}

ImVec2 timer_box_size(const Fonts& fonts) {
    const float w = width_of(fonts, fonts.display, "00:00") + 1.6f * fonts.em;
    return ImVec2(std::round(w), std::round(fonts.em + fonts.size(fonts.display) + 0.8f * fonts.em));
}

void draw_timer(ImDrawList* dl, const TimerLook& look, ImVec2 min, ImVec2 max, const Fonts& fonts) {
    if (!look.shown) return;
    const float em = fonts.em;
    const ImVec2 a = snap(min), b = snap(max);
    dl->AddRectFilled(a, b, look.expired ? theme::rgb(0x4A, 0x16, 0x1A) : theme::panel, 0.4f * em);
    if (look.expired) dl->AddRect(a, b, look.colour, 0.4f * em, 0, std::round(0.15f * em));
    const float cx = (a.x + b.x) / 2, w = b.x - a.x - 0.6f * em;
    // At zero the words are the message ("Tiden er ute"): bold, in the signal colour.
    const ImFont* label = look.expired ? fonts.bold : fonts.small;
    draw_text_centred(dl, fonts, label, cx, a.y + 0.3f * em + (em - fonts.size(label)) / 2,
                      look.expired ? look.colour : theme::text_muted, look.label, w);
    draw_text_centred(dl, fonts, fonts.display, cx, a.y + 0.3f * em + em, look.colour, look.digits, w);
}

}  // namespace samling
