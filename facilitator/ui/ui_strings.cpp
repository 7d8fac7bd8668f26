// The projector's texts: the table comes from i18n/strings.json (fill_strings is generated); the
// functions that put them together live here. Must not depend on ImGui, GLFW or the workshop state.
#include "ui/ui_strings.hpp"

#include "core/string_table.hpp"

namespace samling {

const UiStrings& ui_strings(Language lang) {
    return string_table<UiStrings>(lang);
}

std::string step_position(const UiStrings& s, int index, int count, StepKind kind) {
    return std::string(s.step) + " " + std::to_string(index + 1) + " " + s.of + " " + std::to_string(count) + " · " +
           s.step_kind[static_cast<int>(kind)];
}

std::string count_of(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string refusal_reason(const UiStrings& s, const Error& error, bool was_undo) {
    const char* reason = nullptr;
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
            if (was_undo) reason = s.reason_cannot_undo;
            break;
        case Errc::group_has_notes:
            reason = s.reason_has_notes;
            break;
        default:
            break;
    }
    const std::string why = reason ? std::string(reason) : error.message;
    return std::string(was_undo ? s.could_not_undo : s.could_not_do) + ": " + why;
}

}  // namespace samling
