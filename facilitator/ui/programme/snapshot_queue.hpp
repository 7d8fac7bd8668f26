// Which concluded runs still need a picture of their board in the project log, whoever
// concluded them (a key, the control surface, an earlier run without a window), and when the
// loop takes each. Pure apart from asking whether a file exists; must not depend on ImGui,
// GLFW, OpenGL or the hub.
#pragma once

#include <deque>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/workshop.hpp"

namespace samling {

// Concluded runs that have no picture under `data_dir` yet and are not in `attempted`, oldest
// conclusion first; also runs their group has since moved on from (the picture draws the run's
// own board). Empty when `data_dir` is empty.
std::vector<Id> runs_to_picture(const Workshop& state, const std::string& data_dir, const std::set<Id>& attempted);

// A run concluded while the window is open is pictured at once and toasted; those concluded
// before (a store of 1,080 runs concluded with no window) are caught up quietly, one every
// `catch_up_ms`, only in a moment the room needs no frame, with one summary at the end.
// Each run is tried once per process, so a write that keeps failing never loops.
class PictureQueue {
public:
    static constexpr Timestamp catch_up_ms = 250;
    // A catch-up picture waits for a moment the room needs no frame, at most this long.
    static constexpr Timestamp starved_ms = 2000;

    explicit PictureQueue(std::string data_dir) : data_dir_(std::move(data_dir)) {}

    // After a new revision: only runs not seen concluded before are looked at on disk.
    void look(const Workshop& state);
    // The run to picture in this loop iteration, or 0. `room_idle`: the room needs no frame now.
    Id next(Timestamp now, bool room_idle);
    // Whether `run`'s picture is a catch-up (no toast of its own).
    bool quiet(Id run) const { return catching_up_.count(run) > 0; }
    // The loop wrote (or failed to write) a catch-up picture.
    void caught_up(Id run, const std::string& error);
    // When the next catch-up picture is due (0: none waiting), for the loop's sleep.
    Timestamp due_at() const { return behind_.empty() ? 0 : last_catch_up_ + catch_up_ms; }

    struct Summary {
        int pictured = 0, failed = 0;
        std::string error;  // the last failure's reason
    };
    // Once, when the catch-up has finished: what it did (nothing when there was nothing to do).
    std::optional<Summary> take_summary();

private:
    std::string data_dir_;
    bool looked_ = false;
    std::set<Id> seen_;         // concluded runs already considered
    std::deque<Id> fresh_;      // concluded while the window is open: pictured at once
    std::deque<Id> behind_;     // concluded before: caught up quietly
    std::set<Id> catching_up_;  // behind_ and the one being pictured
    Timestamp last_catch_up_ = 0;
    Timestamp busy_since_ = 0;  // a catch-up has waited for the room since then (0: not waiting)
    Summary summary_;
    bool summary_due_ = false;
};

}  // namespace samling
