// Laying out an indicator's chart; see indicator_chart.hpp.
#include "export/indicator_chart.hpp"

#include <algorithm>

#include "core/measures.hpp"

namespace samling {
namespace {

constexpr float bar_x = 108, bar_w = 300, row_h = 26, bar_h = 20;
constexpr float value_x = bar_x + bar_w + 10, chart_w = value_x + 110;

}  // namespace

Chart indicator_chart(const IndicatorSeries& series, const ReportStrings& s, Language lang) {
    using Kind = IndicatorBar::Kind;
    const IndicatorBars bars = indicator_bars(series);
    const auto x_of = [&](double v) { return bar_x + static_cast<float>(bars.at(v)) * bar_w; };
    Chart c;
    c.width = chart_w;
    float y = 2;
    for (const IndicatorBar& b : bars.bars) {
        const bool target = b.kind == Kind::target;
        const std::string label = b.kind == Kind::baseline ? std::string(s.indicator_baseline)
                                  : target                 ? std::string(s.indicator_target)
                                  : b.gathering            ? gathering_name(s, b.gathering)
                                                           : std::string(s.no_gathering);
        c.labels.push_back({0, y + 15, label, 12, 0, false, false, true});
        const float x0 = std::min(x_of(0), x_of(b.value)), x1 = std::max(x_of(0), x_of(b.value));
        const float w = std::max(2.0f, x1 - x0);  // a zero still shows as a mark
        if (target)
            c.boxes.push_back({x0, y, w, bar_h, 255, false, true});
        else
            c.boxes.push_back({x0, y, w, bar_h, static_cast<std::uint8_t>(b.kind == Kind::baseline ? 170 : 60)});
        c.labels.push_back(
            {value_x, y + 15, figure_with_unit(b.value, series.unit, lang), 12, 0, false, false, !target});
        y += row_h;
    }
    c.height = y;
    return c;
}

std::string indicator_chart_name(const IndicatorSeries& series) {
    return "indicator-" + std::to_string(series.note) + ".png";
}

}  // namespace samling
