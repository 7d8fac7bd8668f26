// Errors as values: every fallible core, store and hub call returns a Result.
// The codes are the participant API's error codes (API.md); nothing here knows HTTP.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace samling {

enum class Errc {
    room_code_invalid,   // wrong or closed room code
    group_not_found,     // join names a group that is not in the room
    unauthorized,        // no token, or a token that is not valid
    note_not_found,      // the note does not exist (or is not visible to the caller)
    not_your_note,       // edit/delete of another participant's note
    text_empty,          // nothing left after trimming
    text_too_long,       // over the code-point limit
    text_invalid,        // not valid UTF-8, or control characters
    name_too_long,       // a participant's display name over its limit
    client_id_invalid,   // missing, empty or over-long idempotency key
    zone_unknown,        // a zone the current step's layout does not have
    step_closed,         // the current step does not take this write
    no_activity,         // the group has no exercise running
    no_votes_left,       // the dot budget is spent
    vote_not_found,      // taking back a dot that was never given
    invalid_request,     // a facilitator command that does not fit the state
    group_has_notes,     // deleting a leader group that has written anything: archive it instead
    nothing_to_undo,     // undo with no facilitator action left to take back
    storage_failed,      // the store could not commit: nothing was changed
    statement_unknown,   // a pulse answer to a statement the step does not ask
    value_out_of_range,  // a pulse answer off the instrument's scale
    not_lead,            // a lead command from a phone that does not lead its group
    lead_taken,          // asking to lead a group that has a lead, or whose first ask waits
    not_lead_command,    // a command a table lead may not send (only the board's own)
    other_group,         // a lead command that touches another group's board
    status_unknown,      // a measure's status that is not not_started, started, done or stopped
    value_invalid,       // an indicator's value, baseline or target that is not a finite number
};

std::string_view to_string(Errc code);

struct Error {
    Errc code;
    std::string message;  // for a developer, in English: clients show their own words per code (i18n/strings.json)
};

// A value or an Error. Deliberately small: callers check ok() and read value() or error().
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(v_); }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<T>(v_); }
    const T& value() const { return std::get<T>(v_); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<Error>(v_); }

private:
    std::variant<T, Error> v_;
};

struct Ok {};
using Status = Result<Ok>;

inline Error make_error(Errc code, std::string message) {
    return Error{code, std::move(message)};
}

}  // namespace samling
