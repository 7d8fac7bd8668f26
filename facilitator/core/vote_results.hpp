// The one rule for a vote's results, shared by the projector's board and the phones: which
// notes are "top" (ranked 1–3, competition ranking), and whether a run's vote is over.
// Pure over the core's types; no ImGui, HTTP or SQLite.
#pragma once

#include <vector>

#include "core/exercise.hpp"
#include "core/model.hpp"

namespace samling {

// How many places a vote marks: the projector's #1 … #3 and the phones' "top".
inline constexpr int marked_places = 3;

// For each total in `dots`, its competition rank (1, 2, 2, 4 …) among the totals with at least
// one dot, or 0 when it has none or ranks below `marked_places`.
std::vector<int> vote_ranks(const std::vector<int>& dots);

// Whether a vote step of the run lies behind its current step: from then on its totals are
// no secret, to the projector and to the phones alike.
bool vote_is_over(const ExerciseDefinition& def, const ExerciseRun& run);

}  // namespace samling
