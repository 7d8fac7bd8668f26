// Help: the key list in two columns, split at a section boundary near the middle.
// No GLFW, OpenGL or hub.
#include "ui/panels/help_overlay.hpp"

#include <algorithm>
#include <cmath>

#include "ui/panels/control_theme.hpp"
#include "ui/text/draw_text.hpp"

namespace samling {
namespace {

// The line pitch: 1.32 em, closer (never under 1.12 em) when the longer column would not fit
// the window otherwise (27 groups' worth of keys at 1280×720).
float line_pitch(const Fonts& f, float fits) {
    return std::clamp(fits, 1.12f * f.em, 1.32f * f.em);
}

// Draws lines [from, to) as one column at `x`; the key column is `keys_w` wide.
void draw_column(ImDrawList* dl, const UiStrings& s, std::size_t from, std::size_t to, float x, float y, float keys_w,
                 float width, const Fonts& fonts, float pitch) {
    const float em = fonts.em;
    for (std::size_t i = from; i < to; ++i) {
        const KeyHelp& k = s.help[i];
        if (!k.keys) {
            if (i != from) y += 0.4f * em;
            draw_text(dl, fonts, fonts.bold, ImVec2(x, y), theme::text_muted, k.what);
        } else {
            draw_text_fit(dl, fonts, fonts.bold, ImVec2(x, y), theme::accent, k.keys, keys_w - 0.6f * em);
            draw_text_fit(dl, fonts, fonts.body, ImVec2(x + keys_w, y), theme::text, k.what, width - keys_w);
        }
        y += pitch;
    }
}

}  // namespace

void draw_help(const Frame& frame, ImDrawList* dl, ImVec2 size) {
    const Fonts& fonts = frame.fonts;
    const UiStrings& s = frame.words;
    const float em = fonts.em;
    // Split before the section heading nearest the middle.
    std::size_t split = s.help.size();
    for (std::size_t i = 1; i < s.help.size(); ++i)
        if (!s.help[i].keys &&
            (split == s.help.size() || std::abs(static_cast<float>(i) - s.help.size() / 2.0f) <
                                           std::abs(static_cast<float>(split) - s.help.size() / 2.0f)))
            split = i;
    const std::size_t rows = std::max(split, s.help.size() - split);

    float keys_w = 0;
    for (const KeyHelp& k : s.help)
        if (k.keys) keys_w = std::max(keys_w, width_of(fonts, fonts.bold, k.keys));
    keys_w += 1.0f * em;
    const float box_w = std::min(size.x - 2 * em, 60 * em);
    const float chrome = fonts.size(fonts.title) + 1.2f * em + 3.4f * em;
    const float pitch = line_pitch(fonts, (size.y - 2 * em - chrome - 1.2f * em) / static_cast<float>(rows));
    const float box_h = std::min(size.y - 2 * em, chrome + rows * pitch);
    const ImVec2 a = snap(ImVec2((size.x - box_w) / 2, (size.y - box_h) / 2)),
                 b = snap(ImVec2(a.x + box_w, a.y + box_h));
    dl->AddRectFilled(a, b, theme::sheet, 0.6f * em);
    dl->AddRect(a, b, theme::sheet_line, 0.6f * em);
    const float pad = 1.4f * em;
    draw_text(dl, fonts, fonts.title, ImVec2(a.x + pad, a.y + pad * 0.8f), theme::text, s.help_title);
    const float close_w = width_of(fonts, fonts.small, s.help_close);
    draw_text(dl, fonts, fonts.small, ImVec2(b.x - pad - close_w, a.y + pad), theme::text_dim, s.help_close);
    const float top = a.y + pad * 0.8f + fonts.size(fonts.title) + 0.9f * em;
    const float col_w = (box_w - 2 * pad - 2 * em) / 2;
    draw_column(dl, s, 0, split, a.x + pad, top, keys_w, col_w, fonts, pitch);
    draw_column(dl, s, split, s.help.size(), a.x + pad + col_w + 2 * em, top, keys_w, col_w, fonts, pitch);
}

}  // namespace samling
