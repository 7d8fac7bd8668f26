// "Since last time": each group's whole recap (problem, causes, measures with owner and date,
// the experiment) in type the back row reads, a page of groups at a time (PgDn / PgUp); as many
// groups to a page as fit whole. No GLFW functions, OpenGL or hub.
#include <algorithm>
#include <cmath>

#include "core/phrase.hpp"
#include "ui/panels/control_theme.hpp"
#include "ui/panels/overview.hpp"
#include "ui/programme/log_model.hpp"
#include "ui/programme/log_view.hpp"
#include "ui/programme/measure_history_view.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/text/drawable_text.hpp"

namespace samling {
namespace {

constexpr int whole = 1000;  // lines: a recap is never cut short

struct SincePages {
    int columns = 1, rows = 1, per_page = 1, pages = 1;
    ImVec2 tile;
};  // lines: a recap is never cut short

// Lays one group's tile out from `a`, `width` wide; draws it when `dl` is set. Returns how tall
// the whole recap is, so a page can be chosen on which every tile fits.
float lay_out_tile(ImDrawList* dl, const SinceGroup& g, int number, ImVec2 a, float width, const Fonts& fonts,
                   const ProgrammeStrings& s) {
    const float em = fonts.em;
    const ImFont* head = fonts.title;
    const ImFont* label = fonts.small;
    const ImFont* text = fonts.body;
    const float line = fonts.size(text);
    const float pad = std::round(1.0f * em);
    const float x = a.x + pad, w = width - 2 * pad;
    float y = a.y + pad * 0.8f;
    const auto put = [&](const ImFont* font, float at_x, ImU32 colour, const std::string& str, float fit) {
        if (dl) draw_text_fit(dl, fonts, font, ImVec2(at_x, y), colour, str, fit);
    };
    const auto put_lines = [&](const std::string& str, ImU32 colour) {
        for (const std::string& l : wrap_text(text, line, str, w, whole).lines) {
            if (dl) draw_text(dl, fonts, text, ImVec2(x, y), colour, l);
            y += line * 1.2f;
        }
    };

    const std::string n = std::to_string(number);
    const float nw = width_of(fonts, head, n) + 0.5f * em;
    if (dl) draw_text(dl, fonts, head, ImVec2(x, y), theme::text_dim, n);
    put(head, x + nw, theme::text, drawable_text(g.name), w - nw);
    y += fonts.size(head) * 1.2f;
    if (!g.project.empty()) put_lines(drawable_text(g.project), theme::text_muted);
    if (g.entries.empty() && g.pulses.empty() && g.indicators.empty()) put_lines(s.since_nothing, theme::text_dim);
    if (!g.pulses.empty() || !g.indicators.empty()) {
        y += 0.25f * em;
        put(label, x, theme::accent, s.change, w);
        y += fonts.size(label) * 1.15f;
        for (const std::string& p : g.pulses) put_lines(drawable_text(p), theme::text);
        // Each indicator: its figures in words, then a small chart of them, so a fall reads at a glance.
        for (std::size_t i = 0; i < g.indicators.size(); ++i) {
            put_lines(drawable_text(g.indicators[i]), theme::text);
            if (i >= g.indicator_series.size()) continue;
            const float h = std::round(1.6f * em);
            if (draw_indicator_columns(nullptr, g.indicator_series[i], ImVec2(x, y), h, em) > 0) {
                draw_indicator_columns(dl, g.indicator_series[i], ImVec2(x, y + 0.15f * em), h, em);
                y += h + 0.45f * em;
            }
        }
    }
    for (const SinceEntry& e : g.entries) {
        y += 0.25f * em;
        put(label, x, theme::accent, drawable_text(e.label), w);
        y += fonts.size(label) * 1.15f;
        if (!e.text.empty()) put_lines(drawable_text(e.text), theme::text);
        // Each note (a measure): a bullet and its text, then its owner and start date, muted, under it.
        const float indent = width_of(fonts, text, "• ");
        for (const SinceNote& note : e.notes) {
            if (dl) draw_text(dl, fonts, text, ImVec2(x, y), theme::text, "•");
            for (const std::string& l : wrap_text(text, line, drawable_text(note.text), w - indent, whole).lines) {
                if (dl) draw_text(dl, fonts, text, ImVec2(x + indent, y), theme::text, l);
                y += line * 1.15f;
            }
            if (note.details.empty()) continue;
            put(fonts.small, x + indent, theme::text_muted, drawable_text(note.details), w - indent);
            y += fonts.size(fonts.small) * 1.35f;
        }
    }
    return y + pad * 0.6f - a.y;
}

// The recaps read from the workshop, again only when it changed: reading them walks every
// group's log (pulses, measures, indicators), which in a full programme took 20-40 ms a frame.
// A snapshot is immutable, so its address and revision name it; the programme's name and the
// room's code tell another programme's snapshot apart even at a reused address. One cache
// serves the projector and the presenter window, which show the same state.
const std::vector<SinceGroup>& since_of(const Workshop& state, Language lang) {
    struct Key {
        const Workshop* state = nullptr;
        Revision revision = -1;
        std::string programme, room;
        Language lang = Language::nb;
        bool operator==(const Key&) const = default;
    };
    static Key cached;
    static std::vector<SinceGroup> groups;
    Key key{&state, state.revision(), state.programme(), state.room() ? state.room()->code : "", lang};
    if (!(key == cached)) {
        groups = since_last_time(state, lang);
        cached = std::move(key);
    }
    return groups;
}

// Columns of at least ~18 em side by side; as many rows as let every group's recap fit whole.
SincePages pages_for(const std::vector<SinceGroup>& groups, ImVec2 area, float gap, const Fonts& fonts,
                     const ProgrammeStrings& s) {
    SincePages p;
    const int count = static_cast<int>(groups.size());
    p.columns = std::clamp(static_cast<int>((area.x + gap) / (18 * fonts.em + gap)), 1, std::max(count, 1));
    p.tile.x = (area.x - gap * static_cast<float>(p.columns - 1)) / static_cast<float>(p.columns);
    float tallest = 0;
    for (std::size_t i = 0; i < groups.size(); ++i)
        tallest = std::max(tallest,
                           lay_out_tile(nullptr, groups[i], static_cast<int>(i) + 1, ImVec2(0, 0), p.tile.x, fonts, s));
    p.rows = 1;
    for (int rows = 3; rows > 1; --rows)
        if ((area.y - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows) >= tallest &&
            p.columns * (rows - 1) < count) {
            p.rows = rows;
            break;
        }
    p.tile.y = (area.y - gap * static_cast<float>(p.rows - 1)) / static_cast<float>(p.rows);
    p.per_page = p.columns * p.rows;
    p.pages = std::max(1, (count + p.per_page - 1) / p.per_page);
    return p;
}

}  // namespace

Id draw_since_last_time(const Frame& frame, Id focused, ReadingViewState& reading, ImVec2 min, ImVec2 max) {
    const Workshop& state = frame.state;
    const Fonts& fonts = frame.fonts;
    const ProgrammeStrings& s = frame.programme;
    const Language lang = frame.lang;
    const float em = fonts.em;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float top = min.y + fonts.size(fonts.heading) * 1.15f + 0.5f * em;
    const float hint_y = max.y - fonts.size(fonts.small);
    draw_text_fit(dl, fonts, fonts.small, ImVec2(min.x, hint_y), theme::text_dim, s.since_hint, max.x - min.x);

    const std::vector<SinceGroup>& groups = since_of(state, lang);
    const ImVec2 area(max.x - min.x, hint_y - 0.6f * em - top);
    const float gap = std::round(0.5f * em);
    const SincePages p = pages_for(groups, area, gap, fonts, s);
    // PgDn / PgUp turn the page; the page stays while the view is open.
    reading.since_page = std::clamp(reading.since_page + static_cast<int>(reading.page), 0, p.pages - 1);
    reading.page = 0;
    reading.since_pages = p.pages;
    reading.since_shown.clear();
    reading.since_cut = false;
    float page_width = 0;
    if (p.pages > 1) {
        const std::string page =
            fill(s.since_page, {{"page", std::to_string(reading.since_page + 1)}, {"pages", std::to_string(p.pages)}});
        page_width = width_of(fonts, fonts.heading, page) + em;
        draw_text(dl, fonts, fonts.heading, ImVec2(max.x - page_width + em, min.y), theme::accent, page);
    }
    std::string title = s.since_title;
    if (const Gathering* g = state.open_gathering()) title += "  ·  " + gathering_label(s, *g);
    draw_text_fit(dl, fonts, fonts.heading, min, theme::text, title, max.x - min.x - page_width);

    Id clicked = 0;
    const std::size_t first = static_cast<std::size_t>(reading.since_page * p.per_page);
    for (std::size_t i = first; i < groups.size() && i < first + static_cast<std::size_t>(p.per_page); ++i) {
        const int slot = static_cast<int>(i - first);
        const int row = slot / p.columns, col = slot % p.columns;
        const ImVec2 a = snap(ImVec2(min.x + static_cast<float>(col) * (p.tile.x + gap),
                                     top + static_cast<float>(row) * (p.tile.y + gap)));
        const ImVec2 b = snap(ImVec2(a.x + p.tile.x, a.y + p.tile.y));
        ImGui::SetCursorScreenPos(a);
        ImGui::PushID(static_cast<int>(groups[i].group));
        if (ImGui::InvisibleButton("since", ImVec2(b.x - a.x, b.y - a.y))) clicked = groups[i].group;
        const bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        dl->AddRectFilled(a, b, hovered ? theme::panel_hover : theme::panel, 0.4f * em);
        if (groups[i].group == focused) dl->AddRect(a, b, theme::accent, 0.4f * em, 0, std::round(0.12f * em));
        dl->PushClipRect(a, b, true);  // a recap taller than a whole column stays in its tile
        const float needed = lay_out_tile(dl, groups[i], static_cast<int>(i) + 1, a, b.x - a.x, fonts, s);
        reading.since_cut = reading.since_cut || needed > b.y - a.y + 1;
        dl->PopClipRect();
        reading.since_shown.push_back(groups[i].group);
    }
    return clicked;
}

}  // namespace samling
