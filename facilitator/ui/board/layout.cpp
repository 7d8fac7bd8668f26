// Fitting cards into a board's regions: try text sizes from large to small, and for each size
// the fewest stacks per region; the first arrangement where every region fits wins. Pure
// geometry over ImGui fonts; no GLFW, OpenGL or workshop state.
#include "ui/board/layout.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace samling {
namespace {

struct Attempt {
    int level;
    int max_lines;
    bool whole_words;  // no word broken across lines (Norwegian compounds are long)
};

constexpr int whole_text = 0;      // wrap_text's "no limit": a card as tall as its text needs
constexpr int generous_lines = 7;  // the first cut, when not even the smallest size fits whole
constexpr int deepest_indent = 3;  // a deeper "why?" stays at this indent

// Sizes in units of the card text height s.
float card_pad(float s) {
    return 0.45f * s;
}
float card_min_width(float s) {
    return 6.5f * s;
}
float card_max_width(float s) {
    return 12.5f * s;
}
float box_pad_of(float s) {
    return std::round(0.4f * s);
}
int header_level(int level) {
    return std::max(0, level - 2);
}
float header_of(const Fonts& fonts, int level) {
    return std::round(1.3f * fonts.size(fonts.card[static_cast<std::size_t>(header_level(level))]) +
                      0.35f * fonts.size(fonts.card[static_cast<std::size_t>(level)]));
}

float indent_of(float s) {
    return std::round(1.1f * s);
}

float font_size(const Fonts& fonts, int level) {
    return fonts.size(fonts.card[static_cast<std::size_t>(level)]);
}

struct Group {  // a region's cards under one heading (or none)
    int section = -1;
    std::vector<std::size_t> ids;
};

struct RegionResult {
    std::vector<PlacedCard> cards;
    std::vector<PlacedSection> sections;
    int overflow = 0;
    ImVec2 overflow_min, overflow_max;
};

// One region's groups in `stacks` stacks, in order, each card onto the shortest stack (a "why?"
// answer onto its cause's). Returns false when a card would pass the bottom, unless `partial`
// is set: then a row is kept free at the bottom for one "+N" card counting the rest.
bool place_region(const std::vector<BoardNote>& notes, const std::vector<Group>& groups, int region, const Fonts& fonts,
                  Attempt a, int stacks, BoardRegion r, float gap, bool partial, RegionResult& out) {
    const ImFont* font = fonts.card[static_cast<std::size_t>(a.level)];
    const float s = font_size(fonts, a.level);
    const float pad = card_pad(s), bp = box_pad_of(s), hh = header_of(fonts, a.level), indent = indent_of(s);
    const float oh = s + 2 * pad;
    const float limit = r.max.y - (partial ? oh + gap : 0.0f);
    std::vector<float> heights(static_cast<std::size_t>(stacks), r.min.y);
    auto top = [&] { return *std::max_element(heights.begin(), heights.end()); };
    out = {};
    int placed = 0, total = 0;
    for (const Group& g : groups) total += static_cast<int>(g.ids.size());

    for (const Group& g : groups) {
        const bool boxed = g.section >= 0;
        float left = r.min.x, right = r.max.x, box_top = 0;
        if (boxed) {
            box_top = top();
            if (box_top + hh + bp > limit) {
                if (!partial) return false;
                break;
            }
            std::fill(heights.begin(), heights.end(), box_top + hh);
            left += bp;
            right -= bp;
        }
        const float w = (right - left - gap * static_cast<float>(stacks - 1)) / static_cast<float>(stacks);
        std::size_t last = 0;
        bool full = false;
        for (std::size_t k = 0; k < g.ids.size(); ++k) {
            const BoardNote& n = notes[g.ids[k]];
            const int depth = std::clamp(n.depth, 0, deepest_indent);
            const std::size_t j =
                depth > 0 && k > 0
                    ? last
                    : static_cast<std::size_t>(std::min_element(heights.begin(), heights.end()) - heights.begin());
            const float in = std::min(static_cast<float>(depth) * indent, 0.4f * w);
            if (a.whole_words && longest_word(font, s, n.text) > w - in - 2 * pad) return false;
            WrappedText t = wrap_text(font, s, n.text, w - in - 2 * pad, a.max_lines);
            const float h = static_cast<float>(t.lines.size() + (n.footer ? 1 : 0)) * s + 2 * pad;
            const float y = heights[j];
            if (y + h + (boxed ? bp : 0.0f) > limit) {
                if (!partial) return false;
                full = true;
                break;
            }
            const float x = left + static_cast<float>(j) * (w + gap) + in;
            out.cards.push_back(
                {g.ids[k], ImVec2(x, y), ImVec2(left + static_cast<float>(j) * (w + gap) + w, y + h), std::move(t)});
            heights[j] = y + h + gap;
            last = j;
            ++placed;
        }
        if (boxed) {
            const float bottom = std::max(top() - gap, box_top + hh) + bp;
            out.sections.push_back({g.section, region, ImVec2(r.min.x, box_top), ImVec2(r.max.x, bottom)});
            std::fill(heights.begin(), heights.end(), bottom + gap);
        }
        if (full) break;
    }
    if (placed < total) {
        const float y = top();
        out.overflow = total - placed;
        out.overflow_min = ImVec2(r.min.x, y);
        out.overflow_max = ImVec2(r.max.x, std::min(y + oh, r.max.y));
    }
    return true;
}

// How much of its cards' text a region shows, in bytes: between two cut layouts, the one that
// shows more reads better.
std::size_t shown_bytes(const RegionResult& r) {
    std::size_t n = 0;
    for (const PlacedCard& card : r.cards)
        for (const std::string& line : card.text.lines) n += line.size();
    return n;
}

// A region's groups side by side in `lanes` lanes, each group in the lane that has least in it
// so far: a cluster box beside the loose cards, when stacking them all would need smaller text.
bool place_lanes(const std::vector<BoardNote>& notes, const std::vector<Group>& groups, int region, const Fonts& fonts,
                 Attempt a, int lanes, BoardRegion r, float gap, float card_gap, RegionResult& out) {
    const float s = font_size(fonts, a.level);
    const float lane_w = (r.max.x - r.min.x - gap * static_cast<float>(lanes - 1)) / static_cast<float>(lanes);
    if (lane_w < card_min_width(s)) return false;
    std::vector<std::vector<Group>> in(static_cast<std::size_t>(lanes));
    std::vector<int> load(static_cast<std::size_t>(lanes), 0);
    for (const Group& g : groups) {
        const auto l = static_cast<std::size_t>(std::min_element(load.begin(), load.end()) - load.begin());
        load[l] += static_cast<int>(g.ids.size()) + (g.section >= 0 ? 1 : 0);
        in[l].push_back(g);
    }
    out = {};
    const int most = std::max(1, static_cast<int>((lane_w + card_gap) / (card_min_width(s) + card_gap)));
    for (std::size_t l = 0; l < in.size(); ++l) {
        const float left = std::round(r.min.x + static_cast<float>(l) * (lane_w + gap));
        const BoardRegion lane{ImVec2(left, r.min.y), ImVec2(std::round(left + lane_w), r.max.y)};
        RegionResult part;
        bool placed = false;
        for (int k = 1; k <= most && !placed; ++k)
            placed = place_region(notes, in[l], region, fonts, a, k, lane, card_gap, false, part);
        if (!placed) return false;
        for (PlacedCard& c : part.cards) out.cards.push_back(std::move(c));
        for (const PlacedSection& sec : part.sections) out.sections.push_back(sec);
    }
    return true;
}

// The groups of each region: sections in index order, then the notes in no section.
std::vector<std::vector<Group>> group_notes(const std::vector<BoardNote>& notes, std::size_t regions,
                                            const std::vector<int>& section_regions) {
    std::vector<std::map<int, std::vector<std::size_t>>> by(regions);
    for (std::size_t s = 0; s < section_regions.size(); ++s)
        if (section_regions[s] >= 0 && static_cast<std::size_t>(section_regions[s]) < regions)
            by[static_cast<std::size_t>(section_regions[s])][static_cast<int>(s)];
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const auto r = static_cast<std::size_t>(std::clamp(notes[i].column, 0, static_cast<int>(regions) - 1));
        by[r][notes[i].section].push_back(i);
    }
    std::vector<std::vector<Group>> out(regions);
    for (std::size_t r = 0; r < regions; ++r) {
        for (auto& [section, ids] : by[r])
            if (section >= 0) out[r].push_back({section, std::move(ids)});
        if (auto it = by[r].find(-1); it != by[r].end()) out[r].push_back({-1, std::move(it->second)});
    }
    return out;
}

}  // namespace

