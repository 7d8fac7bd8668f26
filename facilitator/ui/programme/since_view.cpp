// "Since last time": a tile per group with what it brings into this gathering, the most
// important first (problem, causes, measures with owner and date, the experiment), as much as
// fits; few groups get large type. No GLFW functions, OpenGL or hub.
#include <algorithm>
#include <cmath>

#include "ui/panels/control_theme.hpp"
#include "ui/panels/overview.hpp"
#include "ui/programme/log_model.hpp"
#include "ui/programme/log_view.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/text/drawable_text.hpp"

namespace samling {
namespace {

void draw_tile(ImDrawList* dl, const SinceGroup& g, int number, bool focused, bool hovered, ImVec2 a, ImVec2 b,
               const Fonts& fonts, const ProgrammeStrings& s) {
    const float em = fonts.em;
    const bool large = b.y - a.y > 11 * em && b.x - a.x > 16 * em;
    const ImFont* head = large ? fonts.title : fonts.bold;
    const ImFont* label = fonts.small;
    const ImFont* text = large ? fonts.body : fonts.small;
    const float line = fonts.size(text);
    const float pad = std::round(large ? 1.0f * em : 0.6f * em);
    dl->AddRectFilled(a, b, hovered ? theme::panel_hover : theme::panel, 0.4f * em);
    if (focused) dl->AddRect(a, b, theme::accent, 0.4f * em, 0, std::round(0.12f * em));
    const float x = a.x + pad, w = b.x - a.x - 2 * pad;
    float y = a.y + pad * 0.8f;
    const float end = b.y - pad * 0.6f;

    const std::string n = std::to_string(number);
    const float nw = width_of(fonts, head, n) + 0.5f * em;
    draw_text(dl, fonts, head, ImVec2(x, y), theme::text_dim, n);
    draw_text_fit(dl, fonts, head, ImVec2(x + nw, y), theme::text, drawable_text(g.name), w - nw);
    y += fonts.size(head) * 1.2f;
    if (!g.project.empty() && y + line <= end) {
        draw_text_fit(dl, fonts, text, ImVec2(x, y), theme::text_muted, drawable_text(g.project), w);
        y += line * 1.35f;
    }
    if (g.entries.empty()) {
        const WrappedText kind = wrap_text(text, line, s.since_nothing, w, 3);
        for (const std::string& l : kind.lines) {
            if (y + line > end) break;
            draw_text(dl, fonts, text, ImVec2(x, y), theme::text_dim, l);
            y += line * 1.2f;
        }
        return;
    }
    // Each entry: its label, then its text in as many lines as are left (at most four).
    for (const SinceEntry& e : g.entries) {
        if (y + fonts.size(label) + line > end) return;
        y += 0.25f * em;
        draw_text_fit(dl, fonts, label, ImVec2(x, y), theme::accent, drawable_text(e.label), w);
        y += fonts.size(label) * 1.15f;
        if (!e.text.empty()) {
            const int room = std::clamp(static_cast<int>((end - y) / (line * 1.2f)), 1, 4);
            for (const std::string& l : wrap_text(text, line, drawable_text(e.text), w, room).lines) {
                draw_text(dl, fonts, text, ImVec2(x, y), theme::text, l);
                y += line * 1.2f;
            }
        }
        // Each note (a measure): a bullet and its text, then its owner and start date, muted, under it.
        const float indent = width_of(fonts, text, "• ");
        for (const SinceNote& n : e.notes) {
            if (y + 2 * line > end) return;
            draw_text(dl, fonts, text, ImVec2(x, y), theme::text, "•");
            draw_text_fit(dl, fonts, text, ImVec2(x + indent, y), theme::text, drawable_text(n.text), w - indent);
            y += line * 1.15f;
            if (n.details.empty()) continue;
            draw_text_fit(dl, fonts, fonts.small, ImVec2(x + indent, y), theme::text_muted, drawable_text(n.details),
                          w - indent);
            y += fonts.size(fonts.small) * 1.35f;
        }
    }
}

}  // namespace

Id draw_since_last_time(const Frame& frame, Id focused, ReadingViewState& reading, ImVec2 min, ImVec2 max) {
    const Workshop& state = frame.state;
    const Fonts& fonts = frame.fonts;
    const ProgrammeStrings& s = frame.programme;
    const Language lang = frame.lang;
    const float em = fonts.em;
    reading.page = 0;  // the tiles fit the screen; nothing scrolls
    ImDrawList* dl = ImGui::GetWindowDrawList();
    std::string title = s.since_title;
    if (const Gathering* g = state.open_gathering()) title += "  ·  " + gathering_label(s, *g);
    draw_text_fit(dl, fonts, fonts.heading, min, theme::text, title, max.x - min.x);
    const float top = min.y + fonts.size(fonts.heading) * 1.15f + 0.5f * em;
    const float hint_y = max.y - fonts.size(fonts.small);
    draw_text_fit(dl, fonts, fonts.small, ImVec2(min.x, hint_y), theme::text_dim, s.since_hint, max.x - min.x);

    const std::vector<SinceGroup> groups = since_last_time(state, lang);
    // Text runs down a tile: a few groups get tall columns side by side, many get the overview's grid.
    const ImVec2 area(max.x - min.x, hint_y - 0.6f * em - top);
    const float gap = std::round(0.5f * em);
    TileGrid grid = tile_grid(static_cast<int>(groups.size()), area, gap);
    if (groups.size() <= 3 && !groups.empty()) {
        grid.columns = static_cast<int>(groups.size());
        grid.rows = 1;
        grid.tile =
            ImVec2((area.x - gap * static_cast<float>(grid.columns - 1)) / static_cast<float>(grid.columns), area.y);
    }
    Id clicked = 0;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const int row = static_cast<int>(i) / grid.columns, col = static_cast<int>(i) % grid.columns;
        const ImVec2 a = snap(ImVec2(min.x + static_cast<float>(col) * (grid.tile.x + grid.gap),
                                     top + static_cast<float>(row) * (grid.tile.y + grid.gap)));
        const ImVec2 b = snap(ImVec2(a.x + grid.tile.x, a.y + grid.tile.y));
        ImGui::SetCursorScreenPos(a);
        ImGui::PushID(static_cast<int>(groups[i].group));
        if (ImGui::InvisibleButton("since", ImVec2(b.x - a.x, b.y - a.y))) clicked = groups[i].group;
        const bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        draw_tile(dl, groups[i], static_cast<int>(i) + 1, groups[i].group == focused, hovered, a, b, fonts, s);
    }
    return clicked;
}

}  // namespace samling
