// Card sizes for maps and the nearest-free-spot search that keeps map cards apart. Pure
// geometry over ImGui fonts; no GLFW, OpenGL, hub or workshop state.
#include "ui/board/spread.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "ui/board/scene.hpp"

namespace samling {

MapCards map_cards(const BoardModel& m, int level, const Fonts& fonts) {
    const int smallest = static_cast<int>(fonts.card.size()) - 1;
    level = std::clamp(level, 0, smallest);
    const ImFont* font = fonts.card[static_cast<std::size_t>(level)];
    const float s = fonts.size(font);
    MapCards out{level, s, std::round(0.4f * s), std::round(0.35f * s), {}, {}, 0};
    const int lines = level == smallest ? 2 : 3;
    for (const ModelCard& c : m.cards) {
        // Wide enough for the longest word (a service's name), within reason.
        float longest = 0;
        for (std::size_t a = 0; a < c.text.size();) {
            std::size_t e = c.text.find_first_of(" \n", a);
            if (e == std::string::npos) e = c.text.size();
            longest = std::max(longest, text_width(font, s, std::string_view(c.text).substr(a, e - a)));
            a = e + 1;
        }
        const float wrap = std::clamp(longest, 7.5f * s - 2 * out.pad, 12.0f * s - 2 * out.pad);
        WrappedText t = wrap_text(font, s, c.text, wrap, lines);
        float w = has_footer(c) ? 5.0f * s : 0.0f;
        for (const std::string& line : t.lines) w = std::max(w, text_width(font, s, line));
        const float h = static_cast<float>(t.lines.size() + (has_footer(c) ? 1 : 0)) * s + 2 * out.pad;
        const ImVec2 size(std::round(std::max(w + 2 * out.pad, 3.0f * s)), std::round(h));
        out.area += (size.x + out.gap) * (size.y + out.gap);
        out.texts.push_back(std::move(t));
        out.sizes.push_back(size);
    }
    return out;
}

bool overlaps(const BoardRegion& a, const BoardRegion& b, float gap) {
    return a.min.x < b.max.x + gap && b.min.x < a.max.x + gap && a.min.y < b.max.y + gap && b.min.y < a.max.y + gap;
}

BoardRegion rect_around(ImVec2 c, ImVec2 size) {
    // Whole pixels, as the card is drawn.
    const ImVec2 a(std::round(c.x - size.x / 2), std::round(c.y - size.y / 2));
    return {a, ImVec2(a.x + size.x, a.y + size.y)};
}

bool Occupancy::fits(ImVec2 centre, ImVec2 size) const {
    const BoardRegion r = rect_around(centre, size);
    if (r.min.x < lo.x || r.min.y < lo.y || r.max.x > hi.x || r.max.y > hi.y) return false;
    return std::none_of(taken.begin(), taken.end(), [&](const BoardRegion& t) { return overlaps(r, t, gap); });
}

BoardRegion Occupancy::take(ImVec2 centre, ImVec2 size) {
    taken.push_back(rect_around(centre, size));
    return taken.back();
}

std::vector<ImVec2> lattice(ImVec2 lo, ImVec2 hi, float step) {
    std::vector<ImVec2> out;
    step = std::max(step, 1.0f);
    for (float y = lo.y + step / 2; y < hi.y; y += step)
        for (float x = lo.x + step / 2; x < hi.x; x += step) out.push_back(ImVec2(x, y));
    return out;
}

int nearest_free(const std::vector<ImVec2>& candidates, ImVec2 want, ImVec2 size, const Occupancy& occupied) {
    // Nearest first, ties by index, so the result never depends on the order work is done in.
    // A heap, not a sort: the first few nearest spots usually fit, and a ring's lattice has
    // thousands of them for every card.
    std::vector<std::pair<float, int>> heap(candidates.size());
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const float dx = candidates[i].x - want.x, dy = candidates[i].y - want.y;
        heap[i] = {dx * dx + dy * dy, static_cast<int>(i)};
    }
    const auto farther = [](const std::pair<float, int>& a, const std::pair<float, int>& b) { return a > b; };
    std::make_heap(heap.begin(), heap.end(), farther);
    while (!heap.empty()) {
        std::pop_heap(heap.begin(), heap.end(), farther);
        const int i = heap.back().second;
        heap.pop_back();
        if (occupied.fits(candidates[static_cast<std::size_t>(i)], size)) return i;
    }
    return -1;
}

}  // namespace samling
