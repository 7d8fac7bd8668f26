// Ranking a vote and telling when its totals may be shown (vote_results.hpp).
#include "core/vote_results.hpp"

#include <algorithm>

namespace samling {

std::vector<int> vote_ranks(const std::vector<int>& dots) {
    std::vector<int> ranks(dots.size(), 0);
    for (std::size_t i = 0; i < dots.size(); ++i) {
        if (dots[i] <= 0) continue;
        const auto above = std::count_if(dots.begin(), dots.end(), [&](int d) { return d > dots[i]; });
        if (above < marked_places) ranks[i] = static_cast<int>(above) + 1;
    }
    return ranks;
}

bool vote_is_over(const ExerciseDefinition& def, const ExerciseRun& run) {
    for (int i = 0; i < run.step && i < static_cast<int>(def.steps.size()); ++i)
        if (def.steps[static_cast<std::size_t>(i)].kind == StepKind::vote) return true;
    return false;
}

}  // namespace samling
