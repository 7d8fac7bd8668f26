// The rings map: concentric ellipses, zone 0 (the child) a disc in the middle. Each ring's
// label is reserved at its top; cards spread by angle round their band and take the nearest
// free spot, the text shrinking until every card fits. Pure geometry; no GLFW, OpenGL, hub.
#include <algorithm>
#include <cmath>
#include <numbers>

#include "ui/board/scene.hpp"
#include "ui/board/spread.hpp"
#include "ui/text/draw_text.hpp"

namespace samling {
namespace {

constexpr float pi = std::numbers::pi_v<float>;
constexpr float child_weight = 1.5f;   // the middle disc's radius, in bands
constexpr float crowd_weight = 0.08f;  // each card widens its ring's band this much (up to 3 bands)

bool placed(const ModelCard& c) {
    return c.x >= 0 && c.x <= 1 && c.y >= 0 && c.y <= 1;
}

// A point's distance from the middle, 1 on the outermost ring.
float ring_radius(const BoardScene& s, ImVec2 p) {
    const float nx = (p.x - s.centre.x) / s.radii.x, ny = (p.y - s.centre.y) / s.radii.y;
    return std::sqrt(nx * nx + ny * ny);
}

float inner_edge(const BoardScene& s, int ring) {
    return ring == 0 ? 0.0f : s.ring_edges[static_cast<std::size_t>(ring - 1)];
}

// How wide ring `ring` is at height `y` (inside its outer ellipse).
float width_at(const BoardScene& s, int ring, float y) {
    const float f = s.ring_edges[static_cast<std::size_t>(ring)], ny = (y - s.centre.y) / s.radii.y;
    return 2 * s.radii.x * std::sqrt(std::max(0.0f, f * f - ny * ny));
}

// Each ring's name at the top of its band; the child's just above the middle, its cards under it.
// One font for all of them: bold when every name fits whole, else the small one.
void add_labels(BoardScene& s, const BoardModel& m, const Fonts& fonts) {
    const float em = fonts.em;
    auto place = [&](int r, const ImFont* f, std::string& text, float& top) {
        const std::string_view label =
            r < static_cast<int>(m.zones.size()) ? std::string_view(m.zones[static_cast<std::size_t>(r)].label) : "";
        const float h = fonts.size(f);
        // In the middle of the band's top, where the ring is widest for it.
        const float band_mid = (inner_edge(s, r) + s.ring_edges[static_cast<std::size_t>(r)]) / 2;
        top = r == 0 ? s.centre.y - h - 0.2f * em : s.centre.y - s.radii.y * band_mid - h / 2;
        // Its pill is drawn over the ring's line, so the ring's width at the text's middle will do.
        const float room = 0.95f * width_at(s, r, top + h / 2) - 2 * map_label_pad(fonts).x;
        text = fit_label(f, h, label, room);
        return text == label;
    };
    const ImFont* font = fonts.bold;
    std::string text;
    float top = 0;
    for (int r = 0; r < s.rings; ++r)
        if (!place(r, fonts.bold, text, top)) font = fonts.small;
    for (int r = 0; r < s.rings; ++r) {
        place(r, font, text, top);
        add_map_label(s, fonts, font, text,
                      ImVec2(std::round(s.centre.x - text_width(font, fonts.size(font), text) / 2), std::round(top)));
    }
}

struct RingPlan {
    std::vector<SceneCard> cards;
    int left_out = 0;
};

// Places every card at level `z`; false when one finds no room, unless `partial`: then the
// cards left out are counted, and the corner for the "+N" card stays free.
bool place_all(const BoardScene& s, const BoardModel& m, const MapCards& z, const BoardRegion* overflow, bool partial,
               RingPlan& out) {
    Occupancy occ{s.min, s.max, z.gap, s.label_boxes};
    if (overflow) occ.taken.push_back(*overflow);
    // Candidate centres, each in the band of one ring and clear of its lines.
    std::vector<std::vector<ImVec2>> spots(static_cast<std::size_t>(s.rings));
    for (ImVec2 p : lattice(s.min, s.max, std::max(3.0f, 0.3f * z.s))) {
        const float r = ring_radius(s, p);
        for (int i = 0; i < s.rings; ++i) {
            const float lo = inner_edge(s, i), hi = s.ring_edges[static_cast<std::size_t>(i)],
                        margin = 0.08f * (hi - lo);
            if (r <= hi) {
                if ((i == 0 || r >= lo + margin) && r <= hi - margin) spots[static_cast<std::size_t>(i)].push_back(p);
                break;
            }
        }
    }
    // Where each card wants to be: its saved position, else evenly round the middle of its band;
    // rings alternate so their cards do not line up.
    std::vector<int> count(static_cast<std::size_t>(s.rings), 0), seen(count.size(), 0);
    for (const ModelCard& c : m.cards)
        if (!placed(c)) ++count[static_cast<std::size_t>(std::clamp(c.zone, 0, s.rings - 1))];
    std::vector<ImVec2> want(m.cards.size());
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < m.cards.size(); ++i) {
        const ModelCard& c = m.cards[i];
        const int ring = std::clamp(c.zone, 0, s.rings - 1);
        if (placed(c)) {
            want[i] = ImVec2(s.centre.x + (2 * static_cast<float>(c.x) - 1) * s.radii.x,
                             s.centre.y + (1 - 2 * static_cast<float>(c.y)) * s.radii.y);
            order.push_back(i);
            continue;
        }
        const int k = seen[static_cast<std::size_t>(ring)]++, of = count[static_cast<std::size_t>(ring)];
        if (ring == 0) {
            want[i] = ImVec2(s.centre.x, s.centre.y + 0.2f * z.s + z.sizes[i].y / 2);
            continue;
        }
        // From the right (even rings) or the left (odd), where an ellipse has most room.
        const float step = 2 * pi / static_cast<float>(of);
        const float a = (ring % 2 == 1 ? pi : 0.0f) + step * (static_cast<float>(k) + 0.25f);
        const float rr = (inner_edge(s, ring) + s.ring_edges[static_cast<std::size_t>(ring)]) / 2;
        want[i] = ImVec2(s.centre.x + rr * s.radii.x * std::cos(a), s.centre.y + rr * s.radii.y * std::sin(a));
    }
    // Saved positions first (they move least), then the rest from the middle outwards.
    for (int ring = 0; ring < s.rings; ++ring)
        for (std::size_t i = 0; i < m.cards.size(); ++i)
            if (!placed(m.cards[i]) && std::clamp(m.cards[i].zone, 0, s.rings - 1) == ring) order.push_back(i);
    out = {};
    for (std::size_t i : order) {
        const auto& cands = spots[static_cast<std::size_t>(std::clamp(m.cards[i].zone, 0, s.rings - 1))];
        const int at = nearest_free(cands, want[i], z.sizes[i], occ);
        if (at < 0) {
            if (!partial) return false;
            ++out.left_out;
            continue;
        }
        const BoardRegion r = occ.take(cands[static_cast<std::size_t>(at)], z.sizes[i]);
        out.cards.push_back({i, r.min, r.max, z.texts[i], false});
    }
    // Drawn in the model's order, whatever order they were placed in.
    std::sort(out.cards.begin(), out.cards.end(),
              [](const SceneCard& a, const SceneCard& b) { return a.card < b.card; });
    return true;
}

}  // namespace

