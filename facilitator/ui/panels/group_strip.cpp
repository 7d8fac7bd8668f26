// Chips for every leader group: two lines (name; people here, done, notes) while they fit in two
// rows, one compact line each beyond that; names cut from the middle so no two read the same.
// No GLFW, OpenGL or hub.
#include "ui/panels/group_strip.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "ui/panels/room_strings.hpp"
#include "ui/panels/step_bar.hpp"
#include "ui/text/draw_text.hpp"
#include "ui/text/drawable_text.hpp"
#include "ui/text/name_fit.hpp"
#include "ui/theme.hpp"

namespace samling {
namespace {

struct StripShape {
    int per_row = 1;
    int rows = 0;
    bool compact = false;
    float chip_h = 0;
};

float gap_of(const Fonts& f, bool compact) {
    return std::round((compact ? 0.3f : 0.45f) * f.em);
}

StripShape shape_of(int groups, float width, const Fonts& f) {
    StripShape s;
    if (groups <= 0) return s;
    float gap = gap_of(f, false);
    const float min_w = 8.5f * f.em;
    s.per_row = std::clamp(static_cast<int>((width + gap) / (min_w + gap)), 1, groups);
    s.rows = (groups + s.per_row - 1) / s.per_row;
    s.compact = s.rows > 2;
    if (s.compact) {  // one line per chip: narrower chips, more per row
        gap = gap_of(f, true);
        s.per_row = std::clamp(static_cast<int>((width + gap) / (6.5f * f.em + gap)), 1, groups);
        s.rows = (groups + s.per_row - 1) / s.per_row;
    }
    s.chip_h = s.compact ? f.size(f.small) + 0.4f * f.em : f.em + f.size(f.small) + 0.8f * f.em;
    return s;
}

int live_notes(const Workshop& state, Id group) {
    const ExerciseRun* run = state.current_run(group);
    return run ? static_cast<int>(state.notes_of_run(run->id).size()) : 0;
}

}  // namespace

std::vector<Id> group_order(const Workshop& state) {
    std::vector<Id> ids;
    for (const auto& [id, g] : state.groups())
        if (!g.archived) ids.push_back(id);  // an archived group is kept for its log, not shown
    return ids;                              // by id: the order the groups were added, stable across restarts
}

float group_strip_height(int groups, float width, const Fonts& fonts) {
    const StripShape s = shape_of(groups, width, fonts);
    const float gap = gap_of(fonts, s.compact);
    return s.rows == 0 ? 0.0f : static_cast<float>(s.rows) * (s.chip_h + gap) - gap;
}

Id draw_group_strip(const Frame& frame, ImDrawList* dl, Id focused, ImVec2 min, ImVec2 max) {
    const Workshop& state = frame.state;
    const Presence& presence = frame.presence;
    const Fonts& fonts = frame.fonts;
    const UiStrings& strings = frame.words;
    const Language lang = frame.lang;
    const Timestamp now = frame.now;
    const std::vector<Id> ids = group_order(state);
    const StripShape s = shape_of(static_cast<int>(ids.size()), max.x - min.x, fonts);
    const float gap = gap_of(fonts, s.compact);
    const float em = fonts.em;
    const float chip_w = (max.x - min.x - gap * static_cast<float>(s.per_row - 1)) / static_cast<float>(s.per_row);
    // Every chip's name gets one width (the widest number and note count's room taken off), so
    // the names can be cut to texts that all differ.
    const float inset = (s.compact ? 0.35f : 0.5f) * em;
    const ImFont* number_font = s.compact ? fonts.small : fonts.bold;
    const ImFont* name_font = s.compact ? fonts.small : fonts.bold;
    const float number_w =
        std::max(width_of(fonts, number_font, std::to_string(ids.size())), fonts.size(number_font) * 0.6f);
    const float text_w = chip_w - 2 * inset - number_w - (s.compact ? 0.35f : 0.5f) * em;
    std::vector<std::string> names;
    int most_notes = 0;
    for (Id id : ids) {
        const LeaderGroup* g = state.group(id);
        names.push_back(drawable_text(g ? g->name : std::string()));
        most_notes = std::max(most_notes, live_notes(state, id));
    }
    const float name_w =
        s.compact ? text_w - width_of(fonts, fonts.small, std::to_string(most_notes)) - 0.4f * em : text_w;
    names = distinct_names(name_font, fonts.size(name_font), names, name_w);
    Id clicked = 0;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const Id id = ids[i];
        const int row = static_cast<int>(i) / s.per_row, col = static_cast<int>(i) % s.per_row;
        const ImVec2 a = snap(ImVec2(min.x + static_cast<float>(col) * (chip_w + gap),
                                     min.y + static_cast<float>(row) * (s.chip_h + gap)));
        const ImVec2 b = snap(ImVec2(a.x + chip_w, a.y + s.chip_h));

        ImGui::SetCursorScreenPos(a);
        ImGui::PushID(static_cast<int>(id));
        if (ImGui::InvisibleButton("group", ImVec2(b.x - a.x, b.y - a.y))) clicked = id;
        const bool hovered = ImGui::IsItemHovered();
        ImGui::PopID();

        const bool is_focused = id == focused;
        const float rounding = 0.3f * em;
        dl->AddRectFilled(a, b, is_focused ? theme::accent : hovered ? theme::panel_hover : theme::panel, rounding);
        const ImU32 ink = is_focused ? theme::accent_text : theme::text;
        const ImU32 ink_muted = is_focused ? theme::accent_text : theme::text_muted;

        // Number badge: the key that focuses this group.
        const std::string number = std::to_string(i + 1);
        draw_text(dl, fonts, number_font, ImVec2(a.x + inset, a.y + (s.compact ? 0.2f * em : 0.4f * em)), ink_muted,
                  number);
        const float text_x = a.x + inset + number_w + (s.compact ? 0.35f : 0.5f) * em;
        const std::string& name = names[i];
        const int here = presence.present_in(state, id, now);
        const int notes = live_notes(state, id);
        if (s.compact) {
            const std::string counts = std::to_string(notes);
            const float counts_w = width_of(fonts, fonts.small, counts);
            const float y = a.y + 0.2f * em;
            draw_text(dl, fonts, fonts.small, ImVec2(text_x, y), ink, name);
            draw_text(dl, fonts, fonts.small, ImVec2(b.x - inset - counts_w, y), ink_muted, counts);
        } else {
            draw_text(dl, fonts, fonts.bold, ImVec2(text_x, a.y + 0.4f * em), ink, name);
            std::string counts = std::to_string(here) + " " + room_strings(lang).present;
            if (const int done = done_in_step(state, presence, id, now); done >= 0)
                counts += "  ·  " + std::to_string(done) + " " + strings.done_short;
            counts += "  ·  " + count_of(notes, strings.notes_one, strings.notes_many);
            draw_text_fit(dl, fonts, fonts.small, ImVec2(text_x, a.y + 0.4f * em + em), ink_muted, counts, text_w);
        }
    }
    return clicked;
}

}  // namespace samling
