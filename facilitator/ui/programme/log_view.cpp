// The project log's timeline: measured first (card heights from wrapped text and the picture's
// shape), then drawn into a scrolling child window. "Since last time" is in since_view.cpp.
// No GLFW functions, OpenGL or hub.
#include "ui/programme/log_view.hpp"

#include <algorithm>
#include <cmath>

#include "ui/panels/control_theme.hpp"
#include "ui/programme/log_model.hpp"
#include "ui/programme/measure_history_view.hpp"
#include "ui/programme/pulse_history_view.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/text/drawable_text.hpp"

namespace samling {
namespace {

// A card laid out at a width: its lines, and where the picture goes.
struct CardLayout {
    std::vector<WrappedText> fields;  // one per LogField
    std::vector<std::string> notes;   // "3 ●  text", one line each
    Thumbnail picture;
    ImVec2 picture_size;
    float text_w = 0, height = 0;
};

const ImFont* field_font(const Fonts& f) {
    return f.card[1];
}

CardLayout lay_out(const LogCard& card, float width, const Fonts& fonts, const ThumbnailSource& thumbnails) {
    const float em = fonts.em;
    const float pad = 1.0f * em;
    CardLayout l;
    if (thumbnails && !card.snapshot.empty()) l.picture = thumbnails(card.snapshot);
    l.text_w = width - 2 * pad;
    if (l.picture.texture && l.picture.width > 0 && l.picture.height > 0) {
        const float pw = std::round(width * 0.38f);
        const float ph =
            std::min(pw * static_cast<float>(l.picture.height) / static_cast<float>(l.picture.width), 16 * em);
        l.picture_size = ImVec2(ph * static_cast<float>(l.picture.width) / static_cast<float>(l.picture.height), ph);
        l.text_w -= l.picture_size.x + pad;
    }
    const ImFont* font = field_font(fonts);
    float h = pad + fonts.size(fonts.title) * 1.1f + fonts.size(fonts.small) * 1.4f;
    for (const LogField& f : card.fields) {
        l.fields.push_back(wrap_text(font, fonts.size(font), drawable_text(f.text), l.text_w, 0));
        h += 0.4f * em + fonts.size(fonts.small) * 1.2f +
             static_cast<float>(l.fields.back().lines.size()) * fonts.size(font) * 1.2f;
    }
    for (const LogNote& n : card.top)
        l.notes.push_back(fit_line(fonts.body, em, std::to_string(n.dots) + " ●  " + drawable_text(n.text), l.text_w));
    if (!l.notes.empty())
        h += 0.6f * em + fonts.size(fonts.small) * 1.2f + static_cast<float>(l.notes.size()) * em * 1.25f;
    l.height = std::max(h + pad, l.picture_size.y + 2 * pad);
    return l;
}

void draw_card(ImDrawList* dl, const LogCard& card, const CardLayout& l, ImVec2 a, float width, const Fonts& fonts,
               const ProgrammeStrings& s) {
    const float em = fonts.em;
    const float pad = 1.0f * em;
    const ImVec2 b(a.x + width, a.y + l.height);
    dl->AddRectFilled(snap(a), snap(b), theme::panel, 0.5f * em);
    float x = a.x + pad, y = a.y + pad;
    draw_text_fit(dl, fonts, fonts.title, ImVec2(x, y), theme::text, drawable_text(card.title), l.text_w);
    y += fonts.size(fonts.title) * 1.1f;
    const std::string when = fill(s.concluded, {{"date", short_date(s, card.concluded_at)}});
    draw_text(dl, fonts, fonts.small, ImVec2(x, y), theme::text_dim, when);
    y += fonts.size(fonts.small) * 1.4f;
    const ImFont* font = field_font(fonts);
    for (std::size_t i = 0; i < card.fields.size(); ++i) {
        y += 0.4f * em;
        draw_text_fit(dl, fonts, fonts.small, ImVec2(x, y), theme::accent, drawable_text(card.fields[i].label),
                      l.text_w);
        y += fonts.size(fonts.small) * 1.2f;
        for (const std::string& line : l.fields[i].lines) {
            draw_text(dl, fonts, font, ImVec2(x, y), theme::text, line);
            y += fonts.size(font) * 1.2f;
        }
    }
    if (!l.notes.empty()) {
        y += 0.6f * em;
        draw_text(dl, fonts, fonts.small, ImVec2(x, y), theme::text_muted, s.top_notes);
        y += fonts.size(fonts.small) * 1.2f;
        for (const std::string& line : l.notes) {
            draw_text(dl, fonts, fonts.body, ImVec2(x, y), theme::text_muted, line);
            y += em * 1.25f;
        }
    }
    if (l.picture.texture) {
        const ImVec2 pa = snap(ImVec2(b.x - pad - l.picture_size.x, a.y + pad));
        const ImVec2 pb = snap(ImVec2(pa.x + l.picture_size.x, pa.y + l.picture_size.y));
        dl->AddImage(l.picture.texture, pa, pb);
        dl->AddRect(pa, pb, theme::sheet_line, 0, 0, 1.0f);
    }
}

}  // namespace

bool draw_project_log(const Frame& frame, Id group, ReadingViewState& reading, ImVec2 min, ImVec2 max,
                      const std::string& data_dir, const ThumbnailSource& thumbnails) {
    const Workshop& state = frame.state;
    const Fonts& fonts = frame.fonts;
    const ProgrammeStrings& s = frame.programme;
    const Language lang = frame.lang;
    const float em = fonts.em;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const LeaderGroup* g = group ? state.group(group) : nullptr;
    // The export button at the top right; the title takes what is left.
    const float button_w = width_of(fonts, fonts.body, s.export_button) + 1.6f * em;
    ImGui::SetCursorScreenPos(ImVec2(max.x - button_w, min.y + 0.3f * em));
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(theme::panel));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(theme::panel_hover));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0.8f * em, 0.45f * em));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 0.3f * em);
    const bool export_clicked = ImGui::Button(s.export_button, ImVec2(button_w, 0));
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
    const std::string title = std::string(s.log_title) + (g ? "  ·  " + drawable_text(g->name) : std::string());
    draw_text_fit(dl, fonts, fonts.heading, min, theme::text, title, max.x - min.x - button_w - em);
    float top = min.y + fonts.size(fonts.heading) * 1.15f;
    if (g && !g->project.empty()) {
        draw_text_fit(dl, fonts, fonts.body, ImVec2(min.x, top), theme::text_muted, drawable_text(g->project),
                      max.x - min.x);
        top += em * 1.3f;
    }
    top += 0.5f * em;
    const float hint_y = max.y - fonts.size(fonts.small);
    draw_text_fit(dl, fonts, fonts.small, ImVec2(min.x, hint_y), theme::text_dim, s.log_hint, max.x - min.x);
    const float bottom = hint_y - 0.6f * em;

    const std::vector<LogSection> sections =
        g ? project_log_sections(state, group, lang, s, data_dir) : std::vector<LogSection>{};
    const std::vector<PulseSeries> pulses = g ? pulse_history(state, group) : std::vector<PulseSeries>{};
    const std::vector<MeasureTrail> measures = g ? measure_history(state, group) : std::vector<MeasureTrail>{};
    const std::vector<IndicatorSeries> indicators = indicator_history(state, measures);
    if (sections.empty() && pulses.empty() && measures.empty()) {
        const WrappedText text = wrap_text(fonts.title, fonts.size(fonts.title), g ? s.log_empty : s.no_group,
                                           std::min(max.x - min.x, 40 * em), 0);
        float y = top + 2 * em;
        for (const std::string& line : text.lines) {
            draw_text(dl, fonts, fonts.title, ImVec2(min.x, y), theme::text_muted, line);
            y += fonts.size(fonts.title) * 1.2f;
        }
        return export_clicked;
    }

    ImGui::SetCursorScreenPos(ImVec2(min.x, top));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0, 0, 0, 0));
    ImGui::BeginChild("##project_log", ImVec2(max.x - min.x, bottom - top), false);
    if (reading.page != 0) {
        ImGui::SetScrollY(ImGui::GetScrollY() + reading.page * (bottom - top) * 0.85f);
        reading.page = 0;
    }
    dl = ImGui::GetWindowDrawList();
    const float width = ImGui::GetContentRegionAvail().x - 0.6f * em;  // room for the scroll bar
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    float y = origin.y;
    // The change across gatherings first: what the group should see before the details.
    if (!pulses.empty() || !measures.empty()) {
        draw_text_fit(dl, fonts, fonts.title, ImVec2(origin.x, y), theme::accent, s.change, width);
        y += fonts.size(fonts.title) * 1.2f;
        dl->AddLine(snap(ImVec2(origin.x, y)), snap(ImVec2(origin.x + width, y)), theme::sheet_line,
                    std::max(1.0f, std::round(0.08f * em)));
        y += 0.5f * em;
    }
    y += draw_pulse_history(dl, pulses, ImVec2(origin.x, y), width, fonts, s, lang);
    y += draw_measure_history(dl, measures, indicators, ImVec2(origin.x, y), width, fonts, s, lang);
    for (const LogSection& sec : sections) {
        // The gathering's heading with a rule, then its cards in the order they were saved.
        draw_text_fit(dl, fonts, fonts.title, ImVec2(origin.x, y), theme::accent, drawable_text(sec.heading), width);
        y += fonts.size(fonts.title) * 1.2f;
        dl->AddLine(snap(ImVec2(origin.x, y)), snap(ImVec2(origin.x + width, y)), theme::sheet_line,
                    std::max(1.0f, std::round(0.08f * em)));
        y += 0.6f * em;
        for (const LogCard& card : sec.cards) {
            const CardLayout l = lay_out(card, width, fonts, thumbnails);
            draw_card(dl, card, l, ImVec2(origin.x, y), width, fonts, s);
            y += l.height + 0.8f * em;
        }
        y += 0.6f * em;
    }
    ImGui::Dummy(ImVec2(width, y - origin.y));
    ImGui::EndChild();
    ImGui::PopStyleColor();
    return export_clicked;
}

}  // namespace samling
