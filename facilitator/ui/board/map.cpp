// The grid map: four quadrants over two axes, each quadrant's name on a pill in its outer
// corner that no card covers, a tray under the plane for notes in no quadrant. A card sits at
// its position, or (a phone's note: a quadrant, no position) near its quadrant's middle, on the
// free spot nearest to that. Pure geometry; no GLFW, OpenGL, hub.
#include <algorithm>
#include <cmath>

#include "ui/board/scene.hpp"
#include "ui/board/spread.hpp"
#include "ui/text/draw_text.hpp"

namespace samling {
namespace {

bool positioned(const ModelCard& c) {
    return c.x >= 0 && c.x <= 1 && c.y >= 0 && c.y <= 1;
}

// A quadrant of the exercise (the first four zones), not the "no category" zone.
bool in_quadrant(const BoardModel& m, const ModelCard& c) {
    return c.zone >= 0 && c.zone < 4 && c.zone < static_cast<int>(m.zones.size()) &&
           !m.zones[static_cast<std::size_t>(c.zone)].id.empty();
}

// On the plane: at its position, or in its quadrant. The rest wait in the tray.
bool on_plane(const BoardModel& m, const ModelCard& c) {
    return positioned(c) || in_quadrant(m, c);
}

}  // namespace

BoardScene scene_grid(const BoardModel& m, ImVec2 min, ImVec2 max, const Fonts& fonts) {
    const float em = fonts.em;
    BoardScene s;
    s.kind = SceneKind::grid;
    s.min = min;
    s.max = max;
    auto placed = [&m](const ModelCard& c) { return on_plane(m, c); };
    const bool any_unplaced =
        std::any_of(m.cards.begin(), m.cards.end(), [&](const ModelCard& c) { return !placed(c); });
    const float axis_w = std::round(1.4f * em), axis_h = std::round(fonts.size(fonts.bold) + 0.5f * em);
    // The tray: its label and up to two rows of cards at the largest card size.
    const float tray_rows =
        std::count_if(m.cards.begin(), m.cards.end(), [&](const ModelCard& c) { return !placed(c); }) > 6 ? 2.0f : 1.0f;
    const float tray_h = any_unplaced
                             ? std::round(std::min(fonts.size(fonts.small) + 0.9f * em +
                                                       tray_rows * (fonts.size(fonts.card[2]) * 2.0f + 0.5f * em),
                                                   0.3f * (max.y - min.y)))
                             : 0.0f;
    // Under the plane: the x axis's arrow, then its name, whole above the tray or the board's edge.
    const float x_axis_h = std::round(0.9f * em + fonts.size(fonts.bold));
    s.plane_min = ImVec2(min.x + axis_w, min.y + axis_h);
    s.plane_max = ImVec2(max.x, max.y - x_axis_h - tray_h);
    s.x_label_at =
        ImVec2(s.plane_max.x - width_of(fonts, fonts.bold, m.axis_x + " →") - 1.5f * em, s.plane_max.y + 0.8f * em);
    if (any_unplaced) {
        s.tray_min = ImVec2(min.x, max.y - tray_h + 0.3f * em);
        s.tray_max = max;
    }
    // Each quadrant's name (its strategy) in its outer corner, smaller than the cards so they
    // read first, on a pill that no card covers.
    const ImVec2 pad = map_label_pad(fonts);
    for (std::size_t q = 0; q < 4 && q < m.zones.size(); ++q) {
        const bool top = q < 2, left = q % 2 == 0;
        const ImFont* font = fonts.bold;
        const float h = fonts.size(font);
        const std::string label =
            fit_label(font, h, m.zones[q].label, (s.plane_max.x - s.plane_min.x) / 2 - 1.2f * em - 2 * pad.x);
        const float w = width_of(fonts, font, label);
        const ImVec2 at(left ? s.plane_min.x + 0.3f * em + pad.x : s.plane_max.x - 0.3f * em - pad.x - w,
                        top ? s.plane_min.y + 0.25f * em + pad.y : s.plane_max.y - 0.25f * em - pad.y - h);
        add_map_label(s, fonts, font, label, snap(at));
    }

    // Placed cards at their position, or the free spot nearest to it; the text shrinks until
    // every card has one.
    const float pw = s.plane_max.x - s.plane_min.x, ph = s.plane_max.y - s.plane_min.y;
    const int smallest = static_cast<int>(fonts.card.size()) - 1;
    MapCards z;
    int plane_left_out = 0;
    BoardRegion plane_overflow{};
    for (int level = 0; level <= smallest; ++level) {
        z = map_cards(m, level, fonts);
        const bool last = level == smallest;
        float need = 0;
        for (std::size_t i = 0; i < m.cards.size(); ++i)
            if (placed(m.cards[i])) need += (z.sizes[i].x + z.gap) * (z.sizes[i].y + z.gap);
        if (!last && need > 0.55f * pw * ph) continue;  // hopeless: no need to try
        Occupancy occ{s.plane_min, s.plane_max, z.gap, s.label_boxes};
        if (last) {  // the middle stays free for "+N", in case not every card finds room
            const ImVec2 size(std::round(7 * z.s), std::round(z.s + 2 * z.pad));
            plane_overflow =
                occ.take(ImVec2((s.plane_min.x + s.plane_max.x) / 2, (s.plane_min.y + s.plane_max.y) / 2), size);
        }
        const std::vector<ImVec2> spots = lattice(s.plane_min, s.plane_max, std::max(3.0f, 0.3f * z.s));
        // The spots of each quadrant: a card stays in its own, wholly inside it if it can.
        const ImVec2 mid((s.plane_min.x + s.plane_max.x) / 2, (s.plane_min.y + s.plane_max.y) / 2);
        auto quadrant = [&](ImVec2 p) { return (p.y <= mid.y ? 0 : 2) + (p.x >= mid.x ? 1 : 0); };
        std::vector<ImVec2> in[4];
        for (ImVec2 p : spots) in[quadrant(p)].push_back(p);
        s.cards.clear();
        plane_left_out = 0;
        bool fits = true;
        // Cards with a position first, so a phone's note never pushes a placed card aside.
        std::vector<std::size_t> order;
        for (std::size_t i = 0; i < m.cards.size(); ++i)
            if (positioned(m.cards[i])) order.push_back(i);
        for (std::size_t i = 0; i < m.cards.size(); ++i)
            if (!positioned(m.cards[i]) && placed(m.cards[i])) order.push_back(i);
        for (std::size_t k = 0; k < order.size() && fits; ++k) {
            const std::size_t i = order[k];
            const ModelCard& c = m.cards[i];
            // No position yet: the middle of its quadrant (zone q: top row for q < 2, right for odd q).
            const ImVec2 want = positioned(c) ? ImVec2(s.plane_min.x + static_cast<float>(c.x) * pw,
                                                       s.plane_min.y + static_cast<float>(1 - c.y) * ph)
                                              : ImVec2(s.plane_min.x + (c.zone % 2 == 0 ? 0.25f : 0.75f) * pw,
                                                       s.plane_min.y + (c.zone < 2 ? 0.25f : 0.75f) * ph);
            const std::vector<ImVec2>& own = in[quadrant(want)];
            Occupancy within = occ;
            within.lo = ImVec2(want.x >= mid.x ? mid.x : s.plane_min.x, want.y <= mid.y ? s.plane_min.y : mid.y);
            within.hi = ImVec2(want.x >= mid.x ? s.plane_max.x : mid.x, want.y <= mid.y ? mid.y : s.plane_max.y);
            ImVec2 spot;
            if (const int a = nearest_free(own, want, z.sizes[i], within); a >= 0)
                spot = own[static_cast<std::size_t>(a)];
            else if (const int b = nearest_free(own, want, z.sizes[i], occ); b >= 0)
                spot = own[static_cast<std::size_t>(b)];
            else if (const int c = nearest_free(spots, want, z.sizes[i], occ); c >= 0)
                spot = spots[static_cast<std::size_t>(c)];
            else {
                fits = last;
                ++plane_left_out;
                continue;
            }
            const BoardRegion r = occ.take(spot, z.sizes[i]);
            s.cards.push_back({i, r.min, r.max, z.texts[i], false});
        }
        if (fits) break;
    }
    s.level = z.level;
    s.size = z.s;
    s.pad = z.pad;
    s.cramped = z.level == smallest;
    if (plane_left_out > 0) s.overflow.push_back({0, plane_left_out, plane_overflow.min, plane_overflow.max});

    // The tray: unplaced cards in rows, the rest counted.
    const float gap = std::round(0.4f * z.s);
    float x = s.tray_min.x + 0.4f * em, y = s.tray_min.y + fonts.size(fonts.small) + 0.3f * em;
    float row_h = 0;
    for (std::size_t i = 0; i < m.cards.size(); ++i)
        if (!placed(m.cards[i])) row_h = std::max(row_h, z.sizes[i].y);
    int left_out = 0;
    for (std::size_t i = 0; any_unplaced && i < m.cards.size(); ++i) {
        if (placed(m.cards[i])) continue;
        const ImVec2 size = z.sizes[i];
        if (x + size.x > s.tray_max.x) {
            x = s.tray_min.x + 0.4f * em;
            y += row_h + gap;
        }
        if (y + size.y > s.tray_max.y || left_out > 0) {
            ++left_out;
            continue;
        }
        s.cards.push_back({i, ImVec2(x, y), ImVec2(x + size.x, y + size.y), z.texts[i], true});
        x += size.x + gap;
    }
    if (left_out > 0 && !s.cards.empty() && s.cards.back().in_tray) {
        // Make room for the "+N" card at the end of the last row.
        const SceneCard last = s.cards.back();
        s.cards.pop_back();
        s.overflow.push_back({0, left_out + 1, last.min, ImVec2(last.min.x + 4 * z.s, last.min.y + z.s + 2 * z.pad)});
    }
    return s;
}

}  // namespace samling
