// What a group carries from its earlier work: into a run, the items its exercise's "context"
// names (goals and measures starts from the chosen root causes; an evaluation lists the
// measures), and into a new gathering, what its exercises mark "recap" ("since last time").
// The one place that decides what carries over, for the projector, the phones and the reports.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/workshop.hpp"

namespace samling {

// A note's non-empty structured fields, in the order its exercise defines them (a field that
// two steps both ask for, once).
using NoteFieldValues = std::vector<std::pair<const NoteFieldDefinition*, std::string>>;
NoteFieldValues note_field_values(const ExerciseDefinition& def, const Note& n);

struct CarriedNote {
    const Note* note = nullptr;
    NoteFieldValues fields;
};

struct CarriedItem {
    const ContextSource* source = nullptr;  // its label; owned by the run's exercise definition
    Id run = 0;                             // the earlier run it comes from
    std::string text;                       // a conclusion field's value
    std::vector<CarriedNote> notes;         // a zone's notes, oldest first
};

// The context of `run`'s exercise, filled from the group's runs older than `run`: a field
// from the newest run where it is set, a zone from the newest run with a revealed note in it
// (concluded runs first: an abandoned attempt does not hide the one the group finished).
// Items with nothing to show are left out.
std::vector<CarriedItem> carried_into(const Workshop& w, const ExerciseRun& run);

struct RecapItem {
    const ExerciseDefinition* exercise = nullptr;
    const LocalText* label = nullptr;  // the conclusion field's or the zone's
    Id run = 0;                        // the concluded run it comes from
    std::string text;                  // a conclusion field's value
    std::vector<CarriedNote> notes;    // a zone's notes, oldest first
};

// "Since last time": the conclusion fields and zones marked "recap" of every exercise the group
// has concluded, each from the newest concluded run that has it; exercises in the order the
// group last concluded them, fields before zones as the file lists them. Empty items are left out.
std::vector<RecapItem> recap_of(const Workshop& w, Id group);

}  // namespace samling
