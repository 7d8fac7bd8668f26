#include "ui/board/carry_band.hpp"

#include <algorithm>
#include <numeric>

#include "core/carry_over.hpp"
#include "ui/programme/programme_strings.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/theme.hpp"

namespace samling {
namespace {

constexpr float line_height = 1.2f;  // of the body font
constexpr float column_gap_em = 1.2f;
constexpr float padding_em = 0.5f;
constexpr float details_gap_em = 0.8f;  // between a note's text and its details
constexpr std::string_view bullet = "• ";

CarryNote carry_note(const CarriedNote& n, const ProgrammeStrings& ps) {
    return {n.note->text, field_values_line(n.fields, ps)};
}

// What a column would take with nothing cut: a conclusion wraps into the band's lines (with
// slack for where words break), a note takes one line.
float natural_width(const CarryColumn& c, const Fonts& fonts, int lines) {
    float w = width_of(fonts, fonts.small, c.label);
    w = std::max(w, 1.15f * width_of(fonts, fonts.body, c.text) / static_cast<float>(lines));
    for (std::size_t at = 0; at < c.text.size();) {  // and never narrower than its longest word
        const std::size_t end = std::min(c.text.find_first_of(" \n", at), c.text.size());
        w = std::max(w, width_of(fonts, fonts.body, std::string_view(c.text).substr(at, end - at)));
        at = end + 1;
    }
    for (const CarryNote& n : c.notes) {
        float line = width_of(fonts, fonts.body, std::string(bullet) + n.text);
        if (!n.details.empty()) line += details_gap_em * fonts.em + width_of(fonts, fonts.body, n.details);
        w = std::max(w, line);
    }
    return std::ceil(w);
}

// Water-filling: columns that need less than an equal share get what they need; the rest
// share what is left equally. Width nobody needs is spread evenly, so text wraps less.
std::vector<float> share_width(const std::vector<float>& natural, float usable) {
    std::vector<float> widths(natural.size(), 0.0f);
    std::vector<std::size_t> open(natural.size());
    std::iota(open.begin(), open.end(), 0);
    float left = usable;
    while (!open.empty()) {
        const float share = left / static_cast<float>(open.size());
        const auto fits =
            std::stable_partition(open.begin(), open.end(), [&](std::size_t i) { return natural[i] <= share; });
        if (fits == open.begin()) {
            for (std::size_t i : open) widths[i] = std::floor(share);
            break;
        }
        for (auto it = open.begin(); it != fits; ++it) {
            widths[*it] = natural[*it];
            left -= natural[*it];
        }
        open.erase(open.begin(), fits);
    }
    const float spare = usable - std::accumulate(widths.begin(), widths.end(), 0.0f);
    if (spare > 0)
        for (float& w : widths) w = std::floor(w + spare / static_cast<float>(widths.size()));
    return widths;
}

}  // namespace

CarryBand make_carry_band(const Workshop& state, Id group, Language lang, const Fonts& fonts, float width,
                          bool compact) {
    CarryBand band;
    const ExerciseRun* run = group ? state.current_run(group) : nullptr;
    const Step* step = run ? state.current_step(*run) : nullptr;
    if (!run || !step) return band;
    const ProgrammeStrings& ps = programme_strings(lang);
    for (const CarriedItem& item : carried_into(state, *run)) {
        CarryColumn c{item.source->label.in(lang), item.text, {}};
        for (const CarriedNote& n : item.notes) c.notes.push_back(carry_note(n, ps));
        band.columns.push_back(std::move(c));
    }
    if (band.columns.empty()) return band;
    const int most = !compact && (step->kind == StepKind::write || step->kind == StepKind::conclude) ? 3 : 1;
    std::vector<float> natural;
    for (const CarryColumn& c : band.columns) natural.push_back(natural_width(c, fonts, most));
    const float gaps = column_gap_em * fonts.em * static_cast<float>(band.columns.size() - 1);
    band.widths = share_width(natural, std::max(0.0f, width - 2 * padding_em * fonts.em - gaps));
    // As tall as the longest column needs, up to `most` lines.
    for (std::size_t i = 0; i < band.columns.size(); ++i) {
        const CarryColumn& c = band.columns[i];
        const int needed =
            c.notes.empty()
                ? static_cast<int>(
                      wrap_text(fonts.body, fonts.size(fonts.body), c.text, band.widths[i], most).lines.size())
                : static_cast<int>(c.notes.size());
        band.lines = std::max(band.lines, std::min(needed, most));
    }
    band.height = std::round(2 * padding_em * fonts.em + fonts.size(fonts.small) * line_height +
                             static_cast<float>(band.lines) * fonts.size(fonts.body) * line_height);
    return band;
}

void draw_carry_band(ImDrawList* dl, const CarryBand& band, ImVec2 min, ImVec2 max, const Fonts& fonts) {
    if (band.columns.empty()) return;
    const float em = fonts.em;
    const float pad = padding_em * em;
    const float body = fonts.size(fonts.body) * line_height;
    dl->AddRectFilled(snap(min), snap(max), theme::panel, 0.4f * em);
    float x = min.x + pad;
    for (std::size_t col = 0; col < band.columns.size(); ++col) {
        const CarryColumn& c = band.columns[col];
        const float w = band.widths[col];
        float y = min.y + pad;
        draw_text_fit(dl, fonts, fonts.small, ImVec2(x, y), theme::accent, c.label, w);
        y += fonts.size(fonts.small) * line_height;
        if (c.notes.empty()) {
            const WrappedText t = wrap_text(fonts.body, fonts.size(fonts.body), c.text, w, band.lines);
            for (const std::string& line : t.lines) {
                draw_text(dl, fonts, fonts.body, ImVec2(x, y), theme::text, line);
                y += body;
            }
        }
        // One note a line, its details at the right (who owns it, when it starts matter most
        // on the projector, so the text is what gets cut); what does not fit is counted ("+2").
        const std::size_t shown = std::min<std::size_t>(c.notes.size(), static_cast<std::size_t>(band.lines));
        for (std::size_t i = 0; i < shown; ++i) {
            const CarryNote& n = c.notes[i];
            const std::size_t more = i + 1 == shown ? c.notes.size() - shown : 0;
            std::string details = n.details;
            if (more) details += (details.empty() ? "+" : "  +") + std::to_string(more);
            const float details_w = std::min(width_of(fonts, fonts.body, details), w / 2);
            const float text_w = w - (details.empty() ? 0.0f : details_w + details_gap_em * em);
            draw_text_fit(dl, fonts, fonts.body, ImVec2(x, y), theme::text, std::string(bullet) + n.text, text_w);
            if (!details.empty())
                draw_text_fit(dl, fonts, fonts.body, ImVec2(x + w - details_w, y), theme::text_muted, details,
                              details_w);
            y += body;
        }
        x += w + column_gap_em * em;
    }
}

}  // namespace samling
