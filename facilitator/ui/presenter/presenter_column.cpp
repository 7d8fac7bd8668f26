// The presenter's column, top to bottom: a heading saying the room cannot see it, one row per
// group with figures in aligned slots, while a vote with hidden totals runs in the focused
// group its notes with the most dots so far, and at the bottom the remote's pairing QR code with
// its caption. No GLFW, OpenGL or hub.
#include "ui/presenter/presenter_column.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "ui/board/vote_results.hpp"
#include "ui/panels/control_theme.hpp"
#include "ui/panels/group_strip.hpp"
#include "ui/panels/room_strings.hpp"
#include "ui/panels/step_bar.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/text/drawable_text.hpp"
#include "ui/theme.hpp"

namespace samling {
namespace {

constexpr std::size_t totals_shown = 5;
// The closest a row's pitch may be, in lines of its face: the capitals of one row still clear
// the descenders of the row above.
constexpr float closest_row = 0.9f;

// The focused group's run while it votes with the totals hidden from the room, or null.
const ExerciseRun* hidden_vote(const Workshop& state, Id group) {
    const ExerciseRun* run = group ? state.current_run(group) : nullptr;
    const Step* step = run ? state.current_step(*run) : nullptr;
    if (!step || step->kind != StepKind::vote || vote_results_visible(state, *run)) return nullptr;
    return run;
}

// One group's row: number and name, then step, present, notes, done and saved in slots of
// fixed width from the right, so the figures of 27 rows line up. A tall row (few groups) puts
// the figures on a second line, and the name has the whole width.
void draw_group_row(const Frame& frame, ImDrawList* dl, Id id, int number, bool focused, ImVec2 a, float right,
                    float row_h) {
    const Fonts& fonts = frame.fonts;
    const Workshop& state = frame.state;
    const float em = fonts.em;
    const ImFont* font = fonts.small;
    const float line = fonts.size(font);
    const bool two_lines = row_h >= 2.3f * line;
    const float name_y = a.y + (two_lines ? 0.15f * line : (row_h - line) / 2);
    const float y = two_lines ? name_y + 1.05f * line : name_y;  // the figures' line
    if (focused) dl->AddRectFilled(a, ImVec2(right, a.y + row_h - 0.1f * line), theme::panel_hover, 0.2f * em);
    const ExerciseRun* run = state.current_run(id);
    const ExerciseDefinition* def = run ? state.definition(*run) : nullptr;
    const Step* step = run ? state.current_step(*run) : nullptr;
    const float slot = 2.8f * line;                      // "12/14" in the small face, with air
    std::vector<std::pair<std::string, ImU32>> figures;  // right to left
    if (def && step) {
        const int here = frame.presence.present_in(state, id, frame.now);
        const int done = done_in_step(state, frame.presence, id, frame.now);
        figures.push_back({done >= 0 ? std::to_string(done) + "/" + std::to_string(here) : "–", theme::good});
        figures.push_back({std::to_string(state.notes_of_run(run->id).size()), theme::text_muted});
        figures.push_back({std::to_string(here), theme::text_muted});
        figures.push_back({std::to_string(run->step + 1) + "/" + std::to_string(def->steps.size()), theme::accent});
    }
    float x = right - 0.3f * em;
    if (run && run->concluded_at != 0) {  // saved in the project log: a tick, drawn (no font has to carry it)
        const float t = 0.8f * line, tx = x - t;
        const ImVec2 points[] = {snap(ImVec2(tx, y + 0.55f * line)), snap(ImVec2(tx + 0.35f * t, y + 0.85f * line)),
                                 snap(ImVec2(tx + t, y + 0.2f * line))};
        dl->AddPolyline(points, 3, theme::good, ImDrawFlags_None, std::max(2.0f, std::round(0.13f * line)));
    }
    x -= 1.4f * line;
    float figures_left = x;  // where the leftmost figure begins: the name ends before it
    for (const auto& [text, colour] : figures) {
        figures_left = x - width_of(fonts, font, text);
        draw_text(dl, fonts, font, ImVec2(figures_left, y), colour, text);
        x -= slot;
    }
    // The table lead, if the group has one, reads after the name ("Ås barnehage · Kari").
    const LeaderGroup* g = state.group(id);
    std::string name = g ? g->name : "";
    if (const Participant* lead = state.participant(state.lead_of(id))) name += " \u00b7 " + lead->name;
    const std::string head = std::to_string(number) + "  ";
    const float nw = width_of(fonts, font, head);
    draw_text(dl, fonts, font, ImVec2(a.x + 0.3f * em, name_y), theme::text_dim, head);
    const float left = a.x + 0.3f * em + nw;
    draw_text_fit(dl, fonts, font, ImVec2(left, name_y), def ? theme::text : theme::text_muted, drawable_text(name),
                  (two_lines ? right - 0.3f * em : figures_left - 0.5f * em) - left);
}

// The hidden totals: a bar per note as long as its share of the leader's dots, the count and
// the note's text; returns the height used.
float draw_hidden_totals(const Frame& frame, ImDrawList* dl, const ExerciseRun& run, ImVec2 min, float right) {
    const Fonts& fonts = frame.fonts;
    const RoomStrings& rs = room_strings(frame.lang);
    const float em = fonts.em;
    const float line = fonts.size(fonts.small);
    float y = min.y;
    draw_text_fit(dl, fonts, fonts.bold, ImVec2(min.x, y), theme::text, rs.presenter_votes, right - min.x);
    y += fonts.size(fonts.bold) * 1.2f;
    draw_text_fit(dl, fonts, fonts.small, ImVec2(min.x, y), theme::text_muted, rs.presenter_votes_hidden,
                  right - min.x);
    y += line * 1.4f;
    const std::vector<const Note*> top = top_voted(frame.state, run, totals_shown);
    if (top.empty()) {
        draw_text_fit(dl, fonts, fonts.small, ImVec2(min.x, y), theme::text_muted, rs.presenter_no_votes,
                      right - min.x);
        return y + line * 1.3f - min.y;
    }
    const int most = frame.state.dots_on(top.front()->id);
    const float bar_w = 3.0f * em;
    for (const Note* n : top) {
        const int dots = frame.state.dots_on(n->id);
        const float w = std::max(0.2f * em, bar_w * static_cast<float>(dots) / static_cast<float>(std::max(1, most)));
        dl->AddRectFilled(snap(ImVec2(min.x, y + 0.1f * line)), snap(ImVec2(min.x + w, y + 0.95f * line)),
                          hidden_totals_colour, 0.15f * em);
        const std::string count = std::to_string(dots);
        draw_text(dl, fonts, fonts.small, ImVec2(min.x + bar_w + 0.4f * em, y), theme::text, count);
        const float tx = min.x + bar_w + 0.6f * em + width_of(fonts, fonts.small, "000");
        draw_text_fit(dl, fonts, fonts.small, ImVec2(tx, y), theme::text, drawable_text(n->text), right - tx);
        y += line * 1.35f;
    }
    return y - min.y;
}

}  // namespace

void draw_presenter_column(const Frame& frame, ImDrawList* dl, Id focused, ImVec2 min, ImVec2 max,
                           const QrModules& pairing, float pixels_per_unit) {
    const Fonts& fonts = frame.fonts;
    const RoomStrings& rs = room_strings(frame.lang);
    const float em = fonts.em;
    const float line = fonts.size(fonts.small);
    dl->AddRectFilled(min, max, theme::panel, 0.4f * em);
    const float pad = std::round(0.6f * em);
    const ImVec2 a(min.x + pad, min.y + pad);
    const float right = max.x - pad;
    draw_text_fit(dl, fonts, fonts.bold, a, theme::accent, rs.presenter_private, right - a.x);
    float y = a.y + fonts.size(fonts.bold) * 1.4f;

    // The vote's totals take what they need at the bottom, the pairing QR code and its caption
    // under them, the groups share the rest.
    const ExerciseRun* vote = hidden_vote(frame.state, focused);
    const float totals_h =
        vote ? fonts.size(fonts.bold) * 1.2f + line * 1.4f + line * 1.35f * totals_shown + 0.8f * em : 0.0f;
    const std::vector<Id> ids = group_order(frame.state);
    const float rows_top = y + line * 1.3f;
    // The code is at most a third of the column and leaves each group's row its closest pitch
    // (27 rows and the code fit at 1280×720); below 3 pixels a module a phone's camera
    // struggles, so a column too crowded for it (27 groups voting) says that Q shows it in the
    // pairing panel — if the rows leave room for that line.
    const float caption_h = line * 1.5f, gap = std::round(0.6f * em);
    const float n = static_cast<float>(ids.size());
    const float below_rows = max.y - pad - totals_h - rows_top;
    const float qr_max =
        std::min({right - a.x, std::round((max.y - min.y) / 3), below_rows - caption_h - gap - closest_row * line * n});
    float qr_h = pairing.size > 0 && qr_max > 0 ? qr_side(pairing, qr_max, pixels_per_unit) : 0.0f;
    if (qr_h * pixels_per_unit < 3.0f * static_cast<float>(pairing.size + 2 * qr_quiet_zone)) qr_h = 0;
    const bool key_line = pairing.size > 0 && qr_h == 0 && below_rows - caption_h >= closest_row * line * n;
    const float pairing_h = qr_h > 0 ? gap + qr_h + caption_h : key_line ? caption_h : 0.0f;
    const float pairing_top = max.y - pad - pairing_h;
    const float list_bottom = pairing_top - totals_h;
    const std::string columns = rs.presenter_columns;
    draw_text_fit(dl, fonts, fonts.small, ImVec2(a.x, y), theme::text_dim, columns, right - a.x);
    y = rows_top;
    const float row_h = ids.empty() ? 0 : std::min(line * 2.5f, (list_bottom - y) / static_cast<float>(ids.size()));
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (row_h < closest_row * line) break;  // more groups than the column holds: the overview (O) shows them all
        draw_group_row(frame, dl, ids[i], static_cast<int>(i) + 1, ids[i] == focused,
                       ImVec2(a.x - 0.3f * em, y + row_h * static_cast<float>(i)), right + 0.3f * em, row_h);
    }
    if (vote) draw_hidden_totals(frame, dl, *vote, ImVec2(a.x, list_bottom + 0.8f * em), right);
    if (qr_h == 0 && !key_line) return;
    // The remote pairs from here, never from the projector (issue 10, point 6).
    float caption_y = pairing_top + line * 0.3f;
    if (qr_h > 0) {
        const float qy = pairing_top + gap;
        draw_qr(dl, pairing, ImVec2(std::round((a.x + right - qr_h) / 2), qy), qr_max, pixels_per_unit);
        caption_y = qy + qr_h + line * 0.3f;
    }
    draw_text_fit(dl, fonts, fonts.small, ImVec2(a.x, caption_y), theme::text_muted,
                  qr_h > 0 ? rs.presenter_remote : rs.presenter_remote_key, right - a.x);
}

}  // namespace samling
