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
    struct Bar {
        std::string label;
        double value;
        std::uint8_t grey;
        bool target;
    };
    std::vector<Bar> bars;
    if (series.baseline) bars.push_back({std::string(s.indicator_baseline), *series.baseline, 170, false});
    for (const IndicatorPoint& p : series.values)
        bars.push_back(
            {p.place.gathering_number ? gathering_name(s, p.place.gathering_number) : std::string(s.no_gathering),
             p.value, 60, false});
    if (series.target) bars.push_back({std::string(s.indicator_target), *series.target, 255, true});

    // Bars start at zero, so a fall from 16 to 7 looks like one; negative figures grow leftwards.
    double lo = 0, hi = 0;
    for (const Bar& b : bars) lo = std::min(lo, b.value), hi = std::max(hi, b.value);
    if (hi - lo <= 0) hi = lo + 1;
    const auto x_of = [&](double v) { return bar_x + static_cast<float>((v - lo) / (hi - lo)) * bar_w; };

    Chart c;
    c.width = chart_w;
    float y = 2;
    for (const Bar& b : bars) {
        c.labels.push_back({0, y + 15, b.label, 12, 0, false, false, true});
        const float x0 = std::min(x_of(0), x_of(b.value)), x1 = std::max(x_of(0), x_of(b.value));
        const float w = std::max(2.0f, x1 - x0);  // a zero still shows as a mark
        if (b.target)
            c.boxes.push_back({x0, y, w, bar_h, 255, false, true});
        else
            c.boxes.push_back({x0, y, w, bar_h, b.grey});
        c.labels.push_back(
            {value_x, y + 15, figure_with_unit(b.value, series.unit, lang), 12, 0, false, false, !b.target});
        y += row_h;
    }
    c.height = y;
    return c;
}

std::string indicator_chart_name(const IndicatorSeries& series) {
    return "indicator-" + std::to_string(series.note) + ".png";
}

}  // namespace samling
