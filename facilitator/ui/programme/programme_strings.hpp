// The words of the programme views — setup (F2), project log (G), "since last time" (Shift+G) —
// translated in i18n/strings.json, and how a gathering and a date are written.
// Plain data and string functions; must not depend on ImGui, GLFW or the workshop state.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "core/carry_over.hpp"
#include "core/model.hpp"
#include "core/phrase.hpp"

namespace samling {

struct ProgrammeStrings {
    const char* gathering;               // "Samling", a heading
    const char* gathering_number;        // "Samling {n}" in "Samling 2 · 20. jan."
    std::array<const char*, 12> months;  // short month names as written after a day
    const char* day_month;               // "{day}. {month}" (nb, nn) or "{day} {month}" (en)
    // Setup (F2)
    const char* setup_title;
    const char* programme;
    const char* programme_hint;
    const char* gatherings;
    const char* title_hint;
    const char* date_hint;
    const char* add_gathering;
    const char* open;     // the button that opens a gathering
    const char* is_open;  // the open gathering's mark
    const char* groups;
    const char* paste_hint;
    const char* add_groups;
    const char* added;          // "Lagt til: {n}"
    const char* nothing_added;  // a paste that added no group
    const char* not_added;      // "Ikke lagt til: {n}"
    const char* row;            // "Rad {row} «{text}»: {why}"
    // Why a pasted row was not added (setup_model.hpp's PasteRefusal, in its order)
    const char* refused_exists;
    const char* refused_repeated;
    const char* refused_no_name;
    const char* refused_name_too_long;
    const char* refused_services_too_long;
    const char* refused_project_too_long;
    const char* refused_columns;
    const char* refused_text;
    // Housekeeping: the room, archiving, deleting, participants
    const char* room;                         // heading over the room's name and language
    const char* room_hint;                    // the room's name field, empty: named after the programme
    const char* room_language;                // "Språk på telefonene og i eksportene"
    const char* change;                       // "Endring": the pulses across gatherings at the top of the project log
    const char* pulse_n;                      // "n = {n}"
    const char* pulse_too_few;                // "for få svar"
    const char* pulse_threshold;              // "Puls vises når minst {n} har svart (aldri under 3)"
    std::array<const char*, 4> status_names;  // a measure's status (MeasureStatus, in its order)
    const char* measures;                     // "Tiltak": each measure's trail in the project log
    const char* measure_set;                  // "satt {gathering}": where the measure was set
    const char* measure_no_status;            // a measure no status round has reported on yet
    const char* indicators;                   // "Indikatorer": each indicator's figures
    const char* indicator_baseline;           // "Utgangspunkt", a bar of an indicator
    const char* indicator_target;             // "Mål", a bar of an indicator
    std::array<const char*, 3> languages;     // nb, nn, en, each in its own words
    const char* archive;
    const char* restore;  // an archived group or gathering comes back
    const char* remove;   // "Slett" a group or gathering
    const char* archived;
    const char* confirm_delete;  // "Slette «{name}»?"
    const char* confirm_remove;  // "Fjerne {name} fra rommet?"
    const char* confirm_keys;    // "Enter = ja, Esc = nei"
    const char* yes;
    const char* no;
    const char* group_has_notes;     // why a group cannot be deleted: "«{name}» har skrevet lapper …"
    const char* gathering_has_runs;  // why a gathering cannot be deleted: "«{name}» har hatt øvelser …"
    const char* anonymous;           // a participant without a name
    const char* present;             // seen in the last few minutes
    const char* away;                // not seen for a while
    const char* move_to;             // "Flytt til …"
    const char* remove_participant;  // "Fjern"
    const char* no_participants;
    const char* name_hint;
    const char* services_hint;
    const char* project_hint;
    const char* agenda;      // "Agenda for Samling 2"
    const char* agenda_for;  // "Agenda for {gathering}"
    const char* no_open_gathering;
    const char* empty_agenda;
    const char* catalogue;
    const char* setup_hint;
    const char* show_since;  // the button that opens "since last time"
    // Conclude
    const char* save_to_log;     // the conclusion panel's button
    const char* saved_to_log;    // "Lagret i prosjektloggen for {group}"
    const char* picture_failed;  // "Bildet av tavla ble ikke lagret: {why}"
    // Project log (G)
    const char* log_title;
    const char* log_empty;
    const char* no_gathering;  // runs concluded while no gathering was open
    const char* concluded;     // "Lagret {date}"
    const char* top_notes;
    const char* log_hint;
    const char* no_group;
    // Since last time (Shift+G)
    const char* since_title;
    const char* since_nothing;   // a group with nothing in its log yet, said kindly
    const char* since_measures;  // heading over measures with owner and date
    const char* since_hint;
    const char* since_page;  // "Side {page} av {pages}"
    // Export (X)
    const char* export_button;  // the project log's button (X)
    const char* exported_to;    // "Eksportert til {folder}"
    const char* export_failed;  // "Eksporten feilet: {why}"
    const char* exporting;      // "Eksporterer {format}: {n} av {m} grupper …"
    // Board pictures caught up after the window opens on runs concluded without it
    const char* pictures_caught_up;  // "{n} tavlebilder fra før lagt i prosjektloggen"
    const char* pictures_not_saved;  // "{n} kunne ikke lagres: {why}"
    // The programme picker (F2 on the setup screen)
    const char* picker_title;
    const char* picker_keys;
    const char* picker_single;  // a session with one programme only (--data-dir, --demo)
    const char* picker_name;    // column headings
    const char* picker_gatherings;
    const char* picker_last_used;
    const char* picker_never;  // never opened
    const char* picker_open;
    const char* picker_is_open;
    const char* picker_rename;
    const char* picker_archive;
    const char* picker_unarchive;
    const char* picker_delete;
    const char* picker_show_archived;  // "Vis arkiverte ({n})"
    const char* picker_new_hint;
    const char* picker_create;
    const char* picker_delete_question;  // "Slette «{name}» for godt …?"
    const char* picker_deleted;          // "«{name}» er slettet …"
    const char* picker_opening;          // "Åpner «{name}» …"
    const char* picker_name_taken;
    const char* picker_name_empty;
    const char* picker_failed;    // "Det gikk ikke: {why}"
    const char* first_programme;  // the name of the first programme on a laptop
};

// The texts are translated in i18n/strings.json; the build generates fill_strings from it.
const ProgrammeStrings& programme_strings(Language lang);
void fill_strings(ProgrammeStrings& s, Language lang);

// "20. jan." from "2026-01-20" ("20 Jan" in English); the text itself when it is not a date.
std::string short_date(const ProgrammeStrings& s, std::string_view iso_date);

// A note's field values on one line, dates written short: "Per Ek · 15. mars".
std::string field_values_line(const NoteFieldValues& fields, const ProgrammeStrings& s);

// The date of a timestamp in the local time zone, as short_date writes it.
std::string short_date(const ProgrammeStrings& s, Timestamp at);

// "Eksporterer HTML: 12 av 27 grupper …" while X's export runs.
std::string export_progress(const ProgrammeStrings& s, std::string_view format, int done, int total);

// "1080 tavlebilder fra før lagt i prosjektloggen" (and how many could not be saved, and why).
std::string pictures_summary(const ProgrammeStrings& s, int pictured, int failed, const std::string& error);

// "Samling 2 · 20. jan." (no date part while the date is not set).
std::string gathering_label(const ProgrammeStrings& s, const Gathering& g);

}  // namespace samling
