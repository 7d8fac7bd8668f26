// The X key's export and its worker thread. No ImGui, GLFW or hub.
#include "ui/programme/export_action.hpp"

#include <filesystem>

#include "export/export_writer.hpp"

namespace samling {

ExportOutcome export_all_groups(const Workshop& state, const std::string& data_dir, Language lang, Timestamp now) {
    const std::filesystem::path root(data_dir);
    ExportOutcome outcome;
    outcome.folder = (root / "exports").string();
    if (data_dir.empty()) {
        outcome.ok = false;
        outcome.error = "no data folder";
        return outcome;
    }
    for (const auto format : {ExportRequest::html, ExportRequest::csv}) {
        ExportRequest request;
        request.format = format;
        request.out = root / "exports";
        request.snapshots_dir = root / "snapshots";
        request.language = lang;
        request.now = now;
        if (Status s = export_logs(state, request); !s) {
            outcome.ok = false;
            outcome.error = s.error().message;
            return outcome;
        }
    }
    return outcome;
}

ExportRunner::~ExportRunner() {
    if (worker_.joinable()) worker_.join();
}

bool ExportRunner::start(std::shared_ptr<const Workshop> state, std::string data_dir, Language lang, Timestamp now,
                         std::function<void()> finished) {
    if (running_) return false;
    if (worker_.joinable()) worker_.join();  // the last one has finished: reap it
    running_ = true;
    worker_ = std::thread(
        [this, state = std::move(state), data_dir = std::move(data_dir), lang, now, finished = std::move(finished)] {
            ExportOutcome outcome = export_all_groups(*state, data_dir, lang, now);
            {
                std::lock_guard lock(mu_);
                outcome_ = std::move(outcome);
            }
            running_ = false;
            if (finished) finished();
        });
    return true;
}

std::optional<ExportOutcome> ExportRunner::take() {
    std::lock_guard lock(mu_);
    std::optional<ExportOutcome> out;
    out.swap(outcome_);
    return out;
}

}  // namespace samling
