// The projector's texts: the table comes from i18n/strings.json (fill_strings is generated); the
// functions that put them together live here. Must not depend on ImGui, GLFW or the workshop state.
#include "ui/ui_strings.hpp"

#include "core/string_table.hpp"

namespace samling {

const UiStrings& ui_strings(Language lang) {
    return string_table<UiStrings>(lang);
}

std::string step_position(const UiStrings& s, int index, int count, StepKind kind) {
    return fill(s.step_of, {{"i", std::to_string(index + 1)}, {"n", std::to_string(count)}}) + " · " +
           s.step_kind[static_cast<int>(kind)];
}

// Every code has the projector's own words: the core's message is for developers (English) and
// never reaches the screen. No default, so a new Errc does not compile until it has its words.
std::string refusal_reason(const UiStrings& s, const Error& error, bool was_undo) {
    const char* reason = s.reason_other;
    switch (error.code) {
        case Errc::note_not_found:
            reason = s.reason_gone;
            break;
        case Errc::no_activity:
            reason = s.reason_no_activity;
            break;
        case Errc::text_empty:
            reason = s.reason_text_empty;
            break;
        case Errc::text_too_long:
            reason = s.reason_text_long;
            break;
        case Errc::zone_unknown:
            reason = s.reason_zone;
            break;
        case Errc::storage_failed:
            reason = s.reason_storage;
            break;
        case Errc::invalid_request:
            reason = was_undo ? s.reason_cannot_undo : s.reason_other;
            break;
        case Errc::group_has_notes:
            reason = s.reason_has_notes;
            break;
        case Errc::nothing_to_undo:
            reason = s.nothing_to_undo;
            break;
        case Errc::group_not_found:
            reason = s.reason_group_gone;
            break;
        case Errc::room_code_invalid:
        case Errc::unauthorized:
        case Errc::not_your_note:
        case Errc::text_invalid:
        case Errc::name_too_long:
        case Errc::client_id_invalid:
        case Errc::step_closed:
        case Errc::no_votes_left:
        case Errc::vote_not_found:
        case Errc::statement_unknown:
        case Errc::value_out_of_range:
        case Errc::not_lead:
        case Errc::lead_taken:
        case Errc::not_lead_command:
        case Errc::other_group:
        case Errc::status_unknown:
        case Errc::value_invalid:
            break;  // a phone's refusals: the facilitator's commands never meet them
    }
    return fill(was_undo ? s.could_not_undo : s.could_not_do, {{"reason", reason}});
}

}  // namespace samling