float longest_word(const ImFont* font, float size, std::string_view text) {
    float most = 0;
    std::size_t a = 0;
    while (a < text.size()) {
        std::size_t e = text.find_first_of(" \n", a);
        if (e == std::string_view::npos) e = text.size();
        most = std::max(most, text_width(font, size, text.substr(a, e - a)));
        a = e + 1;
    }
    return most;
}

float board_gap(const Fonts& fonts) {
    return std::round(0.45f * fonts.em);
}

std::vector<ColumnSpan> column_spans(const std::vector<int>& counts, float x0, float x1, float gap, float equal) {
    const std::size_t n = std::max<std::size_t>(counts.size(), 1);
    const float usable = x1 - x0 - gap * static_cast<float>(n - 1);
    float total = 0;
    for (int c : counts) total += static_cast<float>(std::max(c, 0));
    std::vector<ColumnSpan> spans;
    float x = x0;
    for (std::size_t i = 0; i < n; ++i) {
        const float need = i < counts.size() ? static_cast<float>(std::max(counts[i], 0)) : 0.0f;
        const float share =
            total > 0 ? equal / static_cast<float>(n) + (1 - equal) * need / total : 1.0f / static_cast<float>(n);
        const float w = i + 1 == n ? x1 - x : std::round(usable * share);
        spans.push_back({x, x + w});
        x += w + gap;
    }
    return spans;
}

