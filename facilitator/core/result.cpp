// Names of error codes, exactly as the participant API spells them.
#include "core/result.hpp"

namespace samling {

std::string_view to_string(Errc code) {
    switch (code) {
        case Errc::room_code_invalid:
            return "room_code_invalid";
        case Errc::group_not_found:
            return "group_not_found";
        case Errc::unauthorized:
            return "unauthorized";
        case Errc::note_not_found:
            return "note_not_found";
        case Errc::not_your_note:
            return "not_your_note";
        case Errc::text_empty:
            return "text_empty";
        case Errc::text_too_long:
            return "text_too_long";
        case Errc::text_invalid:
            return "text_invalid";
        case Errc::name_too_long:
            return "name_too_long";
        case Errc::client_id_invalid:
            return "client_id_invalid";
        case Errc::zone_unknown:
            return "zone_unknown";
        case Errc::step_closed:
            return "step_closed";
        case Errc::no_activity:
            return "no_activity";
        case Errc::no_votes_left:
            return "no_votes_left";
        case Errc::vote_not_found:
            return "vote_not_found";
        case Errc::invalid_request:
            return "invalid_request";
        case Errc::group_has_notes:
            return "group_has_notes";
        case Errc::nothing_to_undo:
            return "nothing_to_undo";
        case Errc::storage_failed:
            return "storage_failed";
        case Errc::statement_unknown:
            return "statement_unknown";
        case Errc::value_out_of_range:
            return "value_out_of_range";
        case Errc::not_lead:
            return "not_lead";
        case Errc::lead_taken:
            return "lead_taken";
        case Errc::not_lead_command:
            return "not_lead_command";
        case Errc::other_group:
            return "other_group";
        case Errc::status_unknown:
            return "status_unknown";
        case Errc::value_invalid:
            return "value_invalid";
    }
    return "unknown";
}

}  // namespace samling
