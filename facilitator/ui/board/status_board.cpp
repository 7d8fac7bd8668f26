// Drawing a status round's board; see status_board.hpp.
#include "ui/board/status_board.hpp"

#include <algorithm>

#include "core/measures.hpp"
#include "core/phrase.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/text/text_wrap.hpp"
#include "ui/theme.hpp"

namespace samling {
// Colours a room tells apart from the back, each with dark text on it; the word says it too.
ImU32 measure_status_colour(const MeasureReport* r) {
    if (!r) return theme::rgb(0x3A, 0x4B, 0x66);
    switch (r->status) {
        case MeasureStatus::not_started:
            return theme::rgb(0xC9, 0xD1, 0xDD);
        case MeasureStatus::started:
            return theme::accent;
        case MeasureStatus::done:
            return theme::rgb(0x8F, 0xD6, 0xA2);
        case MeasureStatus::stopped:
            return theme::rgb(0xF2, 0xA0, 0x98);
    }
    return theme::accent;
}

const Step* status_step_of(const Workshop& state, const ExerciseRun& run) {
    const Step* step = state.current_step(run);
    return step && step->kind == StepKind::status ? step : nullptr;
}

void draw_status_board(ImDrawList* dl, const Workshop& state, const ExerciseRun& run, ImVec2 min, ImVec2 max,
                       const Fonts& fonts, const UiStrings& s, Language lang) {
    const Step* step = status_step_of(state, run);
    if (!step) return;
    const std::vector<OpenMeasure> measures = open_measures(state, run, *step);
    const float em = fonts.em, w = max.x - min.x;
    if (measures.empty()) {
        draw_text_centred(dl, fonts, fonts.title, (min.x + max.x) / 2, (min.y + max.y) / 2 - em, theme::text_muted,
                          s.status_none, w - 2 * em);
        return;
    }
    const int reported = static_cast<int>(
        std::count_if(measures.begin(), measures.end(), [](const OpenMeasure& m) { return m.report != nullptr; }));
    float y = min.y + 0.8f * em;
    draw_text(
        dl, fonts, fonts.body, ImVec2(min.x + em, y), theme::text_muted,
        fill(s.status_reported, {{"reported", std::to_string(reported)}, {"total", std::to_string(measures.size())}}));
    y += fonts.size(fonts.body) + 0.8f * em;
    const float chip_w = 9.5f * em, text_x = min.x + em + chip_w + em, text_w = max.x - em - text_x;
    for (const OpenMeasure& m : measures) {
        const float body = fonts.size(fonts.body), small = fonts.size(fonts.small);
        const WrappedText title = wrap_text(fonts.body, body, m.note->text, text_w, 2);
        std::string facts;
        for (const auto& [field, value] : m.fields) {
            if (field->id == "indicator") continue;  // the owner and start date; the indicator is the log's
            facts += (facts.empty() ? "" : "   ·   ") + field->label.in(lang) + ": " + value;
        }
        const std::string line = m.report ? m.report->text : std::string();
        const float row_h =
            std::max(2.4f * em, static_cast<float>(title.lines.size()) * body +
                                    (facts.empty() ? 0 : small + 0.2f * em) + (line.empty() ? 0 : small + 0.2f * em)) +
            0.6f * em;
        if (y + row_h > max.y) break;  // more than fit: the phones have every one
        dl->AddRectFilled(ImVec2(min.x + 0.5f * em, y - 0.3f * em), ImVec2(max.x - 0.5f * em, y + row_h - 0.5f * em),
                          theme::panel, 0.3f * em);
        const ImU32 chip = measure_status_colour(m.report);
        dl->AddRectFilled(ImVec2(min.x + em, y), ImVec2(min.x + em + chip_w, y + 2.0f * em), chip, 0.3f * em);
        const char* word = m.report ? s.status_names[static_cast<int>(m.report->status)] : s.status_unreported;
        draw_text_centred(dl, fonts, fonts.small, min.x + em + chip_w / 2, y + (2.0f * em - small) / 2,
                          m.report ? theme::accent_text : theme::text, word, chip_w - 0.4f * em);
        float ty = y;
        for (const std::string& l : title.lines) {
            draw_text(dl, fonts, fonts.body, ImVec2(text_x, ty), theme::text, l);
            ty += body;
        }
        if (!facts.empty()) {
            draw_text_fit(dl, fonts, fonts.small, ImVec2(text_x, ty + 0.2f * em), theme::text_muted, facts, text_w);
            ty += small + 0.2f * em;
        }
        if (!line.empty())
            draw_text_fit(dl, fonts, fonts.small, ImVec2(text_x, ty + 0.2f * em), theme::text, "«" + line + "»",
                          text_w);
        y += row_h;
    }
}

}  // namespace samling