BoardScene scene_rings(const BoardModel& m, ImVec2 min, ImVec2 max, const Fonts& fonts) {
    const float em = fonts.em;
    BoardScene s;
    s.kind = SceneKind::rings;
    s.min = min;
    s.max = max;
    s.rings = std::max<int>(1, static_cast<int>(m.zones.size()));
    s.centre = ImVec2(std::round((min.x + max.x) / 2), std::round((min.y + max.y) / 2));
    s.radii = ImVec2((max.x - min.x) / 2 - 0.2f * em, (max.y - min.y) / 2 - 0.2f * em);
    // A ring's band is wider the more cards it holds, so a crowded ring keeps its type large.
    std::vector<float> weight(static_cast<std::size_t>(s.rings), 1.0f);
    weight[0] = child_weight;
    for (const ModelCard& c : m.cards)
        weight[static_cast<std::size_t>(std::clamp(c.zone, 0, s.rings - 1))] += crowd_weight;
    float bands = 0;
    for (int r = 0; r < s.rings; ++r) bands += std::min(weight[static_cast<std::size_t>(r)], 3.0f);
    float edge = 0;
    for (int r = 0; r < s.rings; ++r) {
        edge += std::min(weight[static_cast<std::size_t>(r)], 3.0f);
        s.ring_edges.push_back(edge / bands);
    }
    add_labels(s, m, fonts);

    const float area = pi * s.radii.x * s.radii.y;
    const int smallest = static_cast<int>(fonts.card.size()) - 1;
    RingPlan plan;
    MapCards z;
    for (int level = 0; level <= smallest; ++level) {
        z = map_cards(m, level, fonts);
        if (level < smallest && z.area > 0.6f * area) continue;  // hopeless: no need to try
        if (level < smallest && place_all(s, m, z, nullptr, false, plan)) break;
        if (level == smallest && !place_all(s, m, z, nullptr, false, plan)) {
            // Not even the smallest fits: keep the bottom-right corner for "+N".
            const ImVec2 size(std::round(7 * z.s), std::round(z.s + 2 * z.pad));
            const BoardRegion corner{ImVec2(max.x - size.x, max.y - size.y), max};
            place_all(s, m, z, &corner, true, plan);
            if (plan.left_out > 0) s.overflow.push_back({0, plan.left_out, corner.min, corner.max});
        }
    }
    s.level = z.level;
    s.size = z.s;
    s.pad = z.pad;
    s.cramped = z.level == smallest;
    s.cards = std::move(plan.cards);
    return s;
}

}  // namespace samling
