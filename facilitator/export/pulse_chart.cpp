// Laying out a pulse chart and writing it as SVG; the PNG is in pulse_chart_png.cpp.
#include "export/pulse_chart.hpp"

#include <algorithm>
#include <cstdio>

#include "core/phrase.hpp"
#include "export/encoding.hpp"
#include "export/pulse_figures.hpp"

namespace samling {
namespace {

// Columns of a statement's chart, in pixels.
constexpr float label_w = 104, bar_x = 108, bar_w = 420, row_h = 26, bar_h = 20;
constexpr float mean_x = bar_x + bar_w + 12, n_x = bar_x + bar_w + 172, chart_w = n_x;

std::string point_label(const PulsePoint& p, const ReportStrings& s) {
    return p.gathering_number ? gathering_name(s, p.gathering_number) : std::string(s.no_gathering);
}

std::string number(float v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string out = buf;
    if (out.ends_with(".0")) out.resize(out.size() - 2);
    return out;
}

}  // namespace

std::uint8_t point_grey(int point, const Scale& scale) {
    const float t = static_cast<float>(point - scale.min) / static_cast<float>(std::max(1, scale.max - scale.min));
    return static_cast<std::uint8_t>(236.0f - t * (236.0f - 40.0f));
}

std::uint8_t ink_on(std::uint8_t grey) {
    return grey < 118 ? 255 : 0;  // the contrast stays over 4.5:1 on either side
}

Chart statement_chart(const PulseSeries& series, std::size_t index, const ReportStrings& s, Language lang) {
    Chart c;
    c.width = chart_w;
    const Scale& scale = series.instrument.scale;
    float y = 2;
    for (const PulsePoint& p : series.points) {
        const StatementResult& r = p.result.statements.at(index);
        c.labels.push_back({0, y + 15, point_label(p, s), 12, 0, false, false, true});
        if (r.suppressed) {
            c.boxes.push_back({bar_x, y, bar_w, bar_h, 255, false, true});
            c.labels.push_back({bar_x + bar_w / 2, y + 14, std::string(s.pulse_too_few), 12, 70, false, true});
        } else {
            c.boxes.push_back({bar_x, y, bar_w, bar_h, 255, false, false});
            float x = bar_x;
            for (const auto& [point, k] : r.distribution) {
                if (k == 0) continue;
                const float w = bar_w * static_cast<float>(k) / static_cast<float>(std::max(1, r.n));
                const std::uint8_t g = point_grey(point, scale);
                c.boxes.push_back({x, y, w, bar_h, g});
                if (w >= 14)
                    c.labels.push_back({x + w / 2, y + 14, std::to_string(k), 11, ink_on(g), false, true, true});
                x += w;
            }
            c.labels.push_back({mean_x, y + 15, fill(s.pulse_mean, {{"mean", decimal_text(r.mean, lang)}}), 12, 0,
                                false, false, true});
        }
        c.labels.push_back({n_x, y + 15, fill(s.pulse_n, {{"n", std::to_string(r.n)}}), 12, 60, true});
        y += row_h;
    }
    c.height = y;
    return c;
}

Chart key_chart(const Scale& scale, Language lang) {
    Chart c;
    const std::string low = scale.labels.count(scale.min) ? scale.labels.at(scale.min).in(lang) : "";
    const std::string high = scale.labels.count(scale.max) ? scale.labels.at(scale.max).in(lang) : "";
    float x = 0;
    c.labels.push_back({x, 15, low, 12, 60});
    x += 8.5f * static_cast<float>(low.size()) + 8;  // wide enough for the PNG's font too
    for (int p = scale.min; p <= scale.max; ++p, x += 28) {
        const std::uint8_t g = point_grey(p, scale);
        c.boxes.push_back({x, 2, 24, 18, g});
        c.labels.push_back({x + 12, 15, std::to_string(p), 11, ink_on(g), false, true, true});
    }
    c.labels.push_back({x + 4, 15, high, 12, 60});
    c.width = x + 8 + 7.0f * static_cast<float>(high.size());
    c.height = 22;
    return c;
}

std::string chart_svg(const Chart& chart, std::string_view label) {
    using encode::html;
    const auto grey = [](std::uint8_t g) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "#%02x%02x%02x", g, g, g);
        return std::string(buf);
    };
    std::string out = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " +
                      number(chart.width) + " " + number(chart.height) + "\" width=\"" + number(chart.width) +
                      "\" height=\"" + number(chart.height) + "\" aria-label=\"" + html(label) + "\">\n";
    out += "<title>" + html(label) + "</title>\n";
    for (const ChartBox& b : chart.boxes) {
        out += "<rect x=\"" + number(b.x) + "\" y=\"" + number(b.y) + "\" width=\"" + number(b.w) + "\" height=\"" +
               number(b.h) + "\"";
        if (b.fill)
            out += " fill=\"" + grey(b.grey) + "\" stroke=\"#ffffff\" stroke-width=\"1\"";
        else
            out += std::string(" fill=\"none\" stroke=\"#000000\" stroke-width=\"1\"") +
                   (b.dashed ? " stroke-dasharray=\"4 3\"" : "");
        out += "/>\n";
    }
    for (const ChartLabel& l : chart.labels) {
        out += "<text x=\"" + number(l.x) + "\" y=\"" + number(l.y) + "\" font-size=\"" + number(l.size) +
               "\" fill=\"" + grey(l.grey) + "\"";
        if (l.bold) out += " font-weight=\"700\"";
        if (l.right) out += " text-anchor=\"end\"";
        if (l.centre) out += " text-anchor=\"middle\"";
        out += ">" + html(l.text) + "</text>\n";
    }
    return out + "</svg>";
}

std::string pulse_chart_name(const PulseSeries& series) {
    return "pulse-" + series.instrument.id + ".png";
}

}  // namespace samling
