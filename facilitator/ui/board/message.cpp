// Choosing the type and lines of an empty board's message so it stays inside its area. Pure
// layout; no GLFW, OpenGL or hub.
#include "ui/board/message.hpp"

#include <algorithm>
#include <cmath>

#include "ui/text/text_wrap.hpp"

namespace samling {

BoardMessage board_message(const Fonts& fonts, ImVec2 min, ImVec2 max, std::string_view text) {
    const float width = std::min(max.x - min.x - 2 * fonts.em, 26 * fonts.em);
    const float room = max.y - min.y;
    BoardMessage m;
    for (const ImFont* font : {fonts.title, fonts.bold, fonts.small}) {
        const float s = fonts.size(font);
        const int most_lines = std::clamp(static_cast<int>(room / s), 1, 3);
        const WrappedText t = wrap_text(font, s, text, width, most_lines);
        m = {font, s, t.lines, 0};
        // Whole, in as many lines as the room takes: this type will do.
        if (!t.truncated && static_cast<float>(t.lines.size()) * s <= room) break;
    }
    const float h = static_cast<float>(m.lines.size()) * m.size;
    m.top = std::round(std::max(min.y, (min.y + max.y) / 2 - h / 2));
    return m;
}

}  // namespace samling
