// One board frame: lay out (cached per snapshot), take the facilitator's input, let the cards
// glide to a new layout, draw the layout or the face-down and empty states, the status line and
// popups. Reads a Workshop snapshot only; no GLFW window calls, OpenGL or hub.
#include "ui/board/view.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "ui/board/input.hpp"
#include "ui/board/message.hpp"
#include "ui/board/pulse_board.hpp"
#include "ui/board/status_board.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/text/drawable_text.hpp"
#include "ui/theme.hpp"

namespace samling {
namespace {

void draw_centred_message(ImDrawList* dl, const Fonts& fonts, ImVec2 min, ImVec2 max, std::string_view text) {
    const BoardMessage m = board_message(fonts, min, max, text);
    float y = m.top;
    for (const std::string& line : m.lines) {
        draw_text(dl, fonts, m.font, ImVec2((min.x + max.x - width_of(fonts, m.font, line)) / 2, y), theme::text_muted,
                  line);
        y += m.size;
    }
}

// Silent writing: the room sees that notes arrive, not what they say.
void draw_hidden(ImDrawList* dl, const Fonts& fonts, ImVec2 min, ImVec2 max, const std::vector<ImU32>& colours,
                 const UiStrings& strings) {
    const int count = static_cast<int>(colours.size());
    const float em = fonts.em;
    const float centre = (min.x + max.x) / 2;
    const std::string number = std::to_string(count);
    const std::string label = fill(strings.hidden_heading, {{"notes", count_text(strings.notes, count)}});
    const float card_w = 2.4f * em, card_h = 1.7f * em, gap = 0.45f * em;
    const int per_row = std::max(1, static_cast<int>((max.x - min.x + gap) / (card_w + gap)));
    const float text_block = fonts.size(fonts.display) + fonts.size(fonts.title) + 3.6f * em;
    const int max_rows = std::max(0, static_cast<int>((max.y - min.y - text_block + gap) / (card_h + gap)));
    const int shown = std::min(count, per_row * std::min(max_rows, 4));
    const int rows = (shown + per_row - 1) / per_row;
    const float cards_h = rows > 0 ? static_cast<float>(rows) * (card_h + gap) : 0.0f;
    float y = (min.y + max.y) / 2 - (text_block + cards_h) / 2;
    draw_text_centred(dl, fonts, fonts.display, centre, y, theme::text, number, max.x - min.x);
    y += fonts.size(fonts.display);
    draw_text_centred(dl, fonts, fonts.title, centre, y, theme::text, label, max.x - min.x);
    y += fonts.size(fonts.title) + 0.6f * em;
    const WrappedText hint =
        wrap_text(fonts.body, fonts.size(fonts.body), strings.hidden_hint, std::min(max.x - min.x, 30 * em), 2);
    for (const std::string& line : hint.lines) {
        draw_text_centred(dl, fonts, fonts.body, centre, y, theme::text_muted, line, max.x - min.x);
        y += fonts.em;
    }
    y += 1.0f * em;
    for (int i = 0; i < shown; ++i) {
        const int row = i / per_row, col = i % per_row;
        const int in_row = std::min(per_row, shown - row * per_row);
        const float row_w = static_cast<float>(in_row) * (card_w + gap) - gap;
        const ImVec2 a = snap(ImVec2(centre - row_w / 2 + static_cast<float>(col) * (card_w + gap),
                                     y + static_cast<float>(row) * (card_h + gap)));
        // Face down: the note's colour with no text, and a fold line to read as a back.
        const ImVec2 b(a.x + card_w, a.y + card_h);
        dl->AddRectFilled(ImVec2(a.x, a.y + 3), ImVec2(b.x, b.y + 3), theme::shadow, 0.2f * em);
        dl->AddRectFilled(a, b, colours[static_cast<std::size_t>(i)], 0.2f * em);
        dl->AddRectFilled(a, ImVec2(b.x, a.y + std::round(0.3f * em)), theme::fold, 0.2f * em,
                          ImDrawFlags_RoundCornersTop);
    }
}

// Places `model` in [min, max], keeping room for the status line under the cards.
void place(LaidOutBoard& b, BoardModel model, ImVec2 min, ImVec2 max, const Fonts& fonts) {
    b.min = min;
    b.max = max;
    b.em = fonts.em;
    b.model = std::move(model);
    ++b.generation;
    ImVec2 area_max = max;
    if (b.model.mode == BoardModel::Mode::cards && (!b.model.hidden.empty() || b.model.voting_hidden))
        area_max.y -= std::round(fonts.em * 1.6f);  // the status line
    b.scene = make_scene(b.model, min, area_max, fonts);
}

// Brings `b` up to date for this snapshot, group, area, type size and language. Keyed on the
// group's own revision: a note written in another group does not lay this board out again.
void lay_out(LaidOutBoard& b, const Workshop& state, Id group, ImVec2 min, ImVec2 max, const Fonts& fonts,
             const UiStrings& strings, Language lang) {
    const Revision revision = state.revision_for(group);
    if (b.matches(revision, group, min, max, fonts.em, lang)) return;
    b.revision = revision;
    b.group = group;
    b.lang = lang;
    place(b, board_model(state, group, lang, strings, board_strings(lang)), min, max, fonts);
}

// Under the board: notes still face down, and dots cast while the totals are hidden.
void draw_status(ImDrawList* dl, const BoardModel& m, ImVec2 min, ImVec2 max, const Fonts& fonts,
                 const BoardStrings& words) {
    const float em = fonts.em;
    float x = min.x;
    const float y = max.y - fonts.size(fonts.body) - 0.1f * em;
    if (!m.hidden.empty()) {
        for (std::size_t i = 0; i < std::min<std::size_t>(m.hidden.size(), 5); ++i) {
            const ImVec2 a = snap(ImVec2(x + static_cast<float>(i) * 0.35f * em, y + 0.05f * em));
            dl->AddRectFilled(a, ImVec2(a.x + 0.9f * em, a.y + 0.9f * em), m.hidden[i], 0.12f * em);
            dl->AddRect(a, ImVec2(a.x + 0.9f * em, a.y + 0.9f * em), theme::shadow, 0.12f * em);
        }
        x += 0.9f * em + 0.35f * em * static_cast<float>(std::min<std::size_t>(m.hidden.size(), 5) - 1) + 0.5f * em;
        const int n = static_cast<int>(m.hidden.size());
        const std::string text = count_text(words.hidden, n);
        x += draw_text_fit(dl, fonts, fonts.body, ImVec2(x, y), theme::text_muted, text, max.x - x) + 1.2f * em;
    }
    if (m.voting_hidden && x < max.x) {
        const std::string text = count_text(words.votes_cast, m.dots_cast) + " · " + words.totals_later;
        draw_text_fit(dl, fonts, fonts.body, ImVec2(x, y), theme::text_muted, text, max.x - x);
    }
}

void draw_selection_hint(ImDrawList* dl, const BoardInteraction& ui, ImVec2 max, const Fonts& fonts,
                         const BoardStrings& words) {
    if (ui.selected.empty()) return;
    const float em = fonts.em;
    const std::string text = fill(words.selected, {{"n", std::to_string(ui.selected.size())}});
    const float w = width_of(fonts, fonts.bold, text) + 1.2f * em;
    const ImVec2 a = snap(ImVec2(max.x - w, max.y - 1.7f * em));
    dl->AddRectFilled(a, ImVec2(max.x, max.y), theme::accent, 0.5f * em);
    draw_text(dl, fonts, fonts.bold, ImVec2(a.x + 0.6f * em, a.y + 0.35f * em), theme::accent_text, text);
}

// The laid-out board, whichever state it is in: no activity, face down, or cards.
void draw_board(ImDrawList* dl, const LaidOutBoard& b, const Fonts& fonts, const UiStrings& strings,
                const BoardStrings& words, const BoardTransform& view, const BoardMarks& marks) {
    switch (b.model.mode) {
        case BoardModel::Mode::no_activity:
            draw_centred_message(dl, fonts, b.min, b.max, strings.no_activity);
            break;
        case BoardModel::Mode::hidden:
            draw_hidden(dl, fonts, b.min, b.max, b.model.hidden, strings);
            break;
        case BoardModel::Mode::cards:
            dl->PushClipRect(b.min, b.max, true);
            draw_scene(dl, b.scene, b.model, fonts, strings, words, view, marks);
            dl->PopClipRect();
            if (b.model.cards.empty() && b.scene.kind == SceneKind::columns)
                draw_centred_message(dl, fonts, ImVec2(b.min.x, b.min.y + b.scene.header_h), b.max,
                                     strings.empty_board);
            draw_status(dl, b.model, b.min, b.max, fonts, words);
            break;
    }
}

}  // namespace

void draw_board_picture(const Workshop& state, const ExerciseRun& run, ImVec2 min, ImVec2 max, const Fonts& fonts,
                        const UiStrings& strings, Language lang) {
    if (pulse_step_of(state, run)) {  // its picture in the log is its result, suppressed or not
        draw_pulse_board(ImGui::GetWindowDrawList(), state, run, min, max, fonts, strings, lang);
        return;
    }
    LaidOutBoard b;
    const BoardStrings& words = board_strings(lang);
    place(b, board_model_of(state, run, lang, strings, words), min, max, fonts);
    draw_board(ImGui::GetWindowDrawList(), b, fonts, strings, words, BoardTransform{min, 1.0f, ImVec2()}, BoardMarks{});
}

bool board_moving(const BoardState& board, Timestamp now) {
    return moving(board.motion, now);
}

void board_frame(const Frame& frame, Id group, ImVec2 min, ImVec2 max, BoardState& board, IndicatorEntry* indicator) {
    const Workshop& state = frame.state;
    const Fonts& fonts = frame.fonts;
    const UiStrings& strings = frame.words;
    const Language lang = frame.lang;
    const Timestamp now = frame.now;
    std::vector<Command>& out = frame.out;
    if (board.group != group) {
        board.ui = {};
        board.motion = {};
        board.group = group;
    }
    // A pulse has no cards to lay out: the count while it runs, then the group's result.
    if (const ExerciseRun* run = state.current_run(group); run && pulse_step_of(state, *run)) {
        draw_pulse_board(ImGui::GetWindowDrawList(), state, *run, min, max, fonts, strings, lang);
        return;
    }
    // Nor has a status round: its board is the group's measures, each with where it stands.
    if (const ExerciseRun* run = state.current_run(group); run && status_step_of(state, *run)) {
        if (indicator) status_board_input(state, *run, *indicator, fonts.em, strings, lang, out);
        draw_status_board(ImGui::GetWindowDrawList(), state, *run, min, max, fonts, strings, lang,
                          indicator ? indicator->note : 0);
        return;
    }
    lay_out(board.board, state, group, min, max, fonts, strings, lang);
    const LaidOutBoard& b = board.board;
    const BoardStrings& words = board_strings(lang);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const std::size_t sent = out.size();
    board_input(state, group, b, min, max, fonts.em, board.ui, out);
    const BoardTransform view{min, board.ui.zoom, board.ui.pan};
    // A card let go stays where the pointer left it until the board is laid out again, then
    // glides to its place, and so do the cards the drop moved: none jumps from under the eye.
    if (const BoardMarks& m = board.ui.marks; m.dragged && !board.ui.dragging && out.size() > sent)
        for (const SceneCard& c : b.scene.cards)
            if (b.model.cards[c.card].note == m.dragged) {
                const ImVec2 at = view.to_board(m.drag_min);
                let_go(board.motion, m.dragged, {at, ImVec2(at.x + c.max.x - c.min.x, at.y + c.max.y - c.min.y)},
                       b.generation, now);
            }
    std::vector<std::pair<Id, BoardRegion>> places;
    places.reserve(b.scene.cards.size());
    for (const SceneCard& c : b.scene.cards) places.emplace_back(b.model.cards[c.card].note, BoardRegion{c.min, c.max});
    follow(board.motion, places, b.generation, now);
    if (b.model.mode == BoardModel::Mode::cards && moving(board.motion, now)) {
        LaidOutBoard shown = b;
        for (SceneCard& c : shown.scene.cards) {
            const BoardRegion r = glide_at(board.motion.cards[b.model.cards[c.card].note], now);
            c.min = r.min;
            c.max = r.max;
        }
        draw_board(dl, shown, fonts, strings, words, view, board.ui.marks);
    } else {
        draw_board(dl, b, fonts, strings, words, view, board.ui.marks);
    }
    if (b.model.mode == BoardModel::Mode::cards) draw_selection_hint(dl, board.ui, max, fonts, words);
    // Who wrote it, for the facilitator's eyes only (anonymity "facilitator"): on hover.
    if (board.ui.marks.hovered && board.ui.popup == BoardPopup::none)
        for (const ModelCard& c : b.model.cards)
            if (c.note == board.ui.marks.hovered && !c.hover_author.empty()) {
                ImGui::BeginTooltip();
                ImGui::TextUnformatted((std::string(words.written_by) + ": " + c.hover_author).c_str());
                ImGui::EndTooltip();
            }
    board_popups(group, words, fonts.em, board.ui, out);
}

bool board_crowded(const Workshop& state, Id group, ImVec2 min, ImVec2 max, const Fonts& fonts,
                   const UiStrings& strings, Language lang, BoardState& board) {
    lay_out(board.probe, state, group, min, max, fonts, strings, lang);
    return board.probe.model.mode == BoardModel::Mode::cards && board.probe.scene.cramped;
}

}  // namespace samling
