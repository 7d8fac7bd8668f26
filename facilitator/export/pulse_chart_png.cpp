// The charts as PNGs for the Markdown export: the same layout as the SVG (pulse_chart.cpp),
// filled into a grey canvas at twice the size, text in stb_easy_font's strokes (ASCII; æ, ø and
// å spelt ae, o and aa), written by stb_image_write from Debian's libstb. No font files.
#include <algorithm>
#include <cmath>
#include <vector>

#include "export/pulse_chart.hpp"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#include <stb_easy_font.h>
#pragma GCC diagnostic pop
#include <stb_image_write.h>

namespace samling {
namespace {

constexpr int scale = 2;        // device pixels per chart pixel: sharp when printed or zoomed
constexpr float font_unit = 3;  // device pixels per stroke unit of stb_easy_font
constexpr float cap_units = 7;  // a capital's height in those units
constexpr float margin = 12;

std::string ascii(std::string_view utf8) {
    static const std::pair<std::string_view, std::string_view> spelt[] = {
        {"æ", "ae"}, {"ø", "o"}, {"å", "aa"}, {"Æ", "Ae"},  {"Ø", "O"}, {"Å", "Aa"},
        {"é", "e"},  {"–", "-"}, {"—", "-"},  {"…", "..."}, {"·", "-"}, {"’", "'"}};
    std::string out;
    for (std::size_t i = 0; i < utf8.size();) {
        const unsigned char c = static_cast<unsigned char>(utf8[i]);
        if (c < 0x80) {
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        bool known = false;
        for (const auto& [from, to] : spelt)
            if (utf8.substr(i, from.size()) == from) {
                out += to;
                i += from.size();
                known = true;
                break;
            }
        if (known) continue;
        out += '?';
        ++i;
        while (i < utf8.size() && (static_cast<unsigned char>(utf8[i]) & 0xC0) == 0x80) ++i;
    }
    return out;
}

struct Canvas {
    int w, h;
    std::vector<unsigned char> px;
    Canvas(int w_, int h_) : w(w_), h(h_), px(static_cast<std::size_t>(w_) * static_cast<std::size_t>(h_), 255) {}
    void fill(float x0, float y0, float x1, float y1, unsigned char g) {
        const int a = std::clamp(static_cast<int>(std::lround(x0)), 0, w),
                  b = std::clamp(static_cast<int>(std::lround(x1)), 0, w);
        const int c = std::clamp(static_cast<int>(std::lround(y0)), 0, h),
                  d = std::clamp(static_cast<int>(std::lround(y1)), 0, h);
        for (int y = c; y < d; ++y) std::fill(px.begin() + y * w + a, px.begin() + y * w + b, g);
    }
};

void draw_text(Canvas& cv, float ox, float oy, const ChartLabel& l) {
    std::string text = ascii(l.text);
    const float width = static_cast<float>(stb_easy_font_width(text.data())) * font_unit;
    float left = (ox + l.x) * scale;
    if (l.right) left -= width;
    if (l.centre) left -= width / 2;
    const float top = (oy + l.y) * scale - cap_units * font_unit;
    static char buffer[64 * 1024];
    const int quads = stb_easy_font_print(0, 0, text.data(), nullptr, buffer, sizeof buffer);
    const auto* v = reinterpret_cast<const float*>(buffer);  // x, y, z, colour: 16 bytes a vertex
    for (int q = 0; q < quads; ++q) {
        const float* a = v + q * 16;  // four vertices, four floats each
        const float x0 = std::min(a[0], a[8]), x1 = std::max(a[0], a[8]);
        const float y0 = std::min(a[1], a[9]), y1 = std::max(a[1], a[9]);
        for (int bold = 0; bold <= (l.bold ? 1 : 0); ++bold)
            cv.fill(left + x0 * font_unit + static_cast<float>(bold), top + y0 * font_unit,
                    left + x1 * font_unit + static_cast<float>(bold), top + y1 * font_unit, l.grey);
    }
}

void draw_chart(Canvas& cv, float ox, float oy, const Chart& c) {
    for (const ChartBox& b : c.boxes) {
        const float x0 = (ox + b.x) * scale, y0 = (oy + b.y) * scale;
        const float x1 = x0 + b.w * scale, y1 = y0 + b.h * scale;
        if (b.fill) {
            cv.fill(x0, y0, x1, y1, b.grey);
            cv.fill(x0, y0, x0 + 1, y1, 255);  // a white seam between neighbouring parts
            continue;
        }
        const float t = 1.0f * scale;
        if (!b.dashed) {
            cv.fill(x0, y0, x1, y0 + t, 0), cv.fill(x0, y1 - t, x1, y1, 0);
            cv.fill(x0, y0, x0 + t, y1, 0), cv.fill(x1 - t, y0, x1, y1, 0);
            continue;
        }
        for (float x = x0; x < x1; x += 7 * scale) {
            cv.fill(x, y0, std::min(x + 4 * scale, x1), y0 + t, 0);
            cv.fill(x, y1 - t, std::min(x + 4 * scale, x1), y1, 0);
        }
        for (float y = y0; y < y1; y += 7 * scale) {
            cv.fill(x0, y, x0 + t, std::min(y + 4 * scale, y1), 0);
            cv.fill(x1 - t, y, x1, std::min(y + 4 * scale, y1), 0);
        }
    }
    for (const ChartLabel& l : c.labels) draw_text(cv, ox, oy, l);
}

void append(void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

}  // namespace

std::string chart_png(const Chart& chart) {
    const float width = chart.width + 2 * margin, height = chart.height + 2 * margin;
    Canvas cv(static_cast<int>(width) * scale, static_cast<int>(height) * scale);
    draw_chart(cv, margin, margin, chart);
    std::string png;
    if (!stbi_write_png_to_func(append, &png, cv.w, cv.h, 1, cv.px.data(), cv.w)) return {};
    return png;
}

std::string pulse_chart_png(const PulseSeries& series, const ReportStrings& s, Language lang) {
    const Chart key = key_chart(series.instrument.scale, lang);
    std::vector<Chart> charts;
    float width = key.width, height = margin + key.height + 10;
    for (std::size_t i = 0; i < series.instrument.statements.size(); ++i) {
        charts.push_back(statement_chart(series, i, s, lang));
        width = std::max(width, charts.back().width);
        height += 22 + charts.back().height + 8;
    }
    width += 2 * margin;
    height += margin;
    Canvas cv(static_cast<int>(width) * scale, static_cast<int>(height) * scale);
    draw_chart(cv, margin, margin, key);
    float y = margin + key.height + 10;
    for (std::size_t i = 0; i < charts.size(); ++i) {
        const std::string heading = std::string(s.pulse_statement) + " " + std::to_string(i + 1);
        draw_text(cv, margin, y, ChartLabel{0, 16, heading, 13, 0, false, false, true});
        cv.fill(margin * scale, (y + 20) * scale, (width - margin) * scale, (y + 20) * scale + 1, 160);
        y += 22;
        draw_chart(cv, margin, y, charts[i]);
        y += charts[i].height + 8;
    }
    std::string png;
    if (!stbi_write_png_to_func(append, &png, cv.w, cv.h, 1, cv.px.data(), cv.w)) return {};
    return png;
}

}  // namespace samling
