// Top bar layout and drawing, in em units. No GLFW, OpenGL or hub.
#include "ui/panels/top_bar.hpp"

#include <algorithm>
#include <cmath>

#include "ui/panels/control_theme.hpp"
#include "ui/programme/programme_strings.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/text/drawable_text.hpp"

namespace samling {

TopBar make_top_bar(const Workshop& state, const Presence& presence, Id group, float width, const Fonts& fonts,
                    const UiStrings& strings, Language lang, Timestamp now, bool compact) {
    const float em = fonts.em;
    TopBar bar;
    const LeaderGroup* g = group ? state.group(group) : nullptr;
    const ExerciseRun* run = group ? state.current_run(group) : nullptr;
    const ExerciseDefinition* def = run ? state.definition(*run) : nullptr;
    const Step* step = run ? state.current_step(*run) : nullptr;
    if (const Gathering* open = state.open_gathering()) bar.gathering = gathering_label(programme_strings(lang), *open);
    if (g) bar.group = drawable_text(g->name);
    if (def)
        bar.title = drawable_text(def->title.in(lang));
    else if (state.room())
        bar.title = drawable_text(state.room_title());
    bar.height = 2.0f * em;
    if (!step) return bar;

    bar.status = done_text(state, presence, *run, strings, now);
    bar.locked = run->writing_locked && step->takes_notes();
    bar.timer = timer_look(*run, *step, now, strings);
    if (bar.timer.shown) {
        bar.timer_size = timer_box_size(fonts);
        width -= bar.timer_size.x + em;
    }

    // The prompt as large as two lines allow, then a size smaller.
    const std::string prompt = drawable_text(step->prompt.in(lang));
    bar.prompt_font = compact ? fonts.title : fonts.heading;
    bar.prompt = wrap_text(bar.prompt_font, fonts.size(bar.prompt_font), prompt, width, 0);
    if (bar.prompt.lines.size() > 2) {
        bar.prompt_font = fonts.title;
        bar.prompt = wrap_text(bar.prompt_font, fonts.size(bar.prompt_font), prompt, width, compact ? 2 : 3);
    }
    bar.height += static_cast<float>(bar.prompt.lines.size()) * fonts.size(bar.prompt_font) * 1.08f;
    if (!compact) {
        bar.instructions = wrap_text(fonts.body, em, drawable_text(step->instructions.in(lang)), width, 2);
        if (bar.instructions.lines.size() == 1 && bar.instructions.lines[0].empty()) bar.instructions.lines.clear();
        if (!bar.instructions.lines.empty())
            bar.height += 0.45f * em + static_cast<float>(bar.instructions.lines.size()) * em * 1.15f;
    }
    bar.height = std::max(bar.height, bar.timer_size.y);
    return bar;
}

void draw_top_bar(ImDrawList* dl, const TopBar& bar, ImVec2 min, float right, const Fonts& fonts,
                  const UiStrings& strings) {
    const float em = fonts.em;
    float y = min.y;
    if (bar.timer.shown) {
        const ImVec2 a(right - bar.timer_size.x, y);
        draw_timer(dl, bar.timer, a, ImVec2(right, y + bar.timer_size.y), fonts);
        right = a.x - em;
    }
    // The step's state at the right of the first line: closed writing, how many are done.
    float status_w = 0;
    const float line_y = y + 0.25f * em;
    if (!bar.status.empty()) {
        status_w = width_of(fonts, fonts.bold, bar.status);
        draw_text(dl, fonts, fonts.bold, ImVec2(right - status_w, line_y), theme::good, bar.status);
    }
    if (bar.locked) {
        const float pad = 0.5f * em;
        const float w = width_of(fonts, fonts.bold, strings.writing_locked) + 2 * pad;
        const float x1 = right - status_w - (status_w > 0 ? em : 0);
        const ImVec2 a = snap(ImVec2(x1 - w, y + 0.1f * em)), b = snap(ImVec2(x1, y + 1.6f * em));
        dl->AddRect(a, b, theme::locked, (b.y - a.y) / 2, 0, std::round(0.1f * em));
        draw_text(dl, fonts, fonts.bold, ImVec2(a.x + pad, line_y), theme::locked, strings.writing_locked);
        status_w += w + (status_w > 0 ? em : 0);
    }
    // "Group · Exercise": whose board this is, and what it is working on.
    const float room = right - min.x - status_w - (status_w > 0 ? em : 0);
    float x = min.x;
    // Which gathering this is, quietly, before whose board it is.
    if (!bar.gathering.empty()) {
        x += draw_text_fit(dl, fonts, fonts.bold, ImVec2(x, line_y), theme::text_dim, bar.gathering, room * 0.3f);
        x += 0.5f * em;
        draw_text(dl, fonts, fonts.bold, ImVec2(x, line_y), theme::text_dim, "|");
        x += width_of(fonts, fonts.bold, "|") + 0.5f * em;
    }
    if (!bar.group.empty()) {
        x += draw_text_fit(dl, fonts, fonts.bold, ImVec2(x, line_y), theme::accent, bar.group,
                           (min.x + room - x) * 0.6f);
        if (!bar.title.empty()) {
            x += 0.5f * em;
            draw_text(dl, fonts, fonts.bold, ImVec2(x, line_y), theme::text_dim, "·");
            x += width_of(fonts, fonts.bold, "·") + 0.5f * em;
        }
    }
    draw_text_fit(dl, fonts, fonts.bold, ImVec2(x, line_y), theme::text_muted, bar.title, min.x + room - x);
    y += 2.0f * em;
    if (bar.prompt_font) {
        for (const std::string& line : bar.prompt.lines) {
            draw_text(dl, fonts, bar.prompt_font, ImVec2(min.x, y), theme::text, line);
            y += fonts.size(bar.prompt_font) * 1.08f;
        }
    }
    if (!bar.instructions.lines.empty()) {
        y += 0.45f * em;
        for (const std::string& line : bar.instructions.lines) {
            draw_text(dl, fonts, fonts.body, ImVec2(min.x, y), theme::text_muted, line);
            y += em * 1.15f;
        }
    }
}

}  // namespace samling
