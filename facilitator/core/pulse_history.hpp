// A group's pulses as everyone shows them: one run's result with the room's threshold, and each
// instrument's results across gatherings. Every figure comes from summarise_pulse, so nothing
// read here holds a single answer or a result below the threshold. Core: no I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/pulse.hpp"
#include "core/workshop.hpp"

namespace samling {

// The run's pulse step, if its exercise has one with an installed instrument, else nullptr.
const Step* pulse_step_of(const Workshop& w, const ExerciseRun& run);
// Its index among the exercise's steps (-1: none).
int pulse_step_index(const Workshop& w, const ExerciseRun& run);

// Whether a run's answers are in: it has gone past its pulse step, or was concluded. Before
// that, nobody sees figures — a result that moves as people answer tells who answered what.
bool pulse_closed(const Workshop& w, const ExerciseRun& run);

// The run's result with the room's threshold; nothing when the run has no pulse or it is open.
std::optional<PulseResult> pulse_result_of(const Workshop& w, const ExerciseRun& run);

struct PulsePoint {
    Id run = 0;
    Id gathering = 0;  // 0: run while no gathering was open
    int gathering_number = 0;
    std::string gathering_title, gathering_date;
    PulseResult result;
};

// One instrument asked of one group, at each gathering it was asked in (oldest first).
struct PulseSeries {
    Instrument instrument;  // a copy: the series outlives the snapshot it was read from
    std::vector<PulsePoint> points;
};

// The group's closed pulses, one series per instrument in the order first asked.
std::vector<PulseSeries> pulse_history(const Workshop& w, Id group);

}  // namespace samling
