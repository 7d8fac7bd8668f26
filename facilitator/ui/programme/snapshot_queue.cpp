// The runs whose board picture is missing, and the pace of catching them up. Must not depend
// on ImGui, GLFW, OpenGL or the hub.
#include "ui/programme/snapshot_queue.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "ui/programme/log_model.hpp"

namespace samling {

namespace {

bool has_picture(const std::string& data_dir, Id run) {
    // An unreadable folder counts as missing: the write will then say why.
    std::error_code ec;
    return std::filesystem::exists(snapshot_path(data_dir, run), ec);
}

}  // namespace

std::vector<Id> runs_to_picture(const Workshop& state, const std::string& data_dir, const std::set<Id>& attempted) {
    if (data_dir.empty()) return {};
    std::vector<const ExerciseRun*> due;
    for (const auto& [id, run] : state.runs()) {
        if (run.concluded_at == 0 || attempted.count(id)) continue;
        if (has_picture(data_dir, id)) continue;
        due.push_back(&run);
    }
    std::stable_sort(due.begin(), due.end(),
                     [](const ExerciseRun* a, const ExerciseRun* b) { return a->concluded_at < b->concluded_at; });
    std::vector<Id> ids;
    ids.reserve(due.size());
    for (const ExerciseRun* run : due) ids.push_back(run->id);
    return ids;
}

void PictureQueue::look(const Workshop& state) {
    if (data_dir_.empty()) return;
    if (!looked_) {
        // The window opens: everything concluded until now is caught up in the background.
        looked_ = true;
        for (Id run : runs_to_picture(state, data_dir_, {})) {
            behind_.push_back(run);
            catching_up_.insert(run);
        }
        for (const auto& [id, run] : state.runs())
            if (run.concluded_at != 0) seen_.insert(id);
        return;
    }
    // Later revisions: a walk of the runs' map without touching the disk; only a run newly
    // concluded is looked for on disk.
    std::vector<const ExerciseRun*> now_concluded;
    for (const auto& [id, run] : state.runs())
        if (run.concluded_at != 0 && seen_.insert(id).second && !has_picture(data_dir_, id))
            now_concluded.push_back(&run);
    std::stable_sort(now_concluded.begin(), now_concluded.end(),
                     [](const ExerciseRun* a, const ExerciseRun* b) { return a->concluded_at < b->concluded_at; });
    for (const ExerciseRun* run : now_concluded) fresh_.push_back(run->id);
}

Id PictureQueue::next(Timestamp now, bool room_idle) {
    if (!fresh_.empty()) {
        const Id run = fresh_.front();
        fresh_.pop_front();
        return run;
    }
    if (!room_idle) last_busy_ = now;
    if (behind_.empty()) return 0;
    if (now < last_catch_up_ + catch_up_ms) return 0;
    if (!room_idle || now - last_busy_ < settle_ms) {  // the room's frames first, for a while
        if (busy_since_ == 0) busy_since_ = now;
        if (now - busy_since_ < starved_ms) return 0;
    }
    busy_since_ = 0;
    last_catch_up_ = now;
    const Id run = behind_.front();
    behind_.pop_front();
    return run;
}

void PictureQueue::caught_up(Id run, const std::string& error) {
    if (!catching_up_.erase(run)) return;
    if (error.empty()) {
        ++summary_.pictured;
    } else {
        ++summary_.failed;
        summary_.error = error;
    }
    if (behind_.empty()) summary_due_ = true;
}

std::optional<PictureQueue::Summary> PictureQueue::take_summary() {
    if (!summary_due_) return std::nullopt;
    summary_due_ = false;
    Summary s = summary_;
    summary_ = {};
    return s;
}

}  // namespace samling
