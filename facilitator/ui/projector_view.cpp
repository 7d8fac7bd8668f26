// The projector's frame layout, in units of the body font height so it scales with the type.
// A crowded board gets a compact frame (narrower join panel, smaller prompt) before its cards
// shrink further. No GLFW, OpenGL or hub: it reads a snapshot and draws.
#include "ui/projector_view.hpp"

#include <algorithm>
#include <cmath>

#include "ui/draw_text.hpp"
#include "ui/drawable_text.hpp"
#include "ui/group_strip.hpp"
#include "ui/theme.hpp"

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

// The top bar, measured before it is drawn: group and exercise, step, prompt, instructions.
struct TopBar {
    std::string group, title, step;
    const ImFont* prompt_font = nullptr;
    WrappedText prompt, instructions;
    float height = 0;
};

TopBar make_top_bar(const Workshop& state, Id group, float width, const Fonts& fonts,
                    const ProjectorContent& content, bool compact) {
    const float em = fonts.em;
    TopBar bar;
    const LeaderGroup* g = group ? state.group(group) : nullptr;
    const ExerciseRun* run = group ? state.current_run(group) : nullptr;
    const ExerciseDefinition* def = run ? state.definition(*run) : nullptr;
    const Step* step = run ? state.current_step(*run) : nullptr;
    if (g) bar.group = drawable_text(g->name);
    if (def) bar.title = drawable_text(def->title.in(content.language));
    else if (state.room()) bar.title = drawable_text(state.room()->name);
    if (def && step)
        bar.step = step_position(*content.strings, run->step, static_cast<int>(def->steps.size()), step->kind);
    bar.height = 2.0f * em;
    if (!step) return bar;

    // The prompt as large as two lines allow, then a size smaller.
    const std::string prompt = drawable_text(step->prompt.in(content.language));
    bar.prompt_font = compact ? fonts.title : fonts.heading;
    bar.prompt = wrap_text(bar.prompt_font, fonts.size(bar.prompt_font), prompt, width, 0);
    if (bar.prompt.lines.size() > 2) {
        bar.prompt_font = fonts.title;
        bar.prompt = wrap_text(bar.prompt_font, fonts.size(bar.prompt_font), prompt, width, compact ? 2 : 3);
    }
    bar.height += static_cast<float>(bar.prompt.lines.size()) * fonts.size(bar.prompt_font) * 1.08f;
    if (!compact) {
        bar.instructions = wrap_text(fonts.body, em, drawable_text(step->instructions.in(content.language)), width, 2);
        if (bar.instructions.lines.size() == 1 && bar.instructions.lines[0].empty()) bar.instructions.lines.clear();
        if (!bar.instructions.lines.empty())
            bar.height += 0.45f * em + static_cast<float>(bar.instructions.lines.size()) * em * 1.15f;
    }
    return bar;
}

