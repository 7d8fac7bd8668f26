// Drawing a pulse run's board; see pulse_board.hpp. Figures only ever come from summarise_pulse,
// which gives none below the threshold.
#include "ui/board/pulse_board.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/phrase.hpp"
#include "core/pulse.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/text/drawable_text.hpp"
#include "ui/text/text_wrap.hpp"
#include "ui/theme.hpp"

namespace samling {
namespace {

// A point's shade: from a pale accent at the scale's low end to the full accent at its high end.
ImU32 point_colour(int point, const Scale& scale) {
    const float t = static_cast<float>(point - scale.min) / static_cast<float>(std::max(1, scale.max - scale.min));
    const ImVec4 lo = ImGui::ColorConvertU32ToFloat4(theme::text_muted),
                 hi = ImGui::ColorConvertU32ToFloat4(theme::accent);
    return ImGui::ColorConvertFloat4ToU32(
        ImVec4(lo.x + (hi.x - lo.x) * t, lo.y + (hi.y - lo.y) * t, lo.z + (hi.z - lo.z) * t, 1.0f));
}

// The key to the shades: each point's square and number, the words at the ends beside them.
void draw_legend(ImDrawList* dl, const Fonts& fonts, ImVec2 at, float right, const Scale& scale, Language lang) {
    const float em = fonts.em, size = fonts.size(fonts.small);
    std::string low = scale.labels.count(scale.min) ? scale.labels.at(scale.min).in(lang) : "";
    std::string high = scale.labels.count(scale.max) ? scale.labels.at(scale.max).in(lang) : "";
    const float squares = static_cast<float>(scale.max - scale.min + 1) * 1.6f * em;
    float x = right - width_of(fonts, fonts.small, high) - 0.5f * em - squares;
    draw_text(dl, fonts, fonts.small, ImVec2(x - width_of(fonts, fonts.small, low) - 0.5f * em, at.y),
              theme::text_muted, low);
    for (int p = scale.min; p <= scale.max; ++p, x += 1.6f * em) {
        dl->AddRectFilled(ImVec2(x, at.y), ImVec2(x + 1.4f * em, at.y + size), point_colour(p, scale), 0.15f * em);
        const std::string n = std::to_string(p);
        draw_text(dl, fonts, fonts.small, ImVec2(x + (1.4f * em - width_of(fonts, fonts.small, n)) / 2, at.y),
                  theme::accent_text, n);
    }
    draw_text(dl, fonts, fonts.small, ImVec2(x - 0.1f * em, at.y), theme::text_muted, high);
}

// While the pulse runs: the count, large, and the promise that nobody is seen.
void draw_count(ImDrawList* dl, const Fonts& fonts, ImVec2 min, ImVec2 max, int answered, int members,
                const UiStrings& s) {
    const float centre = (min.x + max.x) / 2, w = max.x - min.x;
    float y = (min.y + max.y) / 2 - (fonts.size(fonts.display) + fonts.size(fonts.title) + 2.5f * fonts.em) / 2;
    draw_text_centred(dl, fonts, fonts.display, centre, y, theme::text, std::to_string(answered), w);
    y += fonts.size(fonts.display);
    const std::string line = fill(
        s.pulse_answered, {{"answered", count_text(s.pulse_people, answered)}, {"members", std::to_string(members)}});
    draw_text_centred(dl, fonts, fonts.title, centre, y, theme::text, line, w);
    y += fonts.size(fonts.title) + 0.6f * fonts.em;
    draw_text_centred(dl, fonts, fonts.body, centre, y, theme::text_muted, s.pulse_anonymous, w);
}

// One statement's row: its words, its distribution as bars over the scale, its mean.
void draw_row(ImDrawList* dl, const Fonts& fonts, ImVec2 a, ImVec2 b, const PulseStatement& statement,
              const StatementResult& r, const Scale& scale, const UiStrings& s, Language lang) {
    const float em = fonts.em, h = b.y - a.y;
    const float text_w = (b.x - a.x) * 0.46f, mean_w = 4.2f * em;
    const ImFont* font = h > 2.4f * fonts.size(fonts.body) ? fonts.body : fonts.small;
    const float line = fonts.size(font);
    std::string words = drawable_text(statement.text.in(lang));
    if (statement.reverse) words += "  (" + std::string(s.pulse_reverse) + ")";
    const WrappedText wrapped = wrap_text(font, line, words, text_w - em, std::max(1, static_cast<int>(h / line)));
    float y = a.y + (h - line * static_cast<float>(wrapped.lines.size())) / 2;
    for (const std::string& l : wrapped.lines) {
        draw_text(dl, fonts, font, ImVec2(a.x, y), theme::text, l);
        y += line;
    }
    const float bars_x = a.x + text_w, bars_w = b.x - a.x - text_w - mean_w;
    const float label_h = fonts.size(fonts.small);
    if (r.suppressed) {
        draw_text(dl, fonts, fonts.small, ImVec2(bars_x, a.y + (h - label_h) / 2), theme::text_dim,
                  s.pulse_too_few_short);
        return;
    }
    // One bar per statement, split by how many chose each point: its length is the share, its
    // shade the point (light: disagree, full accent: agree), the count written inside.
    const float bar_h = std::min(h * 0.7f, 1.5f * em), bar_y = a.y + (h - bar_h) / 2;
    const float total = static_cast<float>(std::max(1, r.n));
    float x = bars_x;
    for (int p = scale.min; p <= scale.max; ++p) {
        const int k = r.distribution.count(p) ? r.distribution.at(p) : 0;
        if (k == 0) continue;
        const float w = bars_w * static_cast<float>(k) / total;
        dl->AddRectFilled(ImVec2(std::round(x), bar_y), ImVec2(std::round(x + w) - 1, bar_y + bar_h),
                          point_colour(p, scale));
        const std::string n = std::to_string(k);
        if (width_of(fonts, fonts.small, n) < w - 0.3f * em)
            draw_text(dl, fonts, fonts.small,
                      ImVec2(x + (w - width_of(fonts, fonts.small, n)) / 2, bar_y + (bar_h - label_h) / 2),
                      theme::accent_text, n);
        x += w;
    }
    const std::string mean = decimal_text(r.mean, lang);
    draw_text(dl, fonts, fonts.title,
              ImVec2(b.x - width_of(fonts, fonts.title, mean), a.y + (h - fonts.size(fonts.title)) / 2), theme::text,
              mean);
}

void draw_result(ImDrawList* dl, const Fonts& fonts, ImVec2 min, ImVec2 max, const Instrument& instrument,
                 const PulseResult& result, int threshold, const UiStrings& s, Language lang) {
    const float em = fonts.em, w = max.x - min.x;
    if (result.suppressed) {
        const float centre = (min.x + max.x) / 2;
        float y = (min.y + max.y) / 2 - fonts.size(fonts.title);
        draw_text_centred(dl, fonts, fonts.title, centre, y, theme::text, s.pulse_too_few, w);
        y += fonts.size(fonts.title) * 1.2f;
        const std::string why = fill(s.pulse_too_few_why, {{"answered", count_text(s.pulse_people, result.respondents)},
                                                           {"needed", std::to_string(effective_threshold(threshold))}});
        draw_text_centred(dl, fonts, fonts.body, centre, y, theme::text_muted, why, w);
        return;
    }
    // The heading: the index (higher is more of what is measured) and how many answered.
    std::string head = drawable_text(instrument.title.in(lang));
    if (result.index)
        head += "  ·  " + fill(s.pulse_index, {{"mean", decimal_text(*result.index, lang)},
                                               {"max", std::to_string(instrument.scale.max)}});
    head += "  ·  " + fill(s.pulse_n, {{"n", std::to_string(result.respondents)}});
    draw_text_fit(dl, fonts, fonts.heading, min, theme::text, head, w);
    const float legend_y = min.y + fonts.size(fonts.heading) * 1.1f;
    draw_legend(dl, fonts, ImVec2(min.x, legend_y), max.x, instrument.scale, lang);
    const float top = legend_y + fonts.size(fonts.small) * 1.5f;
    const float foot = fonts.size(fonts.small) * 1.4f;
    const float row_h = (max.y - top - foot) / static_cast<float>(std::max<std::size_t>(1, result.statements.size()));
    for (std::size_t i = 0; i < result.statements.size(); ++i) {
        const ImVec2 a(min.x, top + row_h * static_cast<float>(i));
        if (i % 2 == 0)
            dl->AddRectFilled(ImVec2(a.x - 0.4f * em, a.y), ImVec2(max.x + 0.4f * em, a.y + row_h), theme::panel);
        draw_row(dl, fonts, ImVec2(a.x, a.y + 0.06f * row_h), ImVec2(max.x, a.y + 0.94f * row_h),
                 instrument.statements[i], result.statements[i], instrument.scale, s, lang);
    }
    const std::string source = std::string(s.pulse_source) + " " + instrument.citation + " · " + instrument.licence;
    draw_text_fit(dl, fonts, fonts.small, ImVec2(min.x, max.y - fonts.size(fonts.small)), theme::text_dim, source, w);
}

}  // namespace

void draw_pulse_board(ImDrawList* dl, const Workshop& state, const ExerciseRun& run, ImVec2 min, ImVec2 max,
                      const Fonts& fonts, const UiStrings& s, Language lang) {
    const Step* pulse = pulse_step_of(state, run);
    const Instrument* instrument = pulse ? state.catalog().instrument(pulse->instrument) : nullptr;
    if (!instrument) return;
    const auto result = pulse_result_of(state, run);
    if (!result) {
        draw_count(dl, fonts, min, max, static_cast<int>(state.pulse_sheets(run.id).size()),
                   state.participants_in(run.group), s);
        return;
    }
    draw_result(dl, fonts, min, max, *instrument, *result, state.pulse_threshold(), s, lang);
}

}  // namespace samling
