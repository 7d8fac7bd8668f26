// Drawing a status round's board; see status_board.hpp.
#include "ui/board/status_board.hpp"

#include <algorithm>

#include <GLFW/glfw3.h>
#include <imgui_stdlib.h>

#include "core/measures.hpp"
#include "core/phrase.hpp"
#include "ui/board/strings.hpp"
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

namespace {

std::string with_unit(double value, const IndicatorFigures* f, Language lang) {
    return figure_with_unit(value, f ? std::string_view(f->unit) : std::string_view(), lang);
}

// The indicator's line under a measure: its figure now, its baseline and target.
std::string indicator_line(const OpenMeasure& m, const UiStrings& s, Language lang) {
    std::string line = m.indicator + ":  " + (m.value ? with_unit(m.value->value, m.figures, lang) : s.indicator_none);
    if (m.figures && m.figures->baseline)
        line += "   ·   " + fill(s.indicator_baseline, {{"value", with_unit(*m.figures->baseline, m.figures, lang)}});
    if (m.figures && m.figures->target)
        line += "   ·   " + fill(s.indicator_target, {{"value", with_unit(*m.figures->target, m.figures, lang)}});
    return line;
}

}  // namespace

void status_board_input(const Workshop& state, const ExerciseRun& run, IndicatorEntry& entry, float em,
                        const UiStrings& s, Language lang, std::vector<Command>& out) {
    const Step* step = status_step_of(state, run);
    if (!step) return;
    std::vector<OpenMeasure> with;
    for (OpenMeasure& m : open_measures(state, run, *step))
        if (!m.indicator.empty()) with.push_back(std::move(m));
    auto chosen =
        std::find_if(with.begin(), with.end(), [&](const OpenMeasure& m) { return m.note->id == entry.note; });
    if (chosen == with.end()) {
        entry.open = false;
        entry.note = with.empty() ? 0 : with.front().note->id;
        chosen = with.begin();
    }
    if (with.empty()) return;
    const ImGuiIO& io = ImGui::GetIO();
    if (!entry.open && !io.WantTextInput && !io.KeyCtrl && !io.KeyAlt && !io.KeySuper) {
        const auto at = static_cast<std::size_t>(chosen - with.begin());
        if (ImGui::IsKeyPressed(GLFW_KEY_DOWN)) entry.note = with[(at + 1) % with.size()].note->id;
        if (ImGui::IsKeyPressed(GLFW_KEY_UP)) entry.note = with[(at + with.size() - 1) % with.size()].note->id;
        if (ImGui::IsKeyPressed(GLFW_KEY_V, false)) {
            entry.open = entry.opening = true;
            entry.draft = chosen->value ? format_figure(chosen->value->value, lang) : std::string();
            entry.error.clear();
        }
    }
    if (!entry.open) return;
    const std::string name = fill(s.indicator_title, {{"name", chosen->indicator}}) + "###indicator_entry";
    if (entry.opening) {
        ImGui::OpenPopup(name.c_str());
        entry.opening = false;
    }
    const BoardStrings& words = board_strings(lang);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0.9f * em, 0.9f * em));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.5f * em, 0.6f * em));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0.5f * em, 0.35f * em));
    bool done = false;
    if (ImGui::BeginPopupModal(name.c_str(), nullptr,
                               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) {
        // As wide as its title (up to a limit): an auto-sized popup fits its contents only, and
        // the title would be cut in the middle of the indicator's name.
        const float title_w = ImGui::CalcTextSize(name.c_str(), nullptr, true).x + 2 * em;
        ImGui::Dummy(ImVec2(std::min(title_w, 36 * em), 0));
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(10 * em);
        bool save = ImGui::InputText("##figure", &entry.draft, ImGuiInputTextFlags_EnterReturnsTrue);
        if (chosen->figures && !chosen->figures->unit.empty()) {
            ImGui::SameLine();
            ImGui::TextUnformatted(chosen->figures->unit.c_str());
        }
        if (!entry.error.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::alarm));
            ImGui::TextUnformatted(entry.error.c_str());
            ImGui::PopStyleColor();
        }
        if (ImGui::Button(words.save)) save = true;
        ImGui::SameLine();
        if (ImGui::Button(words.cancel) || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) done = true;
        if (save) {
            if (const auto figure = parse_figure(entry.draft)) {
                out.push_back(cmd::EnterIndicator{run.group, chosen->note->id, *figure});
                done = true;
            } else {
                entry.error = s.indicator_invalid;
                ImGui::SetKeyboardFocusHere(-1);
            }
        }
        if (done) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    } else {
        done = true;  // closed from outside
    }
    ImGui::PopStyleVar(3);
    if (done) {
        entry.open = false;
        entry.draft.clear();
    }
}

void draw_status_board(ImDrawList* dl, const Workshop& state, const ExerciseRun& run, ImVec2 min, ImVec2 max,
                       const Fonts& fonts, const UiStrings& s, Language lang, Id chosen) {
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
    if (chosen)
        draw_text_fit(dl, fonts, fonts.small, ImVec2(max.x - 22 * em, y + 0.1f * em), theme::text_muted,
                      s.indicator_keys, 21 * em);
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
        const std::string figure = m.indicator.empty() ? std::string() : indicator_line(m, s, lang);
        const float row_h =
            std::max(2.4f * em, static_cast<float>(title.lines.size()) * body +
                                    (facts.empty() ? 0 : small + 0.2f * em) + (line.empty() ? 0 : small + 0.2f * em) +
                                    (figure.empty() ? 0 : small + 0.2f * em)) +
            0.6f * em;
        if (y + row_h > max.y) break;  // more than fit: the phones have every one
        dl->AddRectFilled(ImVec2(min.x + 0.5f * em, y - 0.3f * em), ImVec2(max.x - 0.5f * em, y + row_h - 0.5f * em),
                          theme::panel, 0.3f * em);
        if (m.note->id == chosen)  // the measure the facilitator's figure goes to
            dl->AddRect(ImVec2(min.x + 0.5f * em, y - 0.3f * em), ImVec2(max.x - 0.5f * em, y + row_h - 0.5f * em),
                        theme::accent, 0.3f * em, 0, std::max(2.0f, 0.15f * em));
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
        if (!line.empty()) {
            draw_text_fit(dl, fonts, fonts.small, ImVec2(text_x, ty + 0.2f * em), theme::text, "«" + line + "»",
                          text_w);
            ty += small + 0.2f * em;
        }
        if (!figure.empty())
            draw_text_fit(dl, fonts, fonts.small, ImVec2(text_x, ty + 0.2f * em),
                          m.value ? theme::accent : theme::text_muted, figure, text_w);
        y += row_h;
    }
}

}  // namespace samling
