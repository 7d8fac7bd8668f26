// The flowing layouts: columns (a column per zone, clusters as boxes, unclustered cards below)
// and the fishbone (bones above and below a spine that ends in the problem statement). Both
// flow their cards with layout_regions. Pure geometry; no GLFW, OpenGL, hub or workshop state.
#include <algorithm>
#include <cmath>
#include <tuple>

#include "ui/board/scene.hpp"
#include "ui/text/draw_text.hpp"

namespace samling {
namespace {

// The model's cards as notes for layout_regions; clusters become sections of their zone.
std::vector<BoardNote> flow_notes(const BoardModel& m, std::vector<int>& section_regions) {
    section_regions.clear();
    for (const ModelCluster& c : m.clusters) section_regions.push_back(c.zone);
    std::vector<BoardNote> notes;
    for (const ModelCard& c : m.cards) {
        int section = -1;
        for (std::size_t i = 0; i < m.clusters.size(); ++i)
            if (m.clusters[i].id == c.cluster && m.clusters[i].zone == c.place_zone) section = static_cast<int>(i);
        notes.push_back({c.text, c.place_zone, section, c.depth, has_footer(c)});
    }
    return notes;
}

void take_layout(BoardScene& s, const BoardModel& m, BoardLayout&& l) {
    s.level = l.level;
    s.size = l.size;
    s.pad = l.pad;
    s.box_pad = l.box_pad;
    s.header = l.header;
    s.header_level = l.header_level;
    s.cramped = l.cramped;
    for (PlacedCard& c : l.cards) s.cards.push_back({c.note, c.min, c.max, std::move(c.text), false});
    for (const PlacedSection& sec : l.sections)
        s.boxes.push_back({static_cast<std::size_t>(sec.section), sec.min, sec.max});
    s.overflow = std::move(l.overflow);
    s.links = chain_links(m, s.cards, std::round(1.1f * l.size));
}

}  // namespace

BoardScene scene_columns(const BoardModel& m, ImVec2 min, ImVec2 max, const Fonts& fonts) {
    BoardScene s;
    s.kind = SceneKind::columns;
    s.min = min;
    s.max = max;
    const bool headed = !(m.zones.size() == 1 && m.zones[0].label.empty());
    s.header_h = headed ? fonts.size(fonts.bold) + 0.7f * fonts.em : 0.0f;
    std::vector<int> counts;
    for (const ModelZone& z : m.zones) counts.push_back(z.count);
    std::vector<BoardRegion> regions;
    for (const ColumnSpan& span : column_spans(counts, min.x, max.x, board_gap(fonts)))
        regions.push_back({ImVec2(span.left, min.y + s.header_h), ImVec2(span.right, max.y)});
    std::vector<int> section_regions;
    const std::vector<BoardNote> notes = flow_notes(m, section_regions);
    take_layout(s, m, layout_regions(notes, regions, section_regions, fonts));
    for (const BoardRegion& r : regions) s.zones.push_back({ImVec2(r.min.x, min.y), r.max});
    return s;
}

namespace {

// How a bone's name fits in `width`: 0 whole in bold, 1 whole in regular type, 2 on two lines
// of small type, 3 not even so.
int bone_label_level(const Fonts& fonts, std::string_view label, float width) {
    if (text_width(fonts.bold, fonts.size(fonts.bold), label) <= width) return 0;
    if (text_width(fonts.body, fonts.size(fonts.body), label) <= width) return 1;
    const WrappedText two = wrap_text(fonts.small, fonts.size(fonts.small), label, width, 2);
    if (!two.truncated && longest_word(fonts.small, fonts.size(fonts.small), label) <= width) return 2;
    return 3;
}

// The name at `level` (one type for every bone, so the names read as a set); a name too long
// even for two small lines is cut, at its colon, else with "…".
void fit_bone_label(SceneBone& b, const Fonts& fonts, std::string_view label, float width, int level) {
    b.label_font = level == 0 ? fonts.bold : level == 1 ? fonts.body : fonts.small;
    const float size = fonts.size(b.label_font);
    if (level == 2 && bone_label_level(fonts, label, width) <= 2)
        b.label_lines = wrap_text(b.label_font, size, label, width, 2).lines;
    else
        b.label_lines = {fit_label(b.label_font, size, label, width)};
}

// The fishbone with its spine `share` of the way down.
BoardScene fishbone_at(const BoardModel& m, ImVec2 min, ImVec2 max, const Fonts& fonts, float share) {
    const float em = fonts.em;
    BoardScene s;
    s.kind = SceneKind::fishbone;
    s.min = min;
    s.max = max;
    const float w = max.x - min.x;
    s.spine_y = std::round(min.y + share * (max.y - min.y));
    s.spine_x0 = min.x;

    // The head: the problem statement, in the largest font at which every word fits whole and
    // the lines fit the height; the box grows a little for a long word before the font shrinks.
    const float base_w = std::round(std::clamp(0.2f * w, 9.0f * em, 14.0f * em));
    const float widest_w = std::round(std::clamp(0.26f * w, 9.0f * em, 17.0f * em));
    const float head_pad = 0.6f * em;
    const float label_h = fonts.size(fonts.small) + 0.3f * em;
    const float max_head_h = max.y - min.y - 2 * em;
    float head_w = base_w;
    for (const ImFont* font : {fonts.title, fonts.bold, fonts.body, fonts.small}) {
        const float size = fonts.size(font), longest = longest_word(font, size, m.head);
        s.head_font = font;
        head_w = std::clamp(std::ceil(longest + 2 * head_pad + 1), base_w, widest_w);
        s.head = wrap_text(font, size, m.head, head_w - 2 * head_pad, 0);
        const float h = static_cast<float>(s.head.lines.size()) * size * 1.1f + 2 * head_pad + label_h;
        if ((longest <= head_w - 2 * head_pad && h <= std::min(max_head_h, 9.0f * em)) || font == fonts.small) break;
    }
    const float lines_h = static_cast<float>(s.head.lines.size()) * fonts.size(s.head_font) * 1.1f;
    const float head_h = std::min(max_head_h, std::max(4.0f * em, lines_h + 2 * head_pad + label_h));
    const float head_top = std::clamp(s.spine_y - head_h / 2, min.y, std::max(min.y, max.y - head_h));
    s.head_min = ImVec2(max.x - head_w, head_top);
    s.head_max = ImVec2(max.x, head_top + head_h);
    if (s.head.lines.size() > 1 && lines_h + 2 * head_pad + label_h > head_h) {
        const int fit =
            std::max(1, static_cast<int>((head_h - 2 * head_pad - label_h) / (fonts.size(s.head_font) * 1.1f)));
        s.head = wrap_text(s.head_font, fonts.size(s.head_font), m.head, head_w - 2 * head_pad, fit);
    }

    // Bones: zone 0 above, zone 1 below, and so on, from the tail towards the head.
    const int n = std::max<int>(1, static_cast<int>(m.zones.size()));
    const int slots = (n + 1) / 2;
    const float gap = board_gap(fonts);
    const float body_right = s.head_min.x - 1.2f * em;
    // A slot (a bone above and the one below it) is wider the more text its fuller bone holds
    // (a card counts one, and one more per 60 bytes: a 5-whys chain of long answers needs the
    // width, or its answers are cut); a share of the width is given equally, as a bone's name and
    // a single cause still need room: the smallest share at which every name fits on two lines.
    std::vector<int> zone_lines(m.zones.size(), 0), slot_need(static_cast<std::size_t>(slots), 0);
    for (const ModelCard& c : m.cards)
        if (c.place_zone >= 0 && c.place_zone < static_cast<int>(zone_lines.size()))
            zone_lines[static_cast<std::size_t>(c.place_zone)] += 1 + static_cast<int>(c.text.size() / 60);
    // Every slot counts one card more than it holds: a bone with no causes yet still has a name to
    // show and room for its first cause, so one early card does not squeeze the other bones.
    for (std::size_t z = 0; z < zone_lines.size(); ++z)
        slot_need[z / 2] = std::max(slot_need[z / 2], zone_lines[z] + 1);
    const float dot_w = 0.95f * em;  // the zone's colour square and the gap after it
    std::vector<ColumnSpan> spans;
    for (const float equal : {0.35f, 0.5f, 0.7f, 1.0f}) {
        spans = column_spans(slot_need, min.x, body_right, gap, equal);
        bool names_fit = true;
        for (std::size_t z = 0; z < m.zones.size() && names_fit; ++z)
            names_fit = bone_label_level(fonts, m.zones[z].label, spans[z / 2].right - spans[z / 2].left - dot_w) <= 2;
        if (names_fit) break;
    }
    // The names first: a name on two lines makes its row of labels taller.
    const auto label_width = [&](std::size_t z) { return spans[z / 2].right - spans[z / 2].left - dot_w; };
    int level = 0;
    for (std::size_t z = 0; z < m.zones.size(); ++z)
        level = std::max(level, std::min(2, bone_label_level(fonts, m.zones[z].label, label_width(z))));
    std::vector<SceneBone> bones(m.zones.size());
    float label_text_h[2] = {fonts.size(fonts.bold), fonts.size(fonts.bold)};  // above, below
    for (std::size_t z = 0; z < m.zones.size(); ++z) {
        fit_bone_label(bones[z], fonts, m.zones[z].label, label_width(z), level);
        const float h = static_cast<float>(bones[z].label_lines.size()) * fonts.size(bones[z].label_font);
        label_text_h[z % 2] = std::max(label_text_h[z % 2], h);
    }
    const float spine_gap = 0.4f * em;
    std::vector<BoardRegion> regions(m.zones.size());
    for (int z = 0; z < static_cast<int>(m.zones.size()); ++z) {
        const bool above = z % 2 == 0;
        const ColumnSpan& span = spans[static_cast<std::size_t>(z / 2)];
        const float left = span.left, right = span.right;
        const float slant = std::round(std::min(0.16f * (right - left), 2.4f * em));
        const float bone_label_h = label_text_h[z % 2] + 0.5f * em;
        SceneBone b = bones[static_cast<std::size_t>(z)];
        b.zone = z;
        b.above = above;
        if (above) {
            b.label_min = ImVec2(left, min.y);
            b.label_max = ImVec2(right, min.y + bone_label_h);
            b.outer = ImVec2(right - slant, b.label_max.y);
            b.inner = ImVec2(right, s.spine_y);
            regions[static_cast<std::size_t>(z)] = {ImVec2(left, b.label_max.y + 0.15f * em),
                                                    ImVec2(right - slant - 0.5f * gap, s.spine_y - spine_gap)};
        } else {
            b.label_min = ImVec2(left, max.y - bone_label_h);
            b.label_max = ImVec2(right, max.y);
            b.outer = ImVec2(right - slant, b.label_min.y);
            b.inner = ImVec2(right, s.spine_y);
            regions[static_cast<std::size_t>(z)] = {ImVec2(left, s.spine_y + spine_gap),
                                                    ImVec2(right - slant - 0.5f * gap, b.label_min.y - 0.15f * em)};
        }
        s.bones.push_back(b);
    }
    std::vector<int> section_regions;
    const std::vector<BoardNote> notes = flow_notes(m, section_regions);
    take_layout(s, m, layout_regions(notes, regions, section_regions, fonts));
    s.zones = regions;
    return s;
}

}  // namespace

BoardScene scene_fishbone(const BoardModel& m, ImVec2 min, ImVec2 max, const Fonts& fonts) {
    // The spine first where the cards above and below share the height by their number; then,
    // if some other height shows more, there: fewer cards left out, then fewer cut short (a
    // 5-whys chain on one bone reads whole), then larger type.
    int above = 0, below = 0;
    for (const ModelCard& c : m.cards) (c.place_zone % 2 == 0 ? above : below) += 1 + (has_footer(c) ? 1 : 0);
    const float by_count =
        above + below == 0 ? 0.5f
                           : std::clamp(static_cast<float>(above) / static_cast<float>(above + below), 0.35f, 0.65f);
    const auto cut = [](const BoardScene& s) {
        return std::count_if(s.cards.begin(), s.cards.end(), [](const SceneCard& c) { return c.text.truncated; });
    };
    // Between layouts that cut as many cards, the one that shows more of their text.
    const auto hidden = [](const BoardScene& s) {
        long long shown = 0;
        for (const SceneCard& c : s.cards)
            for (const std::string& line : c.text.lines) shown += static_cast<long long>(line.size());
        return -shown;
    };
    const auto score = [&](const BoardScene& s) {
        return std::make_tuple(s.overflow.size(), cut(s), cut(s) > 0 ? hidden(s) : 0LL, s.level);
    };
    BoardScene best = fishbone_at(m, min, max, fonts, by_count);
    for (float share : {0.5f, 0.42f, 0.58f, 0.35f, 0.65f}) {
        if (best.level == 0 && best.overflow.empty() && cut(best) == 0) break;
        if (std::abs(share - by_count) < 0.02f) continue;
        BoardScene s = fishbone_at(m, min, max, fonts, share);
        if (score(s) < score(best)) best = std::move(s);
    }
    // Everything shown but some cards cut (a long chain on one bone): a spine further off the
    // middle may hold them whole. Not for a board that overflows anyway: two more layouts there
    // cost a 200-note board's frame time and save nothing.
    if (best.overflow.empty() && cut(best) > 0)
        for (float share : {0.72f, 0.28f})
            if (BoardScene s = fishbone_at(m, min, max, fonts, share); score(s) < score(best)) best = std::move(s);
    return best;
}

}  // namespace samling
