// The phone preview, in the phone page's palette (assets/web/style.css), at the projector's
// small and body sizes. No GLFW, OpenGL or hub.
#include "ui/panels/phone_preview.hpp"

#include <algorithm>
#include <cmath>

#include "ui/panels/control_theme.hpp"
#include "ui/panels/step_bar.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/text/drawable_text.hpp"

namespace samling {

PhoneStatus phone_status(const ParticipantView& view, const UiStrings& s) {
    PhoneStatus st;
    if (!view.activity) return st;
    const ParticipantView::Activity& a = *view.activity;
    if (a.step.kind == StepKind::write || a.step.proposals) {
        st.open = a.accepts_notes;
        st.writing = st.open ? s.preview_open : s.preview_closed;
    }
    if (a.votes) st.votes = std::string(s.preview_votes) + " " + count_of(a.votes->left, s.dots_one, s.dots_many);
    if (a.step.timer_seconds > 0 || a.timer.running || a.timer.remaining_seconds != a.timer.duration_seconds)
        st.timer = clock_text(static_cast<std::int64_t>(a.timer.remaining_seconds) * 1000);
    return st;
}

namespace {

// Draws wrapped lines from `y`; returns the y below them.
float lines_at(ImDrawList* dl, const Fonts& fonts, const ImFont* font, float x, float y, ImU32 col,
               const WrappedText& t, float leading) {
    for (const std::string& line : t.lines) {
        draw_text(dl, fonts, font, ImVec2(x, y), col, line);
        y += fonts.size(font) * leading;
    }
    return y;
}

}  // namespace

void draw_phone_preview(ImDrawList* dl, const ParticipantView& view, ImVec2 min, ImVec2 max, const Fonts& fonts,
                        const UiStrings& s) {
    const float em = fonts.em;
    const float small = fonts.size(fonts.small);
    draw_text_centred(dl, fonts, fonts.bold, (min.x + max.x) / 2, min.y, theme::accent, s.preview_title, max.x - min.x);
    min.y += em * 1.5f;
    // A phone's 9:16 shape, as large as the space allows.
    float w = max.x - min.x, h = max.y - min.y;
    if (h * 9 > w * 16)
        h = w * 16 / 9;
    else
        w = h * 9 / 16;
    const ImVec2 a = snap(ImVec2((min.x + max.x - w) / 2, min.y)), b = snap(ImVec2(a.x + w, a.y + h));
    const float bezel = std::round(0.45f * em);
    dl->AddRectFilled(a, b, theme::phone_bezel, 1.4f * em);
    const ImVec2 sa(a.x + bezel, a.y + bezel * 2.2f), sb(b.x - bezel, b.y - bezel * 2.2f);
    dl->AddRectFilled(sa, sb, theme::phone_bg, 0.9f * em);
    dl->AddRectFilled(ImVec2((a.x + b.x) / 2 - 1.6f * em, a.y + bezel * 0.8f),
                      ImVec2((a.x + b.x) / 2 + 1.6f * em, a.y + bezel * 1.4f), theme::rgb(0x30, 0x30, 0x36), bezel);
    dl->PushClipRect(sa, sb, true);

    const float pad = std::round(0.7f * em);
    const float x = sa.x + pad, tw = sb.x - sa.x - 2 * pad;
    float y = sa.y + pad;
    // The phone's top bar: group, and the room it is in.
    draw_text_fit(dl, fonts, fonts.small, ImVec2(x, y), theme::phone_muted, drawable_text(view.group.name), tw);
    y += small * 1.3f;
    dl->AddLine(ImVec2(sa.x, y), ImVec2(sb.x, y), theme::phone_line);
    y += 0.5f * em;

    if (!view.activity) {
        lines_at(dl, fonts, fonts.body, x, y, theme::phone_muted, wrap_text(fonts.body, em, s.no_activity, tw, 4),
                 1.2f);
        dl->PopClipRect();
        return;
    }
    const ParticipantView::Activity& act = *view.activity;
    const std::string where = step_position(s, act.step.index, act.step.count, act.step.kind);
    draw_text_fit(dl, fonts, fonts.small, ImVec2(x, y), theme::phone_muted, where, tw);
    y += small * 1.3f;
    y = lines_at(dl, fonts, fonts.bold, x, y, theme::phone_ink,
                 wrap_text(fonts.bold, em, drawable_text(act.step.prompt), tw, 5), 1.18f);
    y += 0.3f * em;

    // Status chips: writing, votes, clock.
    const PhoneStatus st = phone_status(view, s);
    float cx = x;
    const auto chip = [&](const std::string& text, ImU32 ink) {
        const float cw = width_of(fonts, fonts.small, text) + 0.9f * em;
        if (cx + cw > x + tw && cx > x) {
            cx = x;
            y += small * 1.7f;
        }
        dl->AddRect(ImVec2(cx, y), ImVec2(cx + cw, y + small * 1.45f), ink, small * 0.7f, 0, 1.5f);
        draw_text(dl, fonts, fonts.small, ImVec2(cx + 0.45f * em, y + small * 0.2f), ink, text);
        cx += cw + 0.4f * em;
    };
    if (st.writing) chip(st.writing, st.open ? theme::phone_ok : theme::phone_bad);
    if (!st.votes.empty()) chip(st.votes, theme::phone_ink);
    if (!st.timer.empty()) chip(st.timer, theme::phone_ink);
    if (cx > x) y += small * 1.45f + 0.6f * em;

    // What the group builds on, as the phone's foldable box shows it (open at first), one line
    // an item here: the label, then the conclusion or the first notes.
    if (!act.context.empty()) {
        const float top = y;
        const float ix = x + 0.5f * em, iw = tw - 0.5f * em;
        for (const ParticipantView::ContextView& c : act.context) {
            draw_text_fit(dl, fonts, fonts.small, ImVec2(ix, y), theme::phone_muted, drawable_text(c.label), iw);
            y += small * 1.15f;
            std::string text = c.text;
            for (const ParticipantView::ContextView::Item& n : c.notes) text += (text.empty() ? "" : " · ") + n.text;
            draw_text_fit(dl, fonts, fonts.small, ImVec2(ix, y), theme::phone_ink, drawable_text(text), iw);
            y += small * 1.3f;
        }
        dl->AddRectFilled(ImVec2(x, top), ImVec2(x + 0.2f * em, y - 0.1f * em), theme::phone_context_edge);
        y += 0.4f * em;
    }

    // The notes it may see (revealed ones only, for a phone with none of its own).
    for (const ParticipantView::FieldView& f : act.fields) {
        if (f.text.empty()) continue;
        draw_text_fit(dl, fonts, fonts.small, ImVec2(x, y), theme::phone_muted, drawable_text(f.label), tw);
        y += small * 1.2f;
        y = lines_at(dl, fonts, fonts.small, x, y, theme::phone_ink,
                     wrap_text(fonts.small, small, drawable_text(f.text), tw, 3), 1.2f) +
            0.3f * em;
    }
    if (view.notes.empty()) {
        lines_at(dl, fonts, fonts.small, x, y, theme::phone_muted,
                 wrap_text(fonts.small, small, s.preview_no_notes, tw, 2), 1.2f);
    }
    const float bottom = sb.y - pad;
    for (std::size_t i = 0; i < view.notes.size(); ++i) {
        const WrappedText t = wrap_text(fonts.small, small, drawable_text(view.notes[i].text), tw - 0.9f * em, 3);
        const float ch = static_cast<float>(t.lines.size()) * small * 1.2f + 0.7f * em;
        const std::size_t left = view.notes.size() - i;
        if (y + ch > bottom - (left > 1 ? small * 1.4f : 0)) {
            draw_text_fit(dl, fonts, fonts.small, ImVec2(x, y), theme::phone_muted,
                          "+" + std::to_string(left) + " " + s.preview_more, tw);
            break;
        }
        dl->AddRectFilled(ImVec2(x, y), ImVec2(x + tw, y + ch), theme::phone_note, 0.3f * em);
        lines_at(dl, fonts, fonts.small, x + 0.45f * em, y + 0.35f * em, theme::phone_ink, t, 1.2f);
        y += ch + 0.4f * em;
    }
    dl->PopClipRect();
}

}  // namespace samling
