// Gliding cards: ease-out over glide_ms from the rectangle drawn last to the layout's. Pure
// state; no GLFW, OpenGL or hub.
#include "ui/board/motion.hpp"

#include <algorithm>
#include <set>

namespace samling {
namespace {

bool same(const BoardRegion& a, const BoardRegion& b) {
    return a.min.x == b.min.x && a.min.y == b.min.y && a.max.x == b.max.x && a.max.y == b.max.y;
}

float lerp(float a, float b, float t) {
    return a + (b - a) * t;
}

bool held(const CardGlide& g, long long layout, Timestamp now) {
    return now < g.hold_until && g.held_layout == layout;
}

}  // namespace

BoardRegion glide_at(const CardGlide& g, Timestamp now) {
    if (now >= g.start + glide_ms || now < g.start) return g.to;
    const float t = static_cast<float>(now - g.start) / static_cast<float>(glide_ms);
    const float e = 1 - (1 - t) * (1 - t) * (1 - t);  // ease out: quick away, gentle arrival
    return {ImVec2(lerp(g.from.min.x, g.to.min.x, e), lerp(g.from.min.y, g.to.min.y, e)),
            ImVec2(lerp(g.from.max.x, g.to.max.x, e), lerp(g.from.max.y, g.to.max.y, e))};
}

void follow(BoardMotion& motion, const std::vector<std::pair<Id, BoardRegion>>& places, long long layout,
            Timestamp now) {
    std::set<Id> seen;
    for (const auto& [note, place] : places) {
        seen.insert(note);
        auto it = motion.cards.find(note);
        if (it == motion.cards.end()) {
            motion.cards[note] = CardGlide{place, place, now, 0, -1};
            continue;
        }
        CardGlide& g = it->second;
        if (held(g, layout, now) || same(g.to, place)) continue;
        g = CardGlide{glide_at(g, now), place, now, 0, -1};
    }
    std::erase_if(motion.cards, [&](const auto& entry) { return !seen.count(entry.first); });
}

void let_go(BoardMotion& motion, Id note, BoardRegion where, long long layout, Timestamp now) {
    motion.cards[note] = CardGlide{where, where, now, now + hold_ms, layout};
}

bool moving(const BoardMotion& motion, Timestamp now) {
    return std::any_of(motion.cards.begin(), motion.cards.end(), [&](const auto& entry) {
        const CardGlide& g = entry.second;
        return (now < g.start + glide_ms && !same(g.from, g.to)) || now < g.hold_until;
    });
}

}  // namespace samling