BoardLayout layout_regions(const std::vector<BoardNote>& notes, const std::vector<BoardRegion>& regions,
                           const std::vector<int>& section_regions, const Fonts& fonts) {
    const std::vector<BoardRegion> rs = regions.empty() ? std::vector<BoardRegion>{{}} : regions;
    const float gap = board_gap(fonts);
    const std::vector<std::vector<Group>> groups = group_notes(notes, rs.size(), section_regions);

    std::vector<Attempt> attempts;
    const int smallest = static_cast<int>(fonts.card.size()) - 1;
    // Every note whole first, at each size: a long note (a 5-whys answer, 280 characters) wraps
    // to more lines before any card is cut; only when even the smallest size cannot hold every
    // whole note are words broken, then cards cut to fewer lines.
    for (int level = 0; level <= smallest; ++level) attempts.push_back({level, whole_text, true});
    attempts.push_back({smallest, whole_text, false});
    for (int lines : {generous_lines, 4, 3, 2, 1}) attempts.push_back({smallest, lines, false});

    // One region's cards at attempt `a`: the fewest stacks that fit; then, if long words broke
    // every one, wider cards than usual; then lanes of groups side by side.
    auto place = [&](std::size_t c, Attempt a, bool partial, RegionResult& r) {
        const float s = font_size(fonts, a.level);
        const float w = rs[c].max.x - rs[c].min.x;
        const int most = std::max(1, static_cast<int>((w + gap) / (card_min_width(s) + gap)));
        const int fewest = std::clamp(static_cast<int>(std::ceil((w + gap) / (card_max_width(s) + gap))), 1, most);
        const float card_gap = std::round(std::min(gap, 0.55f * s));
        const int region = static_cast<int>(c);
        int stacks = 0;  // as placed
        for (int k = fewest; k <= most && !stacks; ++k)
            if (place_region(notes, groups[c], region, fonts, a, k, rs[c], card_gap, partial && k == most, r))
                stacks = k;
        for (int k = fewest - 1; k >= 1 && !stacks; --k)
            if (place_region(notes, groups[c], region, fonts, a, k, rs[c], card_gap, false, r)) stacks = k;
        // Cards cut to a few lines: fewer, wider stacks may show more of each (a 5-whys chain
        // is one stack, and at large type a third of the bone's width held a word or two).
        if (stacks && !partial && a.max_lines != whole_text) {
            RegionResult wider;
            for (int k = stacks - 1; k >= 1; --k)
                if (place_region(notes, groups[c], region, fonts, a, k, rs[c], card_gap, false, wider) &&
                    shown_bytes(wider) > shown_bytes(r))
                    r = std::move(wider);
        }
        if (stacks) return true;
        const int lanes = std::min<int>(3, static_cast<int>(groups[c].size()));
        for (int l = 2; l <= lanes && !partial; ++l)
            if (place_lanes(notes, groups[c], region, fonts, a, l, rs[c], gap, card_gap, r)) return true;
        return false;
    };

    struct Tried {
        bool done = false, fits = false;
        RegionResult result;
    };
    std::vector<Tried> tried(rs.size() * attempts.size());  // region × attempt
    // The board at attempts[at]. Past the smallest size's whole text, the cut is the crowded
    // regions' only: each region takes the least cut of the smallest size's attempts that it
    // holds (a bone with one cause keeps it whole beside a bone whose chain must be cut).
    auto build = [&](std::size_t at, bool partial, BoardLayout& out) {
        const Attempt a = attempts[at];
        const float s = font_size(fonts, a.level);
        out = {};
        out.level = a.level;
        out.size = s;
        out.pad = card_pad(s);
        out.box_pad = box_pad_of(s);
        out.header = header_of(fonts, a.level);
        out.header_level = header_level(a.level);
        for (const BoardRegion& r : rs) out.columns.push_back({r.min.x, r.max.x});
        const std::size_t least_cut = std::min(at, static_cast<std::size_t>(smallest));
        for (std::size_t c = 0; c < rs.size(); ++c) {
            RegionResult r;
            bool placed = false;
            for (std::size_t j = least_cut; j <= at && !placed; ++j) {
                if (partial && j == at) {
                    placed = place(c, attempts[j], true, r);
                    continue;
                }
                // A region's fit at an attempt is the same in every board tried: worked out once.
                Tried& known = tried[c * attempts.size() + j];
                if (!known.done) {
                    known.done = true;
                    known.fits = place(c, attempts[j], false, known.result);
                }
                if ((placed = known.fits)) r = known.result;
            }
            if (!placed) return false;
            for (PlacedCard& card : r.cards) out.cards.push_back(std::move(card));
            for (const PlacedSection& sec : r.sections) out.sections.push_back(sec);
            if (r.overflow > 0)
                out.overflow.push_back({static_cast<int>(c), r.overflow, r.overflow_min, r.overflow_max});
        }
        return true;
    };

    BoardLayout layout;
    for (std::size_t at = 0; at < attempts.size(); ++at)
        if (build(at, false, layout)) {
            layout.cramped = attempts[at].level == smallest;
            return layout;
        }
    (void)build(attempts.size() - 1, true, layout);
    layout.cramped = true;
    return layout;
}

BoardLayout layout_board(const std::vector<BoardNote>& notes, int columns, ImVec2 area_min, ImVec2 area_max,
                         const Fonts& fonts) {
    columns = std::max(columns, 1);
    std::vector<int> counts(static_cast<std::size_t>(columns), 0);
    for (const BoardNote& n : notes) ++counts[static_cast<std::size_t>(std::clamp(n.column, 0, columns - 1))];
    std::vector<BoardRegion> regions;
    for (const ColumnSpan& span : column_spans(counts, area_min.x, area_max.x, board_gap(fonts)))
        regions.push_back({ImVec2(span.left, area_min.y), ImVec2(span.right, area_max.y)});
    return layout_regions(notes, regions, {}, fonts);
}

}  // namespace samling
