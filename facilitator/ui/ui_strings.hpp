// Every word the projector shows, as fields the code reads; translated in i18n/strings.json (the
// build fills them). Plain data; must not depend on ImGui, GLFW or the workshop state.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "core/exercise.hpp"
#include "core/model.hpp"
#include "core/phrase.hpp"
#include "core/result.hpp"

namespace samling {

// One line of the help overlay: the keys and what they do. `keys == nullptr` starts a section.
struct KeyHelp {
    const char* keys;
    const char* what;
};
inline constexpr std::size_t key_help_lines = 44;

struct UiStrings {
    const char* join_heading;    // over the QR code
    const char* join_address;    // label over host:port
    const char* room_code;       // label over the room code
    const char* step_of;         // "Steg {i} av {n}"
    const char* step_number;     // "Steg {i}"
    Plural notes;                // "{n} lapp"
    const char* empty_board;     // no notes yet
    const char* hidden_heading;  // silent writing: "{notes} skrevet så langt"
    const char* hidden_hint;
    const char* no_activity;   // the group has no exercise running
    const char* no_groups;     // the room has no leader groups yet
    const char* no_zone;       // column for notes without a known zone
    const char* more_notes;    // the "+{n} flere" card
    const char* key_hint;      // items split by "  ·  ", most needed first: the tail drops when short of room
    const char* step_kind[7];  // write, reveal, organise, vote, conclude, pulse, status

    // The step and its time box
    const char* timer_left;  // over a running countdown
    const char* timer_paused;
    const char* timer_ready;  // a countdown not started yet (T starts it)
    const char* timer_up;     // the countdown reached zero
    const char* done_of;      // "{n} av {m} er ferdige"
    const char* done_short;   // "{n} ferdige" in the group strip
    const char* done_ratio;   // "{n}/{m} ferdige" in the overview's tiles
    const char* writing_locked;
    // Answers from the hub
    const char* could_not_undo;  // "Kunne ikke angre: {reason}"
    const char* could_not_do;    // "Ikke utført: {reason}"
    const char* nothing_to_undo;
    const char* reason_gone;  // the note or cluster was removed meanwhile
    const char* reason_no_activity;
    const char* reason_text_empty;
    const char* reason_text_long;
    const char* reason_zone;
    const char* reason_storage;
    const char* reason_cannot_undo;
    const char* reason_has_notes;    // deleting a group or gathering that holds work: archive it
    const char* reason_agenda_done;  // S: the group has started everything on the agenda
    const char* reason_group_gone;   // the leader group was deleted meanwhile
    const char* reason_other;        // any other refusal: it no longer fits what is on screen
    const char* no_gathering_open;   // S with no gathering open
    // A pulse run's board
    const char* pulse_answered;       // "{answered} av {members} i gruppen har svart"
    Plural pulse_people;              // "{n} person"
    const char* pulse_anonymous;      // nobody sees who answered what
    const char* pulse_too_few;        // the result is not shown
    const char* pulse_too_few_why;    // "{answered} har svart; minst {needed} trengs"
    const char* pulse_too_few_short;  // one statement fewer answered than the threshold
    const char* pulse_index;          // "Samlet {mean} av {max}"
    const char* pulse_n;              // "{n} svar"
    const char* pulse_reverse;        // marks a statement worded the other way round
    const char* pulse_source;         // before the instrument's citation and licence
    // A status round's board
    const char* status_none;        // the group has no open measure
    const char* status_unreported;  // a measure without a status in this round
    const char* status_names[4];    // MeasureStatus, in its order
    const char* status_reported;    // "{reported} av {total} tiltak har fått status"
    // A measure's indicator on the status board, and the facilitator's entry of its figure
    const char* indicator_keys;      // how to choose a measure and open the number field
    const char* indicator_none;      // no figure at this gathering yet
    const char* indicator_baseline;  // "utgangspunkt {value}"
    const char* indicator_target;    // "mål {value}"
    const char* indicator_title;     // the number field's title: "Tallet nå for «{name}»"
    const char* indicator_invalid;   // what was typed is no number
    // Overview (O)
    const char* overview_title;
    Plural groups;  // "{n} gruppe"
    const char* overview_hint;
    const char* top_notes;
    Plural votes;  // "{n} stemme"
    // Start an exercise (E)
    const char* start_title;
    const char* start_exercise;  // list heading
    const char* start_groups;    // checkbox heading
    const char* start_all;
    const char* start_none;
    const char* start_button;  // "Start for"
    const char* start_hint;
    const char* cancel;
    // A note on someone's behalf (N)
    const char* add_note_title;
    const char* add_note_zone;
    const char* add_note_reply;  // "svar på"
    const char* add_note_no_reply;
    const char* add_note_button;
    const char* add_note_hint;
    // Phone preview (P)
    const char* preview_title;
    const char* preview_open;  // writing is open
    const char* preview_closed;
    Plural preview_votes;  // "Du har {n} stemmer"
    const char* preview_no_notes;
    Plural preview_more;  // "+{n} lapper til" on the phone's list
    // Conclusion (K)
    const char* conclusion_title;
    const char* conclusion_hint;
    const char* proposals;
    const char* no_proposals;
    const char* quick_picks;  // top-voted notes
    const char* use_in;       // "Bruk i: {field}"
    // Questions before acting on two or more groups: {x} what, {n} how many groups
    const char* confirm_start;  // {x}: the exercise's title
    const char* confirm_start_next;
    const char* confirm_next_step;
    const char* confirm_previous_step;
    const char* confirm_reveal;
    const char* confirm_lock;
    const char* confirm_unlock;
    const char* confirm_timer_start;  // the overview's T, Shift+T and Ctrl+Enter on many groups
    const char* confirm_timer_pause;
    const char* confirm_timer_reset;
    const char* confirm_conclude;
    const char* overview_ticked;  // "{n} avkrysset: …"
    const char* confirm_answer;   // "Enter = ja, Esc = nei"
    const char* group_number;     // "Gruppe {n}" in the badge "Gruppe 2_" while a number is typed
    // A phone asked to lead its table: {name} the phone's name, {group} its group; the keys
    const char* lead_ask;
    const char* lead_ask_anonymous;
    const char* lead_ask_keys;
    // G: runs the group left in this gathering (start-next, a new start), to reopen
    const char* earlier_runs;
    const char* reopen;
    // Q: pairing a facilitator remote
    const char* remote_title;
    const char* remote_title_presenter;
    const char* remote_scan;
    const char* remote_paired;
    const char* remote_none;
    const char* remote_revoke;
    const char* remote_close;
    const char* confirm_revoke;  // "Koble fra «{x}»?"
    // B: the focused group's table screen
    const char* table_title;  // "Bordskjerm for «{group}»"
    const char* table_about;
    const char* table_no_server;
    const char* table_keys;
    // Help (F1, ?)
    const char* help_title;
    const char* help_close;
    std::array<KeyHelp, key_help_lines> help;
};

// The texts are translated in i18n/strings.json; the build generates fill_strings from it.
const UiStrings& ui_strings(Language lang);
void fill_strings(UiStrings& s, Language lang);

// "Steg 1 av 5 · Skriv"
std::string step_position(const UiStrings& s, int index, int count, StepKind kind);

// Why the hub refused a facilitator command, in the UI language where we know the code.
std::string refusal_reason(const UiStrings& s, const Error& error, bool was_undo);

}  // namespace samling
