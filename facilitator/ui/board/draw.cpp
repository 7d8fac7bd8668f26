// Drawing a board scene: backgrounds per layout first, then cluster boxes, links, cards and
// badges, the dragged card last. Sizes scale with the zoom; user text only through AddText.
// Must not depend on GLFW, OpenGL, the hub or the workshop state.
#include "ui/board/draw.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "ui/text/draw_text.hpp"
#include "ui/theme.hpp"

namespace samling {
namespace {

constexpr ImU32 author_text = theme::rgb(0x4A, 0x52, 0x60);
constexpr ImU32 badge_dark = theme::rgb(0x14, 0x1A, 0x24);

ImU32 mix(ImU32 a, ImU32 b, float t) {
    auto ch = [&](int shift) {
        const float x = static_cast<float>((a >> shift) & 0xFF), y = static_cast<float>((b >> shift) & 0xFF);
        return static_cast<ImU32>(std::lround(x + (y - x) * t)) << shift;
    };
    return ch(IM_COL32_R_SHIFT) | ch(IM_COL32_G_SHIFT) | ch(IM_COL32_B_SHIFT) | (0xFFu << IM_COL32_A_SHIFT);
}

ImU32 alpha(ImU32 c, unsigned a) {
    return (c & ~IM_COL32_A_MASK) | (static_cast<ImU32>(a) << IM_COL32_A_SHIFT);
}

const ImU32 background = theme::rgb(0x0B, 0x18, 0x2C);

struct Painter {
    ImDrawList* dl;
    const Fonts& fonts;
    const BoardTransform& view;

