// What a run brings along from its group's earlier work: the items its exercise's "context"
// names (e.g. goals and measures starts from the chosen root causes; an evaluation lists the
// measures). The one place that decides what carries over, for the projector and the phones.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/workshop.hpp"

namespace samling {

struct CarriedNote {
    const Note* note = nullptr;
    // The note's non-empty structured fields, in the order its exercise defines them.
    std::vector<std::pair<const NoteFieldDefinition*, std::string>> fields;
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

}  // namespace samling
