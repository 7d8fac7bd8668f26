// Drawing a group's measures and indicators; see measure_history_view.hpp. A status's colour
// is the status board's, so a measure reads the same in the round and in the log.
#include "ui/programme/measure_history_view.hpp"

#include <algorithm>
#include <cmath>

#include "core/measures.hpp"
#include "core/phrase.hpp"
#include "ui/board/status_board.hpp"
#include "ui/panels/control_theme.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/text/drawable_text.hpp"
#include "ui/text/text_wrap.hpp"
#include "ui/theme.hpp"

namespace samling {
namespace {

constexpr int whole = 1000;  // lines: a measure's text and trail are never cut short

std::string gathering_text(int number, const ProgrammeStrings& s) {
    return number ? fill(s.gathering_number, {{"n", std::to_string(number)}}) : std::string(s.no_gathering);
}

// "Samling 2: I gang – Startet i to skoler  →  Samling 3: Gjennomført"
std::string trail_text(const MeasureTrail& m, const ProgrammeStrings& s) {
    if (m.trail.empty()) return s.measure_no_status;
    std::string out;
    for (const MeasureStep& step : m.trail) {
        if (!out.empty()) out += "  →  ";
        // A round outside any gathering has no place worth naming.
        if (step.place.gathering_number) out += gathering_text(step.place.gathering_number, s) + ": ";
        out += s.status_names.at(static_cast<std::size_t>(step.status));
        if (!step.text.empty()) out += " – " + step.text;
    }
    return out;
}

float draw_measures(ImDrawList* dl, const std::vector<MeasureTrail>& measures, ImVec2 at, float width,
                    const Fonts& fonts, const ProgrammeStrings& s) {
    const float em = fonts.em;
    const float chip = std::round(0.8f * em), indent = chip + 0.6f * em;
    const float body = fonts.size(fonts.body), small = fonts.size(fonts.small);
    float y = at.y;
    if (dl) draw_text_fit(dl, fonts, fonts.bold, at, theme::text, s.measures, width);
    y += em * 1.4f;
    for (const MeasureTrail& m : measures) {
        const MeasureStep* now = latest(m);
        if (dl) {
            const MeasureReport report{now ? now->status : MeasureStatus::not_started, {}, 0};
            const ImVec2 a = snap(ImVec2(at.x, y + (body - chip) / 2));
            dl->AddRectFilled(a, ImVec2(a.x + chip, a.y + chip), measure_status_colour(now ? &report : nullptr),
                              0.2f * em);
        }
        for (const std::string& line :
             wrap_text(fonts.body, body, drawable_text(m.text), width - indent, whole).lines) {
            if (dl) draw_text(dl, fonts, fonts.body, ImVec2(at.x + indent, y), theme::text, line);
            y += body * 1.2f;
        }
        std::string about = m.owner;
        if (m.planned_at)
            about +=
                (about.empty() ? "" : "  ·  ") + fill(s.measure_set, {{"gathering", gathering_text(m.planned_at, s)}});
        if (!about.empty()) {
            if (dl)
                draw_text_fit(dl, fonts, fonts.small, ImVec2(at.x + indent, y), theme::text_muted, drawable_text(about),
                              width - indent);
            y += small * 1.25f;
        }
        // The trail is what the room reads: body type, wrapped whole.
        for (const std::string& line :
             wrap_text(fonts.body, body, drawable_text(trail_text(m, s)), width - indent, whole).lines) {
            if (dl)
                draw_text(dl, fonts, fonts.body, ImVec2(at.x + indent, y),
                          m.trail.empty() ? theme::text_dim : theme::text_muted, line);
            y += body * 1.2f;
        }
        y += 0.5f * em;
    }
    return y - at.y;
}

float draw_indicators(ImDrawList* dl, const std::vector<IndicatorSeries>& indicators, ImVec2 at, float width,
                      const Fonts& fonts, const ProgrammeStrings& s, Language lang) {
    const float em = fonts.em;
    const float small = fonts.size(fonts.small);
    const float label_w = 7.5f * em, figure_w = 7.5f * em;
    const float bar_x = at.x + label_w, bar_w = std::max(4 * em, width - label_w - figure_w);
    const float row = 1.35f * em, bar_h = 1.05f * em;
    float y = at.y;
    if (dl) draw_text_fit(dl, fonts, fonts.bold, at, theme::text, s.indicators, width);
    y += em * 1.4f;
    for (const IndicatorSeries& i : indicators) {
        if (dl) draw_text_fit(dl, fonts, fonts.body, ImVec2(at.x, y), theme::text, drawable_text(i.name), width);
        y += em * 1.3f;
        using Kind = IndicatorBar::Kind;
        const IndicatorBars bars = indicator_bars(i);
        const auto x_of = [&](double v) { return bar_x + static_cast<float>(bars.at(v)) * bar_w; };
        for (const IndicatorBar& b : bars.bars) {
            if (dl) {
                const bool target = b.kind == Kind::target;
                const std::string label = b.kind == Kind::baseline ? std::string(s.indicator_baseline)
                                          : target                 ? std::string(s.indicator_target)
                                                                   : gathering_text(b.gathering, s);
                const float text_y = y + (bar_h - small) / 2;
                draw_text_fit(dl, fonts, fonts.small, ImVec2(at.x, text_y), theme::text, label, label_w - 0.4f * em);
                const float x0 = std::min(x_of(0), x_of(b.value)), x1 = std::max(x_of(0), x_of(b.value));
                const ImVec2 a = snap(ImVec2(x0, y)), c = snap(ImVec2(std::max(x1, x0 + 2), y + bar_h));
                if (target)
                    dl->AddRect(a, c, theme::text_muted, 0.2f * em, 0, std::max(1.0f, std::round(0.1f * em)));
                else
                    dl->AddRectFilled(a, c, b.kind == Kind::baseline ? theme::text_dim : theme::accent, 0.2f * em);
                draw_text(dl, fonts, target ? fonts.small : fonts.bold,
                          ImVec2(bar_x + bar_w + 0.6f * em, y + (bar_h - em) / 2), theme::text,
                          drawable_text(figure_with_unit(b.value, i.unit, lang)));
            }
            y += row;
        }
        if (i.name != i.measure || !i.source.empty()) {
            std::string about = i.name != i.measure ? i.measure : std::string();
            if (!i.source.empty()) about += (about.empty() ? "" : "  ·  ") + i.source;
            if (dl)
                draw_text_fit(dl, fonts, fonts.small, ImVec2(at.x, y), theme::text_dim, drawable_text(about), width);
            y += small * 1.3f;
        }
        y += 0.5f * em;
    }
    return y - at.y;
}

}  // namespace

float draw_indicator_columns(ImDrawList* dl, const IndicatorSeries& series, ImVec2 at, float height, float em) {
    using Kind = IndicatorBar::Kind;
    const IndicatorBars columns = indicator_bars(series);
    const auto y_of = [&](double v) { return at.y + height - static_cast<float>(columns.at(v)) * height; };
    const float w = std::round(0.9f * em), gap = std::round(0.35f * em);
    float x = at.x;
    for (const IndicatorBar& c : columns.bars) {
        if (dl) {
            const float y0 = std::min(y_of(0), y_of(c.value)), y1 = std::max(y_of(0), y_of(c.value));
            const ImVec2 a = snap(ImVec2(x, y0)), b = snap(ImVec2(x + w, std::max(y1, y0 + 2)));
            if (c.kind == Kind::target)
                dl->AddRect(a, b, theme::text_muted, 0, 0, std::max(1.0f, std::round(0.1f * em)));
            else
                dl->AddRectFilled(a, b, c.kind == Kind::baseline ? theme::text_dim : theme::accent);
        }
        x += w + gap;
    }
    return columns.bars.empty() ? 0 : x - gap - at.x;
}

float draw_measure_history(ImDrawList* dl, const std::vector<MeasureTrail>& measures,
                           const std::vector<IndicatorSeries>& indicators, ImVec2 at, float width, const Fonts& fonts,
                           const ProgrammeStrings& s, Language lang) {
    if (measures.empty()) return 0;
    float y = at.y;
    y += draw_measures(dl, measures, ImVec2(at.x, y), width, fonts, s);
    if (!indicators.empty()) y += draw_indicators(dl, indicators, ImVec2(at.x, y), width, fonts, s, lang);
    return y - at.y + 0.3f * fonts.em;
}

}  // namespace samling