    ImVec2 at(ImVec2 p) const { return snap(view.to_screen(p)); }
    float len(float v) const { return v * view.zoom; }
    // Text of a baked font drawn at its size times the zoom.
    void text(const ImFont* font, ImVec2 screen_pos, ImU32 colour, std::string_view t, float scale = 1) const {
        dl->AddText(font, fonts.size(font) * view.zoom * scale, snap(screen_pos), colour, t.data(),
                    t.data() + t.size());
    }
    float width(const ImFont* font, std::string_view t) const { return width_of(fonts, font, t) * view.zoom; }
    void pill(ImVec2 a, const ImFont* font, ImU32 fill, ImU32 ink, std::string_view t) const {
        const float h = fonts.size(font) * view.zoom, padx = 0.45f * h;
        const ImVec2 b(a.x + width(font, t) + 2 * padx, a.y + 1.3f * h);
        dl->AddRectFilled(snap(a), snap(b), fill, 0.65f * h);
        text(font, ImVec2(a.x + padx, a.y + 0.15f * h), ink, t);
    }
};

void draw_columns(const Painter& p, const BoardScene& s, const BoardModel& m, const BoardMarks& marks) {
    const float em = p.fonts.em, bar_h = std::round(0.22f * em);
    for (std::size_t z = 0; z < s.zones.size() && z < m.zones.size(); ++z) {
        const BoardRegion& r = s.zones[z];
        if (marks.zone_target == static_cast<int>(z) && marks.box_target < 0 && !marks.merge_target)
            p.dl->AddRectFilled(p.at(r.min), p.at(r.max), alpha(theme::panel_hover, 200), p.len(0.3f * em));
        if (s.header_h <= 0) continue;
        const ModelZone& zone = m.zones[z];
        p.dl->AddRectFilled(p.at(r.min), p.at(ImVec2(r.max.x, r.min.y + bar_h)), zone.marker, p.len(bar_h / 2));
        const std::string count = std::to_string(zone.count);
        const float count_w = width_of(p.fonts, p.fonts.bold, count);
        const float y = r.min.y + bar_h + 0.2f * em;
        p.text(
            p.fonts.bold, p.view.to_screen(ImVec2(r.min.x, y)), theme::text,
            fit_label(p.fonts.bold, p.fonts.size(p.fonts.bold), zone.label, r.max.x - r.min.x - count_w - 0.6f * em));
        p.text(p.fonts.bold, p.view.to_screen(ImVec2(r.max.x - count_w, y)), theme::text_muted, count);
    }
}

void draw_fishbone(const Painter& p, const BoardScene& s, const BoardModel& m, const BoardMarks& marks,
                   const BoardStrings& words) {
    const float em = p.fonts.em;
    const float spine_t = std::max(2.0f, p.len(0.22f * em));
    for (const SceneBone& b : s.bones) {
        const ModelZone& zone = m.zones[static_cast<std::size_t>(b.zone)];
        const BoardRegion& r = s.zones[static_cast<std::size_t>(b.zone)];
        if (marks.zone_target == b.zone && marks.box_target < 0 && !marks.merge_target)
            p.dl->AddRectFilled(p.at(r.min), p.at(r.max), alpha(theme::panel_hover, 200), p.len(0.3f * em));
        p.dl->AddLine(p.at(b.outer), p.at(b.inner), zone.marker, std::max(2.0f, p.len(0.14f * em)));
        const float line_h = p.fonts.size(b.label_font);
        const float text_h = static_cast<float>(b.label_lines.size()) * line_h;
        float label_y = (b.label_min.y + b.label_max.y) / 2 - text_h / 2;
        const float dot = 0.55f * em;
        p.dl->AddRectFilled(p.at(ImVec2(b.label_min.x, label_y + (line_h - dot) / 2)),
                            p.at(ImVec2(b.label_min.x + dot, label_y + (line_h + dot) / 2)), zone.marker,
                            p.len(0.12f * em));
        for (const std::string& line : b.label_lines) {
            p.text(b.label_font, p.view.to_screen(ImVec2(b.label_min.x + dot + 0.4f * em, label_y)), theme::text, line);
            label_y += line_h;
        }
    }
    // The spine, with a tail, pointing at the head.
    const ImVec2 tail = p.at(ImVec2(s.spine_x0, s.spine_y)), neck = p.at(ImVec2(s.head_min.x, s.spine_y));
    p.dl->AddLine(tail, neck, theme::text_muted, spine_t);
    const float t = p.len(0.7f * em);
    p.dl->AddTriangleFilled(ImVec2(tail.x, tail.y - t), ImVec2(tail.x + t, tail.y), ImVec2(tail.x, tail.y + t),
                            theme::text_muted);
    // The head: the problem statement, white like the join card so it reads first.
    const bool hint = m.head_is_hint;
    p.dl->AddRectFilled(p.at(s.head_min), p.at(s.head_max), hint ? theme::panel : theme::join_card, p.len(0.4f * em));
    if (hint) p.dl->AddRect(p.at(s.head_min), p.at(s.head_max), theme::text_dim, p.len(0.4f * em), 0, 2.0f);
    const float pad = 0.6f * em;
    float y = s.head_min.y + pad;
    p.text(p.fonts.small, p.view.to_screen(ImVec2(s.head_min.x + pad, y)), hint ? theme::text_dim : theme::join_muted,
           words.head_label);
    y += p.fonts.size(p.fonts.small) + 0.3f * em;
    for (const std::string& line : s.head.lines) {
        p.text(s.head_font, p.view.to_screen(ImVec2(s.head_min.x + pad, y)),
               hint ? theme::text_muted : theme::join_text, line);
        y += p.fonts.size(s.head_font) * 1.1f;
    }
}

std::vector<ImVec2> ellipse(ImVec2 c, ImVec2 r, int segments) {
    std::vector<ImVec2> points;
    for (int i = 0; i < segments; ++i) {
        const float a = 2 * std::numbers::pi_v<float> * static_cast<float>(i) / static_cast<float>(segments);
        points.push_back(ImVec2(c.x + r.x * std::cos(a), c.y + r.y * std::sin(a)));
    }
    return points;
}

void draw_rings(const Painter& p, const BoardScene& s, const BoardModel& m, const BoardMarks& marks) {
    const ImVec2 c = p.view.to_screen(s.centre);
    for (int r = s.rings - 1; r >= 0; --r) {
        const ModelZone& zone = m.zones[static_cast<std::size_t>(r)];
        const float f = r < static_cast<int>(s.ring_edges.size()) ? s.ring_edges[static_cast<std::size_t>(r)] : 1.0f;
        const std::vector<ImVec2> pts = ellipse(c, ImVec2(p.len(s.radii.x * f), p.len(s.radii.y * f)), 96);
        const bool target = marks.zone_target == r && !marks.merge_target;
        const ImU32 fill = mix(background, zone.marker, target ? 0.30f : (r % 2 == 0 ? 0.16f : 0.10f));
        p.dl->AddConvexPolyFilled(pts.data(), static_cast<int>(pts.size()), fill);
        p.dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), alpha(zone.marker, 190), ImDrawFlags_Closed,
                          std::max(1.5f, p.len(0.1f * p.fonts.em)));
    }
}

