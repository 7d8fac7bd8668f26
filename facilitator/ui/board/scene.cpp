// Choosing a layout for the model, the pieces every layout shares (card text, "why?" links),
// and where a dropped card lands. Pure geometry; no GLFW, OpenGL, hub or workshop state.
#include "ui/board/scene.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace samling {

std::string fit_label(const ImFont* font, float size, std::string_view label, float width) {
    if (text_width(font, size, label) <= width) return std::string(label);
    if (const auto colon = label.find(':'); colon != std::string_view::npos && colon > 0) {
        const std::string_view head = label.substr(0, colon);
        if (text_width(font, size, head) <= width) return std::string(head);
    }
    return fit_line(font, size, label, width);
}

ImVec2 map_label_pad(const Fonts& fonts) {
    return ImVec2(std::round(0.35f * fonts.em), std::round(0.08f * fonts.em));
}

void add_map_label(BoardScene& s, const Fonts& fonts, const ImFont* font, std::string text, ImVec2 at) {
    const ImVec2 pad = map_label_pad(fonts);
    const float w = text_width(font, fonts.size(font), text), h = fonts.size(font);
    s.labels.push_back(at);
    s.label_fonts.push_back(font);
    s.label_boxes.push_back({ImVec2(at.x - pad.x, at.y - pad.y), ImVec2(at.x + w + pad.x, at.y + h + pad.y)});
    s.label_text.push_back(std::move(text));
}

bool has_footer(const ModelCard& card) {
    return !card.author.empty() || !card.details.empty() || card.dots > 0 || card.rank > 0 || card.merged > 0;
}

std::vector<SceneLink> chain_links(const BoardModel& model, const std::vector<SceneCard>& cards, float indent) {
    std::map<Id, const SceneCard*> by_note;
    for (const SceneCard& c : cards) by_note[model.cards[c.card].note] = &c;
    std::vector<SceneLink> links;
    for (const SceneCard& c : cards) {
        const ModelCard& m = model.cards[c.card];
        auto it = m.parent ? by_note.find(m.parent) : by_note.end();
        if (it == by_note.end()) continue;
        const SceneCard& p = *it->second;
        // An elbow from under the cause down to the answer's left edge.
        const float x = std::min(p.min.x + 0.5f * indent, c.min.x - 0.25f * indent);
        links.push_back({ImVec2(x, p.max.y), ImVec2(c.min.x, std::min(c.min.y + 0.5f * indent, c.max.y))});
    }
    return links;
}

BoardScene make_scene(const BoardModel& model, ImVec2 min, ImVec2 max, const Fonts& fonts) {
    if (model.layout == "fishbone") return scene_fishbone(model, min, max, fonts);
    if (model.layout == "rings") return scene_rings(model, min, max, fonts);
    if (model.layout == "grid") return scene_grid(model, min, max, fonts);
    return scene_columns(model, min, max, fonts);
}

namespace {

bool inside(ImVec2 p, ImVec2 a, ImVec2 b) {
    return p.x >= a.x && p.x <= b.x && p.y >= a.y && p.y <= b.y;
}

float distance_to(ImVec2 p, const BoardRegion& r) {
    const float dx = std::max({r.min.x - p.x, 0.0f, p.x - r.max.x});
    const float dy = std::max({r.min.y - p.y, 0.0f, p.y - r.max.y});
    return std::sqrt(dx * dx + dy * dy);
}

double unit(float v) {
    return std::clamp(static_cast<double>(v), 0.0, 1.0);
}

}  // namespace

DropSpot drop_spot(const BoardScene& s, ImVec2 p) {
    DropSpot d;
    switch (s.kind) {
        case SceneKind::grid: {
            if (inside(p, s.tray_min, s.tray_max) || s.plane_max.x <= s.plane_min.x) return d;  // zone: keep
            const double x = unit((p.x - s.plane_min.x) / (s.plane_max.x - s.plane_min.x));
            const double y = unit(1.0f - (p.y - s.plane_min.y) / (s.plane_max.y - s.plane_min.y));
            d.x = x;
            d.y = y;
            d.zone = (y >= 0.5 ? 0 : 2) + (x >= 0.5 ? 1 : 0);  // top-left, top-right, bottom-left, bottom-right
            return d;
        }
        case SceneKind::rings: {
            if (s.rings <= 0 || s.radii.x <= 0 || s.radii.y <= 0) return d;
            const float nx = (p.x - s.centre.x) / s.radii.x, ny = (p.y - s.centre.y) / s.radii.y;
            const float r = std::sqrt(nx * nx + ny * ny);
            d.zone = s.rings - 1;
            for (int i = 0; i < s.rings && i < static_cast<int>(s.ring_edges.size()); ++i)
                if (r <= s.ring_edges[static_cast<std::size_t>(i)]) {
                    d.zone = i;
                    break;
                }
            d.x = unit(0.5f + 0.5f * nx);
            d.y = unit(0.5f - 0.5f * ny);
            return d;
        }
        case SceneKind::columns:
        case SceneKind::fishbone: {
            float best = 1e30f;
            for (std::size_t i = 0; i < s.zones.size(); ++i) {
                const float dist = distance_to(p, s.zones[i]);
                if (dist < best && s.zones[i].max.x > s.zones[i].min.x) {
                    best = dist;
                    d.zone = static_cast<int>(i);
                }
            }
            return d;
        }
    }
    return d;
}

}  // namespace samling
