// Which notes won the vote, and whether the projector may say so yet: never while a vote with
// hidden totals runs, only once a vote step has been passed (or runs with open totals).
// Pure over a Workshop snapshot; no ImGui, GLFW or hub.
#pragma once

#include <vector>

#include "core/workshop.hpp"

namespace samling {

bool vote_results_visible(const Workshop& state, const ExerciseRun& run);

// The run's notes with at least one dot, most dots first (older first on a tie), at most `n`.
std::vector<const Note*> top_voted(const Workshop& state, const ExerciseRun& run, std::size_t n);

}  // namespace samling
