// The map layouts: rings (concentric ellipses, zone 0 innermost) and the grid (four quadrants
// over two axes, a tray for notes not placed yet). Cards sit at their position or evenly round
// their ring, then are nudged apart so none hides another. Pure geometry; no GLFW, OpenGL, hub.
#include <algorithm>
#include <cmath>
#include <numbers>

#include "ui/board_scene.hpp"
#include "ui/draw_text.hpp"

namespace samling {
namespace {

// Card sizes for a map: the largest text at which the cards cover at most `fraction` of `area`.
struct MapSizing {
    int level = 0;
    float s = 0, pad = 0;
    std::vector<WrappedText> texts;
    std::vector<ImVec2> sizes;
};

MapSizing size_cards(const BoardModel& m, float area, float fraction, const Fonts& fonts) {
    const int smallest = static_cast<int>(fonts.card.size()) - 1;
    MapSizing out;
    for (int level = 0; level <= smallest; ++level) {
        const ImFont* font = fonts.card[static_cast<std::size_t>(level)];
        const float s = fonts.size(font), pad = 0.4f * s, gap = 0.35f * s;
        const int lines = level == smallest ? 2 : 3;
        out = {level, s, pad, {}, {}};
        float covered = 0;
        for (const ModelCard& c : m.cards) {
            // Wide enough for the longest word (a service's name), within reason.
            float longest = 0;
            for (std::size_t a = 0; a < c.text.size();) {
                std::size_t e = c.text.find(' ', a);
                if (e == std::string::npos) e = c.text.size();
                longest = std::max(longest, text_width(font, s, std::string_view(c.text).substr(a, e - a)));
                a = e + 1;
            }
            const float wrap = std::clamp(longest, 7.5f * s - 2 * pad, 12.0f * s - 2 * pad);
            WrappedText t = wrap_text(font, s, c.text, wrap, lines);
            float w = has_footer(c) ? 5.0f * s : 0.0f;
            for (const std::string& line : t.lines) w = std::max(w, text_width(font, s, line));
            const float h = static_cast<float>(t.lines.size() + (has_footer(c) ? 1 : 0)) * s + 2 * pad;
            const ImVec2 size(std::round(std::max(w + 2 * pad, 3.0f * s)), std::round(h));
            covered += (size.x + gap) * (size.y + gap);
            out.texts.push_back(std::move(t));
            out.sizes.push_back(size);
        }
        if (covered <= fraction * area) break;
    }
    return out;
}

// Pushes overlapping cards apart along the axis where they overlap least, keeps them off the
// fixed boxes (labels) and inside [lo, hi]; `keep` pulls each back into its own zone.
template <class Keep>
void relax(std::vector<ImVec2>& centres, const std::vector<ImVec2>& sizes, const std::vector<BoardRegion>& fixed,
           ImVec2 lo, ImVec2 hi, float gap, Keep keep) {
    const std::size_t n = centres.size();
    for (int iteration = 0; iteration < 80; ++iteration) {
        bool moved = false;
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t j = i + 1; j < n; ++j) {
                const float dx = centres[j].x - centres[i].x, dy = centres[j].y - centres[i].y;
                const float ox = (sizes[i].x + sizes[j].x) / 2 + gap - std::abs(dx);
                const float oy = (sizes[i].y + sizes[j].y) / 2 + gap - std::abs(dy);
                if (ox <= 0 || oy <= 0) continue;
                moved = true;
                // Ties (cards on one spot) part by index, so the result never depends on luck.
                if (ox * 0.6f < oy) {
                    const float d = (dx > 0 || (dx == 0 && i < j) ? 1.0f : -1.0f) * ox / 2;
                    centres[i].x -= d;
                    centres[j].x += d;
                } else {
                    const float d = (dy > 0 || (dy == 0 && i < j) ? 1.0f : -1.0f) * oy / 2;
                    centres[i].y -= d;
                    centres[j].y += d;
                }
            }
            for (const BoardRegion& f : fixed) {
                const float cx = (f.min.x + f.max.x) / 2, cy = (f.min.y + f.max.y) / 2;
                const float ox = (sizes[i].x + f.max.x - f.min.x) / 2 - std::abs(centres[i].x - cx);
                const float oy = (sizes[i].y + f.max.y - f.min.y) / 2 - std::abs(centres[i].y - cy);
                if (ox <= 0 || oy <= 0) continue;
                moved = true;
                // Sideways: along a ring near its label, and off a quadrant's name.
                if (ox < oy * 3) centres[i].x += (centres[i].x >= cx ? 1.0f : -1.0f) * ox;
                else centres[i].y += (centres[i].y >= cy ? 1.0f : -1.0f) * oy;
            }
        }
        for (std::size_t i = 0; i < n; ++i) {
            centres[i] = keep(i, centres[i]);
            centres[i].x = std::clamp(centres[i].x, lo.x + sizes[i].x / 2, std::max(lo.x + sizes[i].x / 2, hi.x - sizes[i].x / 2));
            centres[i].y = std::clamp(centres[i].y, lo.y + sizes[i].y / 2, std::max(lo.y + sizes[i].y / 2, hi.y - sizes[i].y / 2));
        }
        if (!moved) break;
    }
}

