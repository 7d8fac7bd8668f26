// The status round: which measures (tiltak) come back to a group, and where each stands. A
// measure is a note in the zone a status step names ("measures" of goals and measures) of one
// of the group's concluded runs; it comes back in every status round until one reports it
// done or stopped.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/carry_over.hpp"
#include "core/workshop.hpp"

namespace samling {

std::string_view to_string(MeasureStatus status);
std::optional<MeasureStatus> parse_measure_status(std::string_view s);
inline bool closes_measure(MeasureStatus s) {
    return s == MeasureStatus::done || s == MeasureStatus::stopped;
}

struct OpenMeasure {
    const Note* note = nullptr;
    Id from = 0;                            // the run it was planned in
    NoteFieldValues fields;                 // owner, start date, indicator...
    const MeasureReport* last = nullptr;    // its newest status in an earlier round, if any
    const MeasureReport* report = nullptr;  // its status in this round, if given
};

// The measures `run` (a status round, `step` one of its status steps) asks about, oldest
// first: those of the group's concluded runs of the step's exercise older than `run` that no
// earlier round closed. One closed in this round stays, so its status can still be changed.
std::vector<OpenMeasure> open_measures(const Workshop& w, const ExerciseRun& run, const Step& step);

// A measure's owner field names the participant (case and Unicode forms aside).
bool owned_by(const OpenMeasure& m, std::string_view participant_name);

}  // namespace samling