void draw_top_bar(ImDrawList* dl, const TopBar& bar, ImVec2 min, float right, const Fonts& fonts) {
    const float em = fonts.em;
    float y = min.y;
    float pill_w = 0;
    if (!bar.step.empty()) {
        const float pad = 0.6f * em;
        pill_w = width_of(fonts, fonts.bold, bar.step) + 2 * pad;
        const ImVec2 a = snap(ImVec2(right - pill_w, y)), b = snap(ImVec2(right, y + 1.5f * em));
        dl->AddRectFilled(a, b, theme::accent, (b.y - a.y) / 2);
        draw_text(dl, fonts, fonts.bold, ImVec2(a.x + pad, a.y + 0.25f * em), theme::accent_text, bar.step);
    }
    // "Group · Exercise": whose board this is, and what it is working on.
    const float room = right - min.x - pill_w - em;
    float x = min.x;
    if (!bar.group.empty()) {
        x += draw_text_fit(dl, fonts, fonts.bold, ImVec2(x, y + 0.25f * em), theme::accent, bar.group, room * 0.6f);
        if (!bar.title.empty()) {
            x += 0.5f * em;
            draw_text(dl, fonts, fonts.bold, ImVec2(x, y + 0.25f * em), theme::text_dim, "·");
            x += width_of(fonts, fonts.bold, "·") + 0.5f * em;
        }
    }
    draw_text_fit(dl, fonts, fonts.bold, ImVec2(x, y + 0.25f * em), theme::text_muted, bar.title, min.x + room - x);
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

// Where everything goes for one choice of chrome.
struct FrameLayout {
    ImVec2 panel_min, panel_max;
    float left = 0, right = 0;
    TopBar bar;
    float divider_y = 0;
    ImVec2 board_min, board_max;
    float strip_top = 0, strip_bottom = 0, hint_top = 0;
};

FrameLayout make_frame(const Workshop& state, Id group, const ProjectorContent& content, const Fonts& fonts,
                       ImVec2 size, bool compact) {
    const float em = fonts.em;
    const float margin = std::round(1.0f * em);
    const float gutter = std::round(1.2f * em);
    FrameLayout f;
    const float panel_w = join_panel_width(size.x, fonts, compact);
    f.panel_min = ImVec2(size.x - margin - panel_w, margin);
    f.panel_max = ImVec2(size.x - margin, size.y - margin);
    f.left = margin;
    f.right = f.panel_min.x - gutter;
    f.bar = make_top_bar(state, group, f.right - f.left, fonts, content, compact);
    f.divider_y = std::round(margin + f.bar.height + 0.6f * em);
    f.hint_top = size.y - margin - fonts.size(fonts.small) + 0.25f * em;
    f.strip_bottom = f.hint_top - 0.45f * em;
    f.strip_top = f.strip_bottom - group_strip_height(static_cast<int>(state.groups().size()), f.right - f.left, fonts);
    f.board_min = ImVec2(f.left, f.divider_y + 0.8f * em);
    f.board_max = ImVec2(f.right, f.strip_top - 0.9f * em);
    return f;
}

}  // namespace

void draw_projector(const Workshop& state, ViewState& view, const ProjectorContent& content, const Fonts& fonts,
                    ImVec2 size, float pixels_per_unit) {
    const float em = fonts.em;
    const UiStrings& s = *content.strings;

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(size);
    ImGui::Begin("##projector", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollWithMouse);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Id group = resolve_focus(state, view);

    // The full frame first; a crowded board takes the compact one.
    FrameLayout f = make_frame(state, group, content, fonts, size, false);
    const BoardCache* board = nullptr;
    if (group && f.board_max.y > f.board_min.y + 2 * em) {
        board = &prepare_board(state, group, f.board_min, f.board_max, fonts, s, content.language, view.board);
        if (board->mode == BoardCache::Mode::cards && board->layout.cramped) {
            f = make_frame(state, group, content, fonts, size, true);
            board = &prepare_board(state, group, f.board_min, f.board_max, fonts, s, content.language,
                                   view.dense_board);
        }
    }

    const std::string room_code = state.room() ? state.room()->code : std::string();
    draw_join_panel(dl, f.panel_min, f.panel_max, fonts, s, content.qr, content.address, room_code, pixels_per_unit);
    draw_top_bar(dl, f.bar, ImVec2(f.left, std::round(1.0f * em)), f.right, fonts);
    dl->AddLine(snap(ImVec2(f.left, f.divider_y)), snap(ImVec2(f.right, f.divider_y)), theme::panel,
                std::max(1.0f, std::round(0.08f * em)));
    // The key hint: small and dim, for the facilitator only.
    draw_text_fit(dl, fonts, fonts.small, ImVec2(f.left, f.hint_top), theme::text_dim, s.key_hint, f.right - f.left);

    if (state.groups().empty()) {
        dl->AddText(fonts.title, fonts.size(fonts.title),
                    snap(ImVec2(f.left, (f.board_min.y + f.strip_bottom - fonts.size(fonts.title)) / 2)),
                    theme::text_muted, s.no_groups);
    } else {
        if (board) draw_board(dl, *board, fonts, s);
        const Id clicked =
            draw_group_strip(dl, state, group, ImVec2(f.left, f.strip_top), ImVec2(f.right, f.strip_bottom), fonts, s);
        if (clicked) view.focused = clicked;
    }
    ImGui::End();
}

}  // namespace samling