void put_cards(BoardScene& s, const MapSizing& z, const std::vector<std::size_t>& ids,
               const std::vector<ImVec2>& centres) {
    for (std::size_t k = 0; k < ids.size(); ++k) {
        const ImVec2 size = z.sizes[ids[k]];
        const ImVec2 a = snap(ImVec2(centres[k].x - size.x / 2, centres[k].y - size.y / 2));
        s.cards.push_back({ids[k], a, ImVec2(a.x + size.x, a.y + size.y), z.texts[ids[k]], false});
    }
}

bool placed(const ModelCard& c) { return c.x >= 0 && c.x <= 1 && c.y >= 0 && c.y <= 1; }

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
    const float n = static_cast<float>(s.rings);
    const float area = std::numbers::pi_v<float> * s.radii.x * s.radii.y;
    const MapSizing z = size_cards(m, area, 0.42f, fonts);
    s.level = z.level;
    s.size = z.s;
    s.pad = z.pad;

    // Labels at the top of each ring, kept clear of cards.
    std::vector<BoardRegion> fixed;
    const float label_h = fonts.size(fonts.bold);
    for (int r = 0; r < s.rings; ++r) {
        const float f = (static_cast<float>(r) + 1) / n;
        const float top = r == 0 ? s.centre.y - label_h / 2 : s.centre.y - s.radii.y * f + 0.15f * em;
        // As wide as the ring is at the label's height.
        const float ny = (top + label_h / 2 - s.centre.y) / s.radii.y;
        const float room = 2 * s.radii.x * std::sqrt(std::max(0.0f, f * f - ny * ny)) * 0.9f;
        const std::string label =
            fit_label(fonts.bold, fonts.size(fonts.bold), m.zones[static_cast<std::size_t>(r)].label, room);
        const float w = width_of(fonts, fonts.bold, label);
        const ImVec2 a(s.centre.x - w / 2, top);
        s.labels.push_back(a);
        s.label_text.push_back(label);
        fixed.push_back({ImVec2(a.x - 0.3f * em, a.y), ImVec2(a.x + w + 0.3f * em, a.y + label_h)});
    }

    std::vector<std::size_t> ids;
    std::vector<ImVec2> centres;
    std::vector<int> count(static_cast<std::size_t>(s.rings), 0), seen(static_cast<std::size_t>(s.rings), 0);
    for (const ModelCard& c : m.cards)
        if (!placed(c)) ++count[static_cast<std::size_t>(std::min(c.zone, s.rings - 1))];
    const ImVec2 box_min(s.centre.x - s.radii.x, s.centre.y - s.radii.y);
    for (std::size_t i = 0; i < m.cards.size(); ++i) {
        const ModelCard& c = m.cards[i];
        const int ring = std::min(c.zone, s.rings - 1);
        ImVec2 p;
        if (placed(c)) {
            p = ImVec2(box_min.x + static_cast<float>(c.x) * 2 * s.radii.x,
                       box_min.y + static_cast<float>(1 - c.y) * 2 * s.radii.y);
        } else {
            // Evenly round the ring from the bottom, leaving the top, where its label is, free.
            const int k = seen[static_cast<std::size_t>(ring)]++, of = count[static_cast<std::size_t>(ring)];
            constexpr float pi = std::numbers::pi_v<float>, free_arc = 0.5f;
            const float a = -pi / 2 + free_arc / 2 + (2 * pi - free_arc) * (static_cast<float>(k) + 0.5f) / static_cast<float>(of);
            const float rr = ring == 0 ? (of == 1 ? 0.0f : 0.55f / n) : (static_cast<float>(ring) + 0.5f) / n;
            p = ImVec2(s.centre.x + rr * s.radii.x * std::cos(a), s.centre.y + rr * s.radii.y * std::sin(a));
        }
        ids.push_back(i);
        centres.push_back(p);
    }
    // Each card stays in its own ring: its centre's distance from the middle is clamped to it.
    auto keep = [&](std::size_t k, ImVec2 p) {
        const int ring = std::min(m.cards[ids[k]].zone, s.rings - 1);
        const float nx = (p.x - s.centre.x) / s.radii.x, ny = (p.y - s.centre.y) / s.radii.y;
        const float r = std::sqrt(nx * nx + ny * ny);
        const float lo = ring == 0 ? 0.0f : (static_cast<float>(ring) + 0.12f) / n;
        const float hi = (static_cast<float>(ring) + 0.88f) / n;
        if (r < 1e-4f) return ring == 0 ? p : ImVec2(s.centre.x, s.centre.y + lo * s.radii.y);
        const float t = std::clamp(r, lo, hi) / r;
        return ImVec2(s.centre.x + nx * t * s.radii.x, s.centre.y + ny * t * s.radii.y);
    };
    relax(centres, [&] {
        std::vector<ImVec2> sizes;
        for (std::size_t i : ids) sizes.push_back(z.sizes[i]);
        return sizes;
    }(), fixed, min, max, 0.3f * z.s, keep);
    put_cards(s, z, ids, centres);
    return s;
}

