#include "core/measures.hpp"

#include "core/text.hpp"

namespace samling {

std::string_view to_string(MeasureStatus status) {
    switch (status) {
        case MeasureStatus::not_started:
            return "not_started";
        case MeasureStatus::started:
            return "started";
        case MeasureStatus::done:
            return "done";
        case MeasureStatus::stopped:
            return "stopped";
    }
    return "not_started";
}

std::optional<MeasureStatus> parse_measure_status(std::string_view s) {
    for (MeasureStatus m :
         {MeasureStatus::not_started, MeasureStatus::started, MeasureStatus::done, MeasureStatus::stopped})
        if (to_string(m) == s) return m;
    return std::nullopt;
}

std::vector<OpenMeasure> open_measures(const Workshop& w, const ExerciseRun& run, const Step& step) {
    std::vector<OpenMeasure> out;
    for (const ExerciseRun* from : w.project_log(run.group)) {
        if (from->id >= run.id || from->exercise != step.measures_exercise) continue;
        const ExerciseDefinition* def = w.definition(*from);
        for (const Note* n : w.notes_of_run(from->id)) {
            if (n->zone != step.measures_zone || !n->revealed) continue;
            OpenMeasure m{n, from->id, def ? note_field_values(*def, *n) : NoteFieldValues{}, nullptr, nullptr};
            // Earlier rounds of this group, oldest first: the newest report is the one that counts.
            for (const auto& [key, report] : w.measure_reports()) {
                if (key.second != n->id) continue;
                if (key.first == run.id)
                    m.report = &report;
                else if (key.first < run.id && (!m.last || report.at >= m.last->at))
                    m.last = &report;
            }
            if (m.last && closes_measure(m.last->status)) continue;
            out.push_back(std::move(m));
        }
    }
    return out;
}

bool owned_by(const OpenMeasure& m, std::string_view participant_name) {
    if (text::trim(participant_name).empty()) return false;
    for (const auto& [field, value] : m.fields)
        if (field->id == "owner") return text::same_name(text::trim(value), text::trim(participant_name));
    return false;
}

}  // namespace samling