// A map's labels, over the cards on a translucent pill: they stay readable even under a
// dragged card's path. Ring names in white, quadrant names in their zone's colour.
void draw_map_labels(const Painter& p, const BoardScene& s, const BoardModel& m) {
    for (std::size_t i = 0; i < s.labels.size() && i < s.label_text.size() && i < s.label_fonts.size(); ++i) {
        const BoardRegion& box = s.label_boxes[i];
        const float h = box.max.y - box.min.y;
        const ImU32 marker = i < m.zones.size() ? m.zones[i].marker : theme::text;
        const bool grid = s.kind == SceneKind::grid;
        p.dl->AddRectFilled(p.at(box.min), p.at(box.max), alpha(background, grid ? 200 : 150), p.len(0.5f * h));
        if (grid) p.dl->AddRect(p.at(box.min), p.at(box.max), alpha(marker, 140), p.len(0.5f * h), 0, 1.5f);
        p.text(s.label_fonts[i], p.view.to_screen(s.labels[i]), grid ? mix(marker, theme::text, 0.25f) : theme::text,
               s.label_text[i]);
    }
}

void draw_grid(const Painter& p, const BoardScene& s, const BoardModel& m, const BoardMarks& marks,
               const BoardStrings& words) {
    const float em = p.fonts.em;
    const ImVec2 a = s.plane_min, b = s.plane_max, mid((a.x + b.x) / 2, (a.y + b.y) / 2);
    const ImVec2 quads[4][2] = {
        {a, mid}, {ImVec2(mid.x, a.y), ImVec2(b.x, mid.y)}, {ImVec2(a.x, mid.y), ImVec2(mid.x, b.y)}, {mid, b}};
    for (std::size_t q = 0; q < 4 && q < m.zones.size(); ++q) {
        const ModelZone& zone = m.zones[q];
        const bool target = marks.zone_target == static_cast<int>(q) && !marks.merge_target;
        p.dl->AddRectFilled(p.at(quads[q][0]), p.at(quads[q][1]), mix(background, zone.marker, target ? 0.28f : 0.12f));
    }
    const float line = std::max(1.5f, p.len(0.08f * em));
    p.dl->AddLine(p.at(ImVec2(mid.x, a.y)), p.at(ImVec2(mid.x, b.y)), alpha(theme::text_muted, 120), line);
    p.dl->AddLine(p.at(ImVec2(a.x, mid.y)), p.at(ImVec2(b.x, mid.y)), alpha(theme::text_muted, 120), line);
    // Axes: arrows along the left and bottom edges, low to high.
    const float t = 0.45f * em, axis = std::max(2.0f, p.len(0.14f * em));
    const ImVec2 y0 = p.at(ImVec2(a.x - 0.7f * em, b.y)), y1 = p.at(ImVec2(a.x - 0.7f * em, a.y));
    p.dl->AddLine(y0, ImVec2(y1.x, y1.y + p.len(t)), theme::text_muted, axis);
    p.dl->AddTriangleFilled(y1, ImVec2(y1.x - p.len(t), y1.y + p.len(1.6f * t)),
                            ImVec2(y1.x + p.len(t), y1.y + p.len(1.6f * t)), theme::text_muted);
    const ImVec2 x0 = p.at(ImVec2(a.x, b.y + 0.55f * em)), x1 = p.at(ImVec2(b.x, b.y + 0.55f * em));
    p.dl->AddLine(x0, ImVec2(x1.x - p.len(t), x1.y), theme::text_muted, axis);
    p.dl->AddTriangleFilled(x1, ImVec2(x1.x - p.len(1.6f * t), x1.y - p.len(t)),
                            ImVec2(x1.x - p.len(1.6f * t), x1.y + p.len(t)), theme::text_muted);
    const std::string y_label = m.axis_y + " ↑", x_label = m.axis_x + " →";
    p.text(p.fonts.bold, p.view.to_screen(ImVec2(a.x, s.min.y)), theme::text, y_label);
    p.text(p.fonts.bold, p.view.to_screen(s.x_label_at), theme::text, x_label);
    if (s.tray_max.y > s.tray_min.y) {
        const bool target = marks.dragged && marks.zone_target < 0 && !marks.merge_target;
        p.dl->AddRectFilled(p.at(s.tray_min), p.at(s.tray_max), target ? theme::panel_hover : theme::panel,
                            p.len(0.3f * em));
        p.text(p.fonts.small, p.view.to_screen(ImVec2(s.tray_min.x + 0.4f * em, s.tray_min.y + 0.15f * em)),
               theme::text_muted, words.tray);
    }
}

