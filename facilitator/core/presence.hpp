// Who is in the room now: when each phone was last heard from. Head counts and "done" counts
// use it, so a phone that was closed, or left for another browser, stops counting after a few
// minutes. Not stored: after a restart every phone counts again once it polls (within a second).
// Plain data and queries; no threads (the hub guards it), ImGui, HTTP or SQLite.
#pragma once

#include <map>

#include "core/workshop.hpp"

namespace samling {

// A phone polls about once a second while its page is open; one that has been quiet this long
// is closed, locked or gone.
inline constexpr Timestamp presence_window_ms = Timestamp{3} * 60 * 1000;

struct Presence {
    std::map<Id, Timestamp> last_seen;  // participant -> the last authenticated call
    Timestamp window_ms = presence_window_ms;

    // The last time the participant was heard from: its last call, or when it joined.
    Timestamp seen_at(const Workshop& state, Id participant) const;
    bool present(const Workshop& state, Id participant, Timestamp now) const;
    // The group's participants heard from within the window (never a removed one).
    int present_in(const Workshop& state, Id group, Timestamp now) const;
    // Of those, how many said "done" in the run's current step.
    int done_present(const Workshop& state, const ExerciseRun& run, Timestamp now) const;
};

}  // namespace samling
