// Drawing a group's pulse history; see pulse_history_view.hpp. The shades are the pulse
// board's (pale for the scale's low end, the accent for its high end) so both read alike.
#include "ui/programme/pulse_history_view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/phrase.hpp"
#include "ui/panels/control_theme.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/text/drawable_text.hpp"
#include "ui/theme.hpp"

namespace samling {
namespace {

ImU32 shade(int point, const Scale& scale) {
    const float t = static_cast<float>(point - scale.min) / static_cast<float>(std::max(1, scale.max - scale.min));
    const ImVec4 lo = ImGui::ColorConvertU32ToFloat4(theme::text_muted),
                 hi = ImGui::ColorConvertU32ToFloat4(theme::accent);
    return ImGui::ColorConvertFloat4ToU32(
        ImVec4(lo.x + (hi.x - lo.x) * t, lo.y + (hi.y - lo.y) * t, lo.z + (hi.z - lo.z) * t, 1.0f));
}

std::string point_label(const PulsePoint& p, const ProgrammeStrings& s) {
    return p.gathering_number ? fill(s.gathering_number, {{"n", std::to_string(p.gathering_number)}})
                              : std::string(s.no_gathering);
}

}  // namespace

float draw_pulse_history(ImDrawList* dl, const std::vector<PulseSeries>& pulses, ImVec2 at, float width,
                         const Fonts& fonts, const ProgrammeStrings& s, Language lang) {
    if (pulses.empty()) return 0;
    const float em = fonts.em;
    const float label_w = 6.5f * em, figures_w = 9.5f * em;
    const float bar_x = at.x + label_w, bar_w = std::max(4 * em, width - label_w - figures_w);
    const float row = 1.35f * em, bar_h = 1.05f * em;
    float y = at.y;
    for (const PulseSeries& series : pulses) {
        const Instrument& ins = series.instrument;
        if (dl)
            draw_text_fit(dl, fonts, fonts.bold, ImVec2(at.x, y), theme::text, drawable_text(ins.title.in(lang)),
                          width);
        y += em * 1.4f;
        for (std::size_t i = 0; i < ins.statements.size(); ++i) {
            if (dl)
                draw_text_fit(dl, fonts, fonts.small, ImVec2(at.x, y), theme::text_muted,
                              std::to_string(i + 1) + ". " + drawable_text(ins.statements[i].text.in(lang)), width);
            y += fonts.size(fonts.small) * 1.3f;
            for (const PulsePoint& p : series.points) {
                const StatementResult& r = p.result.statements.at(i);
                if (dl) {
                    draw_text_fit(dl, fonts, fonts.small, ImVec2(at.x, y + (bar_h - fonts.size(fonts.small)) / 2),
                                  theme::text, point_label(p, s), label_w - 0.4f * em);
                    const ImVec2 a = snap(ImVec2(bar_x, y)), b = snap(ImVec2(bar_x + bar_w, y + bar_h));
                    if (r.suppressed) {
                        dl->AddRect(a, b, theme::text_dim, 0.2f * em);
                        draw_text_centred(dl, fonts, fonts.small, (a.x + b.x) / 2,
                                          a.y + (bar_h - fonts.size(fonts.small)) / 2, theme::text_muted,
                                          s.pulse_too_few, bar_w);
                    } else {
                        float x = a.x;
                        for (const auto& [point, k] : r.distribution) {
                            if (k == 0) continue;
                            const float w = bar_w * static_cast<float>(k) / static_cast<float>(std::max(1, r.n));
                            dl->AddRectFilled(ImVec2(std::round(x), a.y), ImVec2(std::round(x + w) - 1, b.y),
                                              shade(point, ins.scale));
                            const std::string count = std::to_string(k);
                            if (width_of(fonts, fonts.small, count) < w - 0.3f * em)
                                draw_text(dl, fonts, fonts.small,
                                          ImVec2(x + (w - width_of(fonts, fonts.small, count)) / 2,
                                                 a.y + (bar_h - fonts.size(fonts.small)) / 2),
                                          theme::accent_text, count);
                            x += w;
                        }
                        draw_text(dl, fonts, fonts.bold, ImVec2(b.x + 0.6f * em, a.y + (bar_h - em) / 2), theme::text,
                                  decimal_text(r.mean, lang));
                    }
                    const std::string n = fill(s.pulse_n, {{"n", std::to_string(r.n)}});
                    draw_text(dl, fonts, fonts.small,
                              ImVec2(at.x + width - width_of(fonts, fonts.small, n),
                                     a.y + (bar_h - fonts.size(fonts.small)) / 2),
                              theme::text_muted, n);
                }
                y += row;
            }
            y += 0.3f * em;
        }
        if (dl)
            draw_text_fit(dl, fonts, fonts.small, ImVec2(at.x, y), theme::text_dim,
                          drawable_text(ins.citation + " · " + ins.licence), width);
        y += fonts.size(fonts.small) * 1.6f;
    }
    return y - at.y + 0.6f * em;
}

}  // namespace samling