// The line under a card's text: rank, author and note fields (owner, start date) on the left,
// dots and merged duplicates on the right.
void draw_footer(const Painter& p, const BoardScene& s, const ModelCard& c, ImVec2 at, float right) {
    const float z = p.view.zoom, line = s.size * z;
    // A badge font about three quarters of the card text, so its pill fits the line.
    std::size_t level = static_cast<std::size_t>(s.level);
    while (level + 1 < card_sizes_em.size() &&
           card_sizes_em[level] > 0.78f * card_sizes_em[static_cast<std::size_t>(s.level)])
        ++level;
    const ImFont* bf = p.fonts.card[level];
    const float bs = p.fonts.size(bf) * z, padx = 0.4f * bs;
    auto pill = [&](float x, ImU32 fill, ImU32 ink, const std::string& t) {
        const float w = p.width(bf, t) + 2 * padx;
        p.dl->AddRectFilled(snap(ImVec2(x, at.y)), snap(ImVec2(x + w, at.y + line)), fill, line / 2);
        p.text(bf, ImVec2(x + padx, at.y + (line - bs) / 2), ink, t);
        return w;
    };
    float x = at.x;
    if (c.rank > 0) x += pill(x, theme::accent, theme::accent_text, "#" + std::to_string(c.rank)) + 0.3f * line;
    float r = right;
    if (c.merged > 0) {
        const std::string t = "+" + std::to_string(c.merged);
        r -= p.width(bf, t) + 2 * padx;
        pill(r, theme::panel_hover, theme::text, t);
        r -= 0.25f * line;
    }
    if (c.dots > 0) {
        const std::string t = "● " + std::to_string(c.dots);
        r -= p.width(bf, t) + 2 * padx;
        pill(r, badge_dark, theme::text, t);
        r -= 0.25f * line;
    }
    std::string byline = c.author.empty() ? std::string() : "— " + c.author;
    if (!c.details.empty()) byline += (byline.empty() ? "" : " · ") + c.details;
    if (!byline.empty() && r > x) {
        const std::string t = fit_line(bf, p.fonts.size(bf), byline, (r - x) / z);
        p.text(bf, ImVec2(x, at.y + (line - bs) / 2), author_text, t);
    }
}

void draw_card(const Painter& p, const BoardScene& s, const ModelCard& c, const SceneCard& sc, ImVec2 a,
               const BoardMarks& marks, const BoardStrings& words) {
    const float z = p.view.zoom, size = s.size * z, pad = s.pad * z, rounding = 0.22f * size;
    const ImVec2 b(a.x + (sc.max.x - sc.min.x) * z, a.y + (sc.max.y - sc.min.y) * z);
    if (c.highlighted) {
        const float g = 0.35f * size;
        p.dl->AddRectFilled(ImVec2(a.x - g, a.y - g), ImVec2(b.x + g, b.y + g), alpha(theme::accent, 110),
                            rounding + g);
    }
    const float drop = std::max(2.0f, std::round(0.12f * size));
    p.dl->AddRectFilled(snap(ImVec2(a.x, a.y + drop)), snap(ImVec2(b.x, b.y + drop)), theme::shadow, rounding);
    p.dl->AddRectFilled(snap(a), snap(b), c.colour, rounding);
    if (c.highlighted) p.dl->AddRect(snap(a), snap(b), theme::accent, rounding, 0, std::max(2.5f, 0.2f * size));
    if (std::find(marks.selected.begin(), marks.selected.end(), c.note) != marks.selected.end())
        p.dl->AddRect(snap(ImVec2(a.x - 3, a.y - 3)), snap(ImVec2(b.x + 3, b.y + 3)), theme::text, rounding + 3, 0,
                      3.0f);
    const ImFont* font = p.fonts.card[static_cast<std::size_t>(s.level)];
    float y = a.y + pad;
    for (const std::string& line : sc.text.lines) {
        p.dl->AddText(font, size, snap(ImVec2(a.x + pad, y)), theme::card_text, line.data(), line.data() + line.size());
        y += size;
    }
    if (has_footer(c)) draw_footer(p, s, c, ImVec2(a.x + pad, y), b.x - pad);
    if (marks.merge_target == c.note) {
        p.dl->AddRect(snap(ImVec2(a.x - 4, a.y - 4)), snap(ImVec2(b.x + 4, b.y + 4)), theme::accent, rounding + 4, 0,
                      4.0f);
        p.pill(ImVec2(a.x, a.y - 1.45f * p.fonts.size(p.fonts.bold)), p.fonts.bold, theme::accent, theme::accent_text,
               words.merge);
    }
}

}  // namespace

