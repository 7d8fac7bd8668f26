// Overview tiles, in em units: what fits is shown, most important first (name, step, people
// and done, then the winning notes); names cut from the middle so no two read the same, and a
// mark on a tile whose run is saved in the project log. No GLFW, OpenGL or hub.
#include "ui/panels/overview.hpp"

#include "core/measures.hpp"
#include "ui/board/status_board.hpp"

#include <algorithm>
#include <cmath>

#include "ui/board/vote_results.hpp"
#include "ui/panels/control_theme.hpp"
#include "ui/panels/group_strip.hpp"
#include "ui/panels/room_strings.hpp"
#include "ui/panels/step_bar.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/text/drawable_text.hpp"
#include "ui/text/name_fit.hpp"

namespace samling {

TileGrid tile_grid(int tiles, ImVec2 area, float gap) {
    TileGrid best;
    best.gap = gap;
    if (tiles <= 0) return best;
    float best_score = -1;
    for (int cols = 1; cols <= tiles; ++cols) {
        const int rows = (tiles + cols - 1) / cols;
        const float w = (area.x - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
        const float h = std::min((area.y - gap * static_cast<float>(rows - 1)) / static_cast<float>(rows), w * 0.75f);
        const float score = std::min(w / 1.6f, h);  // a tile reads best about 1.6 times as wide as tall
        if (w > 0 && h > 0 && score > best_score) {
            best_score = score;
            best.columns = cols;
            best.rows = rows;
            best.tile = ImVec2(w, h);
        }
    }
    return best;
}

namespace {

// Few groups get large tiles: their words grow with them, so they still read from the back.
bool large_tile(ImVec2 tile, float em) {
    return tile.y > 9 * em && tile.x > 18 * em;
}

float tile_pad(ImVec2 tile, float em) {
    return std::round(large_tile(tile, em) ? 1.0f * em : std::min(0.6f * em, tile.y * 0.08f));
}

// "✓ Lagret" at the right of the line at `y`, the tick drawn (no font has to carry it);
// returns its width.
float draw_saved(ImDrawList* dl, const Fonts& fonts, const ImFont* font, float right, float y, const char* word) {
    const float h = fonts.size(font), w = width_of(fonts, font, word), tick = 0.8f * h;
    const float x = right - w - tick - 0.3f * h;
    const ImVec2 points[] = {snap(ImVec2(x, y + 0.55f * h)), snap(ImVec2(x + 0.35f * tick, y + 0.85f * h)),
                             snap(ImVec2(x + tick, y + 0.2f * h))};
    dl->AddPolyline(points, 3, theme::good, ImDrawFlags_None, std::max(2.0f, std::round(0.13f * h)));
    draw_text(dl, fonts, font, ImVec2(right - w, y), theme::good, word);
    return right - x;
}

void draw_tile(ImDrawList* dl, const Workshop& state, const Presence& presence, Id id, const std::string& name,
               int number, bool focused, bool hovered, ImVec2 a, ImVec2 b, const Fonts& fonts, const UiStrings& s,
               Language lang, Timestamp now) {
    const float em = fonts.em;
    const bool large = large_tile(ImVec2(b.x - a.x, b.y - a.y), em);
    const ImFont* head = large ? fonts.title : fonts.bold;
    const ImFont* text = large ? fonts.body : fonts.small;
    const ImFont* figure = large ? fonts.title : fonts.bold;
    const float line = fonts.size(text);
    const float pad = tile_pad(ImVec2(b.x - a.x, b.y - a.y), em);
    dl->AddRectFilled(a, b, hovered ? theme::panel_hover : theme::panel, 0.4f * em);
    if (focused) dl->AddRect(a, b, theme::accent, 0.4f * em, 0, std::round(0.12f * em));
    const float x = a.x + pad, w = b.x - a.x - 2 * pad;
    float y = a.y + pad * 0.8f;
    const auto room_for = [&](float h) { return y + h <= b.y - pad * 0.6f; };

    const std::string number_text = std::to_string(number);
    const float nw = width_of(fonts, head, number_text) + 0.5f * em;
    draw_text(dl, fonts, head, ImVec2(x, y), theme::text_dim, number_text);
    draw_text(dl, fonts, head, ImVec2(x + nw, y), theme::text, name);  // already cut to fit
    y += fonts.size(head) * 1.2f;

    const ExerciseRun* run = state.current_run(id);
    const ExerciseDefinition* def = run ? state.definition(*run) : nullptr;
    const Step* step = run ? state.current_step(*run) : nullptr;
    if (!def || !step) {
        if (room_for(line)) draw_text_fit(dl, fonts, text, ImVec2(x, y), theme::text_muted, s.no_activity, w);
        return;
    }
    if (room_for(line)) {
        // Saved into the project log (Ctrl+Enter): the room's work is safe, the group may move on.
        const float sw = run->concluded_at != 0
                             ? draw_saved(dl, fonts, text, b.x - pad, y, room_strings(lang).saved) + 0.5f * em
                             : 0;
        draw_text_fit(dl, fonts, text, ImVec2(x, y), theme::text_muted, drawable_text(def->title.in(lang)), w - sw);
        y += line * 1.25f;
    }
    if (room_for(line)) {
        // The step, and the clock when one is running or has run (a clock not started is noise).
        const std::string where = std::to_string(run->step + 1) + "/" + std::to_string(def->steps.size()) + "  " +
                                  s.step_kind[static_cast<int>(step->kind)];
        const TimerLook t = timer_look(*run, *step, now, s);
        float tw = 0;
        if (t.shown && (run->timer.running() || run->timer.elapsed_ms > 0)) {
            tw = width_of(fonts, figure, t.digits);
            draw_text(dl, fonts, figure, ImVec2(b.x - pad - tw, y - (fonts.size(figure) - line) / 2), t.colour,
                      t.digits);
        }
        draw_text_fit(dl, fonts, text, ImVec2(x, y), theme::accent, where, w - tw - 0.5f * em);
        y += line * 1.25f;
    }
    if (room_for(line)) {
        // Notes at the left; "done" at the right, where it is never cut.
        const int here = presence.present_in(state, id, now);
        const std::string notes = count_text(s.notes, static_cast<int>(state.notes_of_run(run->id).size()));
        std::string done;
        if (const int d = done_in_step(state, presence, id, now); d >= 0)
            done = fill(s.done_ratio, {{"n", std::to_string(d)}, {"m", std::to_string(here)}});
        const float dw = done.empty() ? 0 : width_of(fonts, text, done);
        if (!done.empty()) draw_text(dl, fonts, text, ImVec2(b.x - pad - dw, y), theme::good, done);
        const std::string left = fill(room_strings(lang).present, {{"n", std::to_string(here)}}) + " · " + notes;
        draw_text_fit(dl, fonts, text, ImVec2(x, y), theme::text_muted, left, w - dw - 0.5f * em);
        y += line * 1.25f;
    }
    if (status_step_of(state, *run) && room_for(line)) {
        // A status round: a square per measure in its status colour, and how many have one.
        const std::vector<OpenMeasure> measures = open_measures(state, *run, *step);
        float sx = x;
        for (const OpenMeasure& m : measures) {
            if (sx + line > b.x - pad) break;
            dl->AddRectFilled(snap(ImVec2(sx, y + 0.1f * line)), snap(ImVec2(sx + 0.8f * line, y + 0.9f * line)),
                              measure_status_colour(m.report), 0.15f * line);
            sx += line;
        }
        const int reported = static_cast<int>(
            std::count_if(measures.begin(), measures.end(), [](const OpenMeasure& m) { return m.report != nullptr; }));
        const std::string count = fill(
            s.status_reported, {{"reported", std::to_string(reported)}, {"total", std::to_string(measures.size())}});
        if (measures.empty())
            draw_text_fit(dl, fonts, text, ImVec2(x, y), theme::text_muted, s.status_none, w);
        else if (sx + 0.5f * em < b.x - pad)
            draw_text_fit(dl, fonts, text, ImVec2(sx + 0.3f * em, y), theme::text_muted, count,
                          b.x - pad - sx - 0.3f * em);
        y += line * 1.25f;
    }
    if (!vote_results_visible(state, *run)) return;
    const std::vector<const Note*> top = top_voted(state, *run, 3);
    if (top.empty() || !room_for(line * 2.3f)) return;
    y += line * 0.3f;
    for (const Note* n : top) {
        if (!room_for(line)) break;
        const std::string dots = std::to_string(state.dots_on(n->id));
        const float dw = std::max(width_of(fonts, text, dots), line) + 0.4f * em;
        dl->AddRectFilled(snap(ImVec2(x, y)), snap(ImVec2(x + dw - 0.2f * em, y + line * 1.1f)), theme::accent,
                          line * 0.55f);
        draw_text_centred(dl, fonts, text, x + (dw - 0.2f * em) / 2, y, theme::accent_text, dots, dw);
        draw_text_fit(dl, fonts, text, ImVec2(x + dw + 0.2f * em, y), theme::text, drawable_text(n->text),
                      w - dw - 0.2f * em);
        y += line * 1.3f;
    }
}

// A ticked tile: a thick accent border and a tick in an accent disc over its top-right corner.
void draw_tick_mark(ImDrawList* dl, ImVec2 a, ImVec2 b, float em) {
    dl->AddRect(a, b, theme::accent, 0.4f * em, 0, std::round(0.22f * em));
    const float r = 0.75f * em;
    const ImVec2 c = snap(ImVec2(b.x - r * 0.6f, a.y + r * 0.6f));
    dl->AddCircleFilled(c, r, theme::accent);
    const ImVec2 points[] = {snap(ImVec2(c.x - 0.42f * r, c.y + 0.02f * r)),
                             snap(ImVec2(c.x - 0.1f * r, c.y + 0.35f * r)),
                             snap(ImVec2(c.x + 0.45f * r, c.y - 0.35f * r))};
    dl->AddPolyline(points, 3, theme::accent_text, ImDrawFlags_None, std::max(2.0f, std::round(0.18f * em)));
}

}  // namespace

Id draw_overview(const Frame& frame, ImDrawList* dl, Id focused, ImVec2 min, ImVec2 max, const std::string& join,
                 const std::set<Id>& ticked, bool key_hint) {
    const Workshop& state = frame.state;
    const Presence& presence = frame.presence;
    const Fonts& fonts = frame.fonts;
    const UiStrings& s = frame.words;
    const Language lang = frame.lang;
    const Timestamp now = frame.now;
    const float em = fonts.em;
    const std::vector<Id> ids = group_order(state);
    // Heading: what this is, how many groups; where latecomers join, at the right.
    const std::string title =
        std::string(s.overview_title) + "  ·  " + count_text(s.groups, static_cast<int>(ids.size()));
    draw_text(dl, fonts, fonts.title, min, theme::text, title);
    const float title_w = width_of(fonts, fonts.title, title);
    const std::string joined = fit_line(fonts.bold, em, join, max.x - min.x - title_w - 2 * em);
    draw_text(dl, fonts, fonts.bold, ImVec2(max.x - width_of(fonts, fonts.bold, joined), min.y + 0.3f * em),
              theme::accent, joined);
    const float top = min.y + fonts.size(fonts.title) + 0.8f * em;
    const float hint_y = max.y - fonts.size(fonts.small);
    if (key_hint && ticked.empty())
        draw_text_fit(dl, fonts, fonts.small, ImVec2(min.x, hint_y), theme::text_dim, s.overview_hint, max.x - min.x);
    else if (key_hint)
        draw_text_fit(dl, fonts, fonts.small, ImVec2(min.x, hint_y), theme::accent,
                      fill(s.overview_ticked, {{"n", std::to_string(ticked.size())}}), max.x - min.x);

    const TileGrid grid =
        tile_grid(static_cast<int>(ids.size()), ImVec2(max.x - min.x, hint_y - 0.6f * em - top), std::round(0.5f * em));
    // One width for every tile's name (after the widest number), so no two names are cut alike.
    const ImFont* head = large_tile(grid.tile, em) ? fonts.title : fonts.bold;
    const float name_w =
        grid.tile.x - 2 * tile_pad(grid.tile, em) - width_of(fonts, head, std::to_string(ids.size())) - 0.5f * em - 1;
    std::vector<std::string> names;
    for (Id id : ids) {
        const LeaderGroup* g = state.group(id);
        names.push_back(drawable_text(g ? g->name : ""));
    }
    names = distinct_names(head, fonts.size(head), names, name_w);
    Id clicked = 0;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const int row = static_cast<int>(i) / grid.columns, col = static_cast<int>(i) % grid.columns;
        const ImVec2 a = snap(ImVec2(min.x + static_cast<float>(col) * (grid.tile.x + grid.gap),
                                     top + static_cast<float>(row) * (grid.tile.y + grid.gap)));
        const ImVec2 b = snap(ImVec2(a.x + grid.tile.x, a.y + grid.tile.y));
        ImGui::SetCursorScreenPos(a);
        ImGui::PushID(static_cast<int>(ids[i]));
        if (ImGui::InvisibleButton("tile", ImVec2(b.x - a.x, b.y - a.y))) clicked = ids[i];
        const bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();
        draw_tile(dl, state, presence, ids[i], names[i], static_cast<int>(i) + 1, ids[i] == focused, hovered, a, b,
                  fonts, s, lang, now);
        if (ticked.contains(ids[i])) draw_tick_mark(dl, a, b, em);
    }
    return clicked;
}

}  // namespace samling
