// Vote results for the overview tiles and the conclusion panel's quick picks.
#include "ui/board/vote_results.hpp"

#include <algorithm>

#include "core/vote_results.hpp"

namespace samling {

bool vote_results_visible(const Workshop& state, const ExerciseRun& run) {
    const ExerciseDefinition* def = state.definition(run);
    const Step* step = state.current_step(run);
    if (!def || !step) return false;
    if (step->kind == StepKind::vote) return !step->hide_totals;
    return vote_is_over(*def, run);
}

std::vector<const Note*> top_voted(const Workshop& state, const ExerciseRun& run, std::size_t n) {
    std::vector<std::pair<int, const Note*>> voted;
    for (const Note* note : state.notes_of_run(run.id))
        if (const int dots = state.dots_on(note->id); dots > 0) voted.emplace_back(dots, note);
    std::stable_sort(voted.begin(), voted.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<const Note*> out;
    for (std::size_t i = 0; i < voted.size() && i < n; ++i) out.push_back(voted[i].second);
    return out;
}

}  // namespace samling
