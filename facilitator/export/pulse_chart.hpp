// An instrument's results across gatherings as a chart: per statement one bar per gathering,
// split by the points chosen (light grey for the scale's low end to near black for its high
// end, so it reads the same printed in grey), the count inside each part, the mean and n beside
// it, "for få svar" where there are no figures. One layout, drawn two ways: as inline SVG for
// the HTML report and as a PNG (our own rasteriser, stb_easy_font's ASCII strokes) for Markdown.
// Depends on the export model and libstb only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/pulse_history.hpp"
#include "export/report_strings.hpp"

namespace samling {

// What the chart is made of, in pixels, y downwards.
struct ChartBox {
    float x = 0, y = 0, w = 0, h = 0;
    std::uint8_t grey = 0;  // fill: 0 black … 255 white
    bool fill = true;
    bool dashed = false;  // an outline only: no figures here
};
struct ChartLabel {
    float x = 0, y = 0;  // the text's left (or right, when `right`) at its baseline
    std::string text;
    float size = 12;
    std::uint8_t grey = 0;
    bool right = false, centre = false, bold = false;
};
struct Chart {
    float width = 0, height = 0;
    std::vector<ChartBox> boxes;
    std::vector<ChartLabel> labels;
};

// A point's grey, and the grey its count is written in (black or white, whichever reads).
std::uint8_t point_grey(int point, const Scale& scale);
std::uint8_t ink_on(std::uint8_t grey);

// The bars of statement `index` (in the instrument's order), one row per gathering.
Chart statement_chart(const PulseSeries& series, std::size_t index, const ReportStrings& s, Language lang);
// The key: each point's shade and number, the scale's words at both ends.
Chart key_chart(const Scale& scale, Language lang);

// The chart as an <svg> element; `label` is its accessible name.
std::string chart_svg(const Chart& chart, std::string_view label);

// The whole instrument as one PNG: the key, then each statement's number ("Utsagn 3") and its
// bars. Text the ASCII font cannot draw is left to the Markdown beside it. Empty on failure.
std::string pulse_chart_png(const PulseSeries& series, const ReportStrings& s, Language lang);
std::string pulse_chart_name(const PulseSeries& series);  // "pulse-<instrument>.png"

// Any one chart as a PNG with a white margin (an indicator's, say). Empty on failure.
std::string chart_png(const Chart& chart);

}  // namespace samling