BoardScene scene_grid(const BoardModel& m, ImVec2 min, ImVec2 max, const Fonts& fonts) {
    const float em = fonts.em;
    BoardScene s;
    s.kind = SceneKind::grid;
    s.min = min;
    s.max = max;
    const bool any_unplaced = std::any_of(m.cards.begin(), m.cards.end(), [](const ModelCard& c) { return !placed(c); });
    const float axis_w = std::round(1.4f * em), axis_h = std::round(fonts.size(fonts.bold) + 0.5f * em);
    // The tray: its label and up to two rows of cards at the largest card size.
    const float tray_rows = std::count_if(m.cards.begin(), m.cards.end(), [](const ModelCard& c) { return !placed(c); }) > 6 ? 2.0f : 1.0f;
    const float tray_h = any_unplaced ? std::round(std::min(fonts.size(fonts.small) + 0.9f * em +
                                                                tray_rows * (fonts.size(fonts.card[2]) * 2.0f + 0.5f * em),
                                                            0.3f * (max.y - min.y)))
                                      : 0.0f;
    s.plane_min = ImVec2(min.x + axis_w, min.y + axis_h);
    s.plane_max = ImVec2(max.x, max.y - axis_h - tray_h);
    if (any_unplaced) {
        s.tray_min = ImVec2(min.x, max.y - tray_h + 0.3f * em);
        s.tray_max = max;
    }
    const float area = (s.plane_max.x - s.plane_min.x) * (s.plane_max.y - s.plane_min.y);
    const MapSizing z = size_cards(m, area, 0.45f, fonts);
    s.level = z.level;
    s.size = z.s;
    s.pad = z.pad;

    // Each quadrant's name (its strategy) in its outer corner, kept clear of cards.
    std::vector<BoardRegion> fixed;
    const float title_h = fonts.size(fonts.title);
    for (std::size_t q = 0; q < 4 && q < m.zones.size(); ++q) {
        const bool top = q < 2, left = q % 2 == 0;
        const std::string label =
            fit_label(fonts.title, title_h, m.zones[q].label, (s.plane_max.x - s.plane_min.x) / 2 - 1.0f * em);
        const float w = width_of(fonts, fonts.title, label);
        s.label_text.push_back(label);
        const ImVec2 a(left ? s.plane_min.x + 0.5f * em : s.plane_max.x - 0.5f * em - w,
                       top ? s.plane_min.y + 0.3f * em : s.plane_max.y - 0.3f * em - title_h);
        s.labels.push_back(a);
        fixed.push_back({a, ImVec2(a.x + w, a.y + title_h)});
    }

    // Placed cards centred on their position, nudged apart.
    std::vector<std::size_t> ids;
    std::vector<ImVec2> centres, sizes;
    const float pw = s.plane_max.x - s.plane_min.x, ph = s.plane_max.y - s.plane_min.y;
    for (std::size_t i = 0; i < m.cards.size(); ++i) {
        const ModelCard& c = m.cards[i];
        if (!placed(c)) continue;
        ids.push_back(i);
        centres.push_back(ImVec2(s.plane_min.x + static_cast<float>(c.x) * pw,
                                 s.plane_min.y + static_cast<float>(1 - c.y) * ph));
        sizes.push_back(z.sizes[i]);
    }
    relax(centres, sizes, fixed, s.plane_min, s.plane_max, 0.3f * z.s, [](std::size_t, ImVec2 p) { return p; });
    put_cards(s, z, ids, centres);

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
