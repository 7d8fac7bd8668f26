// The runs whose board picture is missing. Must not depend on ImGui, GLFW, OpenGL or the hub.
#include "ui/programme/snapshot_queue.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "ui/programme/log_model.hpp"

namespace samling {

std::vector<Id> runs_to_picture(const Workshop& state, const std::string& data_dir, const std::set<Id>& attempted) {
    if (data_dir.empty()) return {};
    std::vector<const ExerciseRun*> due;
    for (const auto& [id, run] : state.runs()) {
        if (run.concluded_at == 0 || attempted.count(id)) continue;
        // An unreadable folder counts as missing: the write will then say why.
        std::error_code ec;
        if (std::filesystem::exists(snapshot_path(data_dir, id), ec)) continue;
        due.push_back(&run);
    }
    std::stable_sort(due.begin(), due.end(),
                     [](const ExerciseRun* a, const ExerciseRun* b) { return a->concluded_at < b->concluded_at; });
    std::vector<Id> ids;
    ids.reserve(due.size());
    for (const ExerciseRun* run : due) ids.push_back(run->id);
    return ids;
}

}  // namespace samling
