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
    Id from = 0;                                // the run it was planned in
    NoteFieldValues fields;                     // owner, start date, indicator...
    const MeasureReport* last = nullptr;        // its newest status in an earlier round, if any
    const MeasureReport* report = nullptr;      // its status in this round, if given
    std::string indicator{};                    // the indicator field ("Slik vet vi at det virker"), trimmed
    const IndicatorFigures* figures = nullptr;  // its unit, baseline, target, if any given
    const IndicatorValue* value = nullptr;      // its value at this round's gathering, if given
};

// The measures `run` (a status round, `step` one of its status steps) asks about, oldest
// first: those of the group's concluded runs of the step's exercise older than `run` that no
// earlier round closed. One closed in this round stays, so its status can still be changed.
std::vector<OpenMeasure> open_measures(const Workshop& w, const ExerciseRun& run, const Step& step);

// Where a value of `note`'s indicator reported in `run` is kept: one value per measure per
// gathering, so another status round of the same gathering that has one holds it.
std::pair<Id, Id> indicator_value_key(const Workshop& w, const ExerciseRun& run, Id note);

// A figure as a person types it: "16,5" or "16.5", spaces between thousands, a minus or "−";
// nullopt for anything else. And as a person of `lang` reads it (16,5 in nb and nn).
std::optional<double> parse_figure(std::string_view typed);
std::string format_figure(double value, Language lang);
// "16 %", "3,5 dager": the figure with its unit after a space.
std::string figure_with_unit(double value, std::string_view unit, Language lang);

// A measure's owner field names the participant (case and Unicode forms aside).
bool owned_by(const OpenMeasure& m, std::string_view participant_name);

}  // namespace samling
