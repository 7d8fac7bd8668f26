// Presence: the last-seen times a hub keeps, read against a workshop snapshot.
#include "core/presence.hpp"

#include <algorithm>

namespace samling {

Timestamp Presence::seen_at(const Workshop& state, Id participant_id) const {
    const Participant* p = state.participant(participant_id);
    const auto it = last_seen.find(participant_id);
    const Timestamp polled = it == last_seen.end() ? 0 : it->second;
    return std::max(polled, p ? p->joined_at : 0);
}

bool Presence::present(const Workshop& state, Id participant_id, Timestamp now) const {
    const Participant* p = state.participant(participant_id);
    return p && !p->removed && now - seen_at(state, participant_id) <= window_ms;
}

int Presence::present_in(const Workshop& state, Id group, Timestamp now) const {
    int count = 0;
    for (const auto& [id, p] : state.participants())
        if (p.group == group && present(state, id, now)) ++count;
    return count;
}

int Presence::done_present(const Workshop& state, const ExerciseRun& run, Timestamp now) const {
    int count = 0;
    for (const auto& [id, p] : state.participants())
        if (p.group == run.group && present(state, id, now) && state.is_done(id, run)) ++count;
    return count;
}

}  // namespace samling