void draw_scene(ImDrawList* dl, const BoardScene& s, const BoardModel& m, const Fonts& fonts, const UiStrings& strings,
                const BoardStrings& words, const BoardTransform& view, const BoardMarks& marks) {
    const Painter p{dl, fonts, view};
    switch (s.kind) {
        case SceneKind::columns:
            draw_columns(p, s, m, marks);
            break;
        case SceneKind::fishbone:
            draw_fishbone(p, s, m, marks, words);
            break;
        case SceneKind::rings:
            draw_rings(p, s, m, marks);
            break;
        case SceneKind::grid:
            draw_grid(p, s, m, marks, words);
            break;
    }
    const float size = s.size * view.zoom;
    for (std::size_t i = 0; i < s.boxes.size(); ++i) {
        const SceneBox& box = s.boxes[i];
        const ModelCluster& cl = m.clusters[box.cluster];
        const ImU32 marker = m.zones[static_cast<std::size_t>(cl.zone)].marker;
        const bool target = marks.box_target == static_cast<int>(i) && !marks.merge_target;
        dl->AddRectFilled(p.at(box.min), p.at(box.max), mix(background, marker, target ? 0.32f : 0.16f), 0.35f * size);
        dl->AddRect(p.at(box.min), p.at(box.max), target ? theme::accent : alpha(marker, 200), 0.35f * size, 0,
                    target ? 3.0f : std::max(1.5f, 0.1f * size));
        const ImFont* font = fonts.card[static_cast<std::size_t>(s.header_level)];
        const float hs = fonts.size(font), w = box.max.x - box.min.x - 2 * s.box_pad;
        dl->AddText(font, hs * view.zoom, p.at(ImVec2(box.min.x + s.box_pad, box.min.y + (s.header - hs) / 2)),
                    theme::text, fit_line(font, hs, cl.name, w).c_str());
    }
    const float link_t = std::max(1.5f, 0.12f * size);
    for (const SceneLink& l : s.links) {
        const ImVec2 a = p.at(l.from), b = p.at(l.to), knee(a.x, b.y);
        dl->AddLine(a, knee, theme::text_muted, link_t);
        dl->AddLine(knee, ImVec2(b.x - 0.3f * size, b.y), theme::text_muted, link_t);
        dl->AddTriangleFilled(b, ImVec2(b.x - 0.4f * size, b.y - 0.25f * size),
                              ImVec2(b.x - 0.4f * size, b.y + 0.25f * size), theme::text_muted);
    }
    const SceneCard* dragged = nullptr;
    for (const SceneCard& sc : s.cards) {
        const ModelCard& c = m.cards[sc.card];
        if (c.note == marks.dragged) {
            dragged = &sc;
            continue;
        }
        draw_card(p, s, c, sc, view.to_screen(sc.min), marks, words);
    }
    const ImFont* font = fonts.card[static_cast<std::size_t>(s.level)];
    for (const OverflowCard& o : s.overflow) {
        dl->AddRectFilled(p.at(o.min), p.at(o.max), theme::panel_hover, 0.22f * size);
        const std::string text = "+" + std::to_string(o.count) + " " + strings.more_notes;
        dl->AddText(font, size, p.at(ImVec2(o.min.x + s.pad, o.min.y + s.pad)), theme::text,
                    fit_line(font, s.size, text, o.max.x - o.min.x - 2 * s.pad).c_str());
    }
    if (s.kind == SceneKind::rings || s.kind == SceneKind::grid) draw_map_labels(p, s, m);
    if (dragged) {
        const ImVec2 a = marks.drag_min;
        const ImVec2 b(a.x + (dragged->max.x - dragged->min.x) * view.zoom,
                       a.y + (dragged->max.y - dragged->min.y) * view.zoom);
        dl->AddRectFilled(ImVec2(a.x + 0.3f * size, a.y + 0.4f * size), ImVec2(b.x + 0.3f * size, b.y + 0.4f * size),
                          theme::shadow, 0.22f * size);
        draw_card(p, s, m.cards[dragged->card], *dragged, a, marks, words);
    }
}

}  // namespace samling
