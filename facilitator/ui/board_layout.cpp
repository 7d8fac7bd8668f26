// Fitting cards into a board: try text sizes from large to small, and for each size the
// fewest stacks per column; the first arrangement where every column fits wins. Pure
// geometry over ImGui fonts; no GLFW, OpenGL or workshop state.
#include "ui/board_layout.hpp"

#include <algorithm>
#include <cmath>

namespace samling {
namespace {

struct Attempt {
    int level;
    int max_lines;
};

constexpr int generous_lines = 7;

// Sizes in units of the card text height s.
float card_pad(float s) { return 0.45f * s; }
float card_min_width(float s) { return 6.5f * s; }
float card_max_width(float s) { return 12.5f * s; }

float font_size(const Fonts& fonts, int level) { return fonts.size(fonts.card[static_cast<std::size_t>(level)]); }

struct ColumnResult {
    std::vector<PlacedCard> cards;
    int overflow = 0;
    ImVec2 overflow_min, overflow_max;
};

// One column's cards in `stacks` stacks, in order, each card onto the shortest stack.
// Returns false (and stops) when a card would pass `bottom`, unless `partial` is set, in which
// case it keeps what fits and reports the rest as overflow.
bool place_column(const std::vector<BoardNote>& notes, const std::vector<std::size_t>& ids, const Fonts& fonts,
                  Attempt a, int stacks, float left, float right, float top, float bottom, float gap,
                  bool partial, ColumnResult& out) {
    const ImFont* font = fonts.card[static_cast<std::size_t>(a.level)];
    const float s = font_size(fonts, a.level);
    const float pad = card_pad(s);
    const float w = (right - left - gap * static_cast<float>(stacks - 1)) / static_cast<float>(stacks);
    std::vector<float> heights(static_cast<std::size_t>(stacks), top);
    auto shortest = [&] {
        return static_cast<std::size_t>(std::min_element(heights.begin(), heights.end()) - heights.begin());
    };
    out = {};
    for (std::size_t i = 0; i < ids.size(); ++i) {
        WrappedText t = wrap_text(font, s, notes[ids[i]].text, w - 2 * pad, a.max_lines);
        const float h = static_cast<float>(t.lines.size()) * s + 2 * pad;
        const std::size_t j = shortest();
        const float y = heights[j];
        if (y + h > bottom) {
            if (!partial) return false;
            // Make room for one "+N" card by taking back the newest cards until it fits.
            const float oh = s + 2 * pad;
            while (!out.cards.empty() && heights[shortest()] + oh > bottom) {
                const PlacedCard& last = out.cards.back();
                const auto k = static_cast<std::size_t>(std::lround((last.min.x - left) / (w + gap)));
                heights[k] = last.min.y;
                out.cards.pop_back();
            }
            const std::size_t k = shortest();
            out.overflow = static_cast<int>(ids.size() - out.cards.size());
            out.overflow_min = ImVec2(left + static_cast<float>(k) * (w + gap), heights[k]);
            out.overflow_max = ImVec2(out.overflow_min.x + w, std::min(heights[k] + oh, bottom));
            return true;
        }
        const float x = left + static_cast<float>(j) * (w + gap);
        out.cards.push_back({ids[i], ImVec2(x, y), ImVec2(x + w, y + h), std::move(t)});
        heights[j] = y + h + gap;
    }
    return true;
}

}  // namespace

float board_gap(const Fonts& fonts) { return std::round(0.45f * fonts.em); }

std::vector<ColumnSpan> column_spans(const std::vector<int>& counts, float x0, float x1, float gap) {
    const std::size_t n = std::max<std::size_t>(counts.size(), 1);
    const float usable = x1 - x0 - gap * static_cast<float>(n - 1);
    float total = 0;
    for (int c : counts) total += static_cast<float>(std::max(c, 0));
    std::vector<ColumnSpan> spans;
    float x = x0;
    for (std::size_t i = 0; i < n; ++i) {
        const float need = i < counts.size() ? static_cast<float>(std::max(counts[i], 0)) : 0.0f;
        const float share = total > 0 ? 0.3f / static_cast<float>(n) + 0.7f * need / total : 1.0f / static_cast<float>(n);
        const float w = i + 1 == n ? x1 - x : std::round(usable * share);
        spans.push_back({x, x + w});
        x += w + gap;
    }
    return spans;
}

BoardLayout layout_board(const std::vector<BoardNote>& notes, int columns, ImVec2 area_min, ImVec2 area_max,
                         const Fonts& fonts) {
    columns = std::max(columns, 1);
    const float gap = board_gap(fonts);
    std::vector<std::vector<std::size_t>> by_column(static_cast<std::size_t>(columns));
    for (std::size_t i = 0; i < notes.size(); ++i)
        by_column[static_cast<std::size_t>(std::clamp(notes[i].column, 0, columns - 1))].push_back(i);
    std::vector<int> counts;
    for (const auto& ids : by_column) counts.push_back(static_cast<int>(ids.size()));
    const std::vector<ColumnSpan> spans = column_spans(counts, area_min.x, area_max.x, gap);

    std::vector<Attempt> attempts;
    const int smallest = static_cast<int>(fonts.card.size()) - 1;
    for (int level = 0; level <= smallest; ++level) attempts.push_back({level, generous_lines});
    for (int lines : {4, 3, 2, 1}) attempts.push_back({smallest, lines});

    auto build = [&](Attempt a, bool partial, BoardLayout& out) {
        const float s = font_size(fonts, a.level);
        out = {};
        out.level = a.level;
        out.size = s;
        out.pad = card_pad(s);
        out.columns = spans;
        for (int c = 0; c < columns; ++c) {
            const float left = spans[static_cast<std::size_t>(c)].left, right = spans[static_cast<std::size_t>(c)].right;
            const float col_w = right - left;
            const auto& ids = by_column[static_cast<std::size_t>(c)];
            const int most = std::max(1, static_cast<int>((col_w + gap) / (card_min_width(s) + gap)));
            const int fewest =
                std::clamp(static_cast<int>(std::ceil((col_w + gap) / (card_max_width(s) + gap))), 1, most);
            const float card_gap = std::round(std::min(gap, 0.55f * s));
            ColumnResult r;
            bool placed = false;
            for (int k = fewest; k <= most && !placed; ++k)
                placed = place_column(notes, ids, fonts, a, k, left, right, area_min.y, area_max.y, card_gap,
                                      partial && k == most, r);
            if (!placed) return false;
            for (PlacedCard& card : r.cards) out.cards.push_back(std::move(card));
            if (r.overflow > 0) out.overflow.push_back({c, r.overflow, r.overflow_min, r.overflow_max});
        }
        return true;
    };

    BoardLayout layout;
    for (const Attempt& a : attempts)
        if (build(a, false, layout)) {
            layout.cramped = a.level == smallest;
            return layout;
        }
    (void)build(attempts.back(), true, layout);
    layout.cramped = true;
    return layout;
}

}  // namespace samling
