// Preparing and drawing a board: column headers, cards, the "+N" overflow, the hidden and
// empty states. Reads a Workshop snapshot only; no GLFW, OpenGL or hub.
#include "ui/board_view.hpp"

#include <algorithm>
#include <string>

#include "ui/draw_text.hpp"
#include "ui/drawable_text.hpp"
#include "ui/theme.hpp"

namespace samling {
namespace {

// One column per zone of the exercise (in its order), plus one for notes whose zone is
// missing or unknown when there are any. No zones: no columns (one unlabelled area).
std::vector<BoardColumn> columns_of(const ExerciseDefinition* def, const std::vector<const Note*>& notes,
                                    const UiStrings& strings, Language lang) {
    std::vector<BoardColumn> cols;
    if (!def || def->zones.empty()) return cols;
    for (const Zone& z : def->zones) cols.push_back({drawable_text(z.label.in(lang)), theme::zone_colour(z.colour)});
    const bool stray = std::any_of(notes.begin(), notes.end(), [&](const Note* n) { return !def->zone(n->zone); });
    if (stray) cols.push_back({strings.no_zone, theme::text_muted});
    return cols;
}

int column_of(const ExerciseDefinition* def, const Note& n, int columns) {
    if (!def || def->zones.empty()) return 0;
    for (std::size_t i = 0; i < def->zones.size(); ++i)
        if (def->zones[i].id == n.zone) return static_cast<int>(i);
    return columns - 1;  // the "no category" column
}

void draw_card(ImDrawList* dl, const Fonts& fonts, const BoardLayout& layout, const PlacedCard& card, ImU32 colour) {
    const float s = layout.size;
    const float rounding = 0.22f * s;
    const ImVec2 min = snap(card.min), max = snap(card.max);
    const float drop = std::max(2.0f, std::round(0.12f * s));
    dl->AddRectFilled(ImVec2(min.x, min.y + drop), ImVec2(max.x, max.y + drop), theme::shadow, rounding);
    dl->AddRectFilled(min, max, colour, rounding);
    const ImFont* font = fonts.card[static_cast<std::size_t>(layout.level)];
    float y = min.y + layout.pad;
    for (const std::string& line : card.text.lines) {
        draw_text(dl, fonts, font, ImVec2(min.x + layout.pad, y), theme::card_text, line);
        y += s;
    }
}

void draw_centred_message(ImDrawList* dl, const Fonts& fonts, ImVec2 min, ImVec2 max, std::string_view text) {
    const ImFont* font = fonts.title;
    const float s = fonts.size(font);
    const float width = std::min(max.x - min.x - 2 * fonts.em, 26 * fonts.em);
    const WrappedText t = wrap_text(font, s, text, width, 3);
    float y = (min.y + max.y) / 2 - static_cast<float>(t.lines.size()) * s / 2;
    for (const std::string& line : t.lines) {
        draw_text(dl, fonts, font, ImVec2((min.x + max.x - width_of(fonts, font, line)) / 2, y), theme::text_muted,
                  line);
        y += s;
    }
}

// Silent writing: the room sees that notes arrive, not what they say.
void draw_hidden(ImDrawList* dl, const Fonts& fonts, ImVec2 min, ImVec2 max, const std::vector<ImU32>& colours,
                 const UiStrings& strings) {
    const int count = static_cast<int>(colours.size());
    const float em = fonts.em;
    const float centre = (min.x + max.x) / 2;
    const std::string number = std::to_string(count);
    const std::string label =
        std::string(count == 1 ? strings.notes_one : strings.notes_many) + " " + strings.hidden_heading;
    const float card_w = 2.4f * em, card_h = 1.7f * em, gap = 0.45f * em;
    const int per_row = std::max(1, static_cast<int>((max.x - min.x + gap) / (card_w + gap)));
    const float text_block = fonts.size(fonts.display) + fonts.size(fonts.title) + 3.6f * em;
    const int max_rows = std::max(0, static_cast<int>((max.y - min.y - text_block + gap) / (card_h + gap)));
    const int shown = std::min(count, per_row * std::min(max_rows, 4));
    const int rows = (shown + per_row - 1) / per_row;
    const float cards_h = rows > 0 ? static_cast<float>(rows) * (card_h + gap) : 0.0f;
    float y = (min.y + max.y) / 2 - (text_block + cards_h) / 2;
    draw_text_centred(dl, fonts, fonts.display, centre, y, theme::text, number, max.x - min.x);
    y += fonts.size(fonts.display);
    draw_text_centred(dl, fonts, fonts.title, centre, y, theme::text, label, max.x - min.x);
    y += fonts.size(fonts.title) + 0.6f * em;
    const WrappedText hint =
        wrap_text(fonts.body, fonts.size(fonts.body), strings.hidden_hint, std::min(max.x - min.x, 30 * em), 2);
    for (const std::string& line : hint.lines) {
        draw_text_centred(dl, fonts, fonts.body, centre, y, theme::text_muted, line, max.x - min.x);
        y += fonts.em;
    }
    y += 1.0f * em;
    for (int i = 0; i < shown; ++i) {
        const int row = i / per_row, col = i % per_row;
        const int in_row = std::min(per_row, shown - row * per_row);
        const float row_w = static_cast<float>(in_row) * (card_w + gap) - gap;
        const ImVec2 a = snap(ImVec2(centre - row_w / 2 + static_cast<float>(col) * (card_w + gap),
                                     y + static_cast<float>(row) * (card_h + gap)));
        // Face down: the note's colour with no text, and a fold line to read as a back.
        const ImVec2 b(a.x + card_w, a.y + card_h);
        dl->AddRectFilled(ImVec2(a.x, a.y + 3), ImVec2(b.x, b.y + 3), theme::shadow, 0.2f * em);
        dl->AddRectFilled(a, b, colours[static_cast<std::size_t>(i)], 0.2f * em);
        dl->AddRectFilled(a, ImVec2(b.x, a.y + std::round(0.3f * em)), theme::fold, 0.2f * em,
                          ImDrawFlags_RoundCornersTop);
    }
}

void draw_headers(ImDrawList* dl, const BoardCache& b, const Fonts& fonts) {
    const float bar_h = std::round(0.22f * fonts.em);
    for (std::size_t c = 0; c < b.columns.size() && c < b.layout.columns.size(); ++c) {
        const BoardColumn& col = b.columns[c];
        const float left = b.layout.columns[c].left, right = b.layout.columns[c].right;
        dl->AddRectFilled(snap(ImVec2(left, b.area_min.y)), snap(ImVec2(right, b.area_min.y + bar_h)), col.marker,
                          bar_h / 2);
        const std::string count = std::to_string(col.count);
        const float count_w = width_of(fonts, fonts.bold, count);
        const float y = b.area_min.y + bar_h + 0.2f * fonts.em;
        draw_text_fit(dl, fonts, fonts.bold, ImVec2(left, y), theme::text, col.label,
                      right - left - count_w - 0.6f * fonts.em);
        draw_text(dl, fonts, fonts.bold, ImVec2(right - count_w, y), theme::text_muted, count);
    }
}

}  // namespace

const BoardCache& prepare_board(const Workshop& state, Id group, ImVec2 min, ImVec2 max, const Fonts& fonts,
                                const UiStrings& strings, Language lang, BoardCache& cache) {
    if (cache.revision == state.revision() && cache.group == group && cache.area_min.x == min.x &&
        cache.area_min.y == min.y && cache.area_max.x == max.x && cache.area_max.y == max.y && cache.em == fonts.em)
        return cache;
    cache = {};
    cache.revision = state.revision();
    cache.group = group;
    cache.area_min = min;
    cache.area_max = max;
    cache.em = fonts.em;

    const ExerciseRun* run = state.current_run(group);
    if (!run) return cache;
    const ExerciseDefinition* def = state.definition(*run);
    const Step* step = state.current_step(*run);
    const std::vector<const Note*> notes = state.notes_of_run(run->id);
    if (step && step->kind == StepKind::write && step->silent) {
        cache.mode = BoardCache::Mode::hidden;
        cache.notes.resize(notes.size());  // counted, never read: the text stays off the screen
        for (const Note* n : notes) {
            const Zone* z = def ? def->zone(n->zone) : nullptr;
            cache.colours.push_back(z ? theme::card_colour(z->colour) : theme::card_default);
        }
        return cache;
    }
    cache.mode = BoardCache::Mode::cards;
    cache.columns = columns_of(def, notes, strings, lang);
    const int column_count = std::max<int>(1, static_cast<int>(cache.columns.size()));
    for (const Note* n : notes) {
        const int c = column_of(def, *n, column_count);
        cache.notes.push_back({drawable_text(n->text), c});
        const Zone* z = def ? def->zone(n->zone) : nullptr;
        cache.colours.push_back(z ? theme::card_colour(z->colour) : theme::card_default);
        if (!cache.columns.empty()) ++cache.columns[static_cast<std::size_t>(c)].count;
    }
    cache.header_h = cache.columns.empty() ? 0.0f : fonts.size(fonts.bold) + 0.7f * fonts.em;
    cache.layout = layout_board(cache.notes, column_count, ImVec2(min.x, min.y + cache.header_h), max, fonts);
    return cache;
}

void draw_board(ImDrawList* dl, const BoardCache& b, const Fonts& fonts, const UiStrings& strings) {
    switch (b.mode) {
        case BoardCache::Mode::no_activity:
            draw_centred_message(dl, fonts, b.area_min, b.area_max, strings.no_activity);
            return;
        case BoardCache::Mode::hidden:
            draw_hidden(dl, fonts, b.area_min, b.area_max, b.colours, strings);
            return;
        case BoardCache::Mode::cards: break;
    }
    draw_headers(dl, b, fonts);
    if (b.notes.empty()) {
        draw_centred_message(dl, fonts, ImVec2(b.area_min.x, b.area_min.y + b.header_h), b.area_max,
                             strings.empty_board);
        return;
    }
    for (const PlacedCard& card : b.layout.cards) draw_card(dl, fonts, b.layout, card, b.colours[card.note]);
    const ImFont* font = fonts.card[static_cast<std::size_t>(b.layout.level)];
    for (const OverflowCard& o : b.layout.overflow) {
        dl->AddRectFilled(snap(o.min), snap(o.max), theme::panel_hover, 0.22f * b.layout.size);
        const std::string text = "+" + std::to_string(o.count) + " " + strings.more_notes;
        draw_text_fit(dl, fonts, font, ImVec2(o.min.x + b.layout.pad, o.min.y + b.layout.pad), theme::text, text,
                      o.max.x - o.min.x - 2 * b.layout.pad);
    }
}

}  // namespace samling
