// The X key's export and its worker thread. No ImGui, GLFW or hub.
#include "ui/programme/export_action.hpp"

#include <filesystem>

#include "export/export_writer.hpp"
#include "export/table_cards.hpp"

namespace samling {

ExportOutcome export_all_groups(const Workshop& state, const std::string& data_dir, Language lang, Timestamp now,
                                const std::function<void(ExportProgress)>& progress, const std::string& host_port) {
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
        const char* name = format == ExportRequest::html ? "HTML" : "CSV";
        if (progress) request.progress = [&](int done, int total) { progress({name, done, total}); };
        if (Status s = export_logs(state, request); !s) {
            outcome.ok = false;
            outcome.error = s.error().message;
            return outcome;
        }
    }
    if (!host_port.empty() && state.room() && !state.groups().empty()) {
        const auto cards = write_table_cards(state, {root / "exports" / "bordkort", host_port, {}, lang, {}});
        if (!cards) {
            outcome.ok = false;
            outcome.error = cards.error().message;
        }
    }
    return outcome;
}

ExportRunner::~ExportRunner() {
    if (worker_.joinable()) worker_.join();
}

bool ExportRunner::start(std::shared_ptr<const Workshop> state, std::string data_dir, Language lang, Timestamp now,
                         std::function<void()> changed, std::string host_port) {
    if (running_) return false;
    if (worker_.joinable()) worker_.join();  // the last one has finished: reap it
    {
        std::lock_guard lock(mu_);
        progress_ = {"HTML", 0, static_cast<int>(state->groups().size())};
    }
    running_ = true;
    worker_ = std::thread([this, state = std::move(state), data_dir = std::move(data_dir), lang, now,
                           changed = std::move(changed), host_port = std::move(host_port)] {
        const auto on_progress = [&](ExportProgress p) {
            {
                std::lock_guard lock(mu_);
                progress_ = p;
            }
            if (changed) changed();
        };
        ExportOutcome outcome = export_all_groups(*state, data_dir, lang, now, on_progress, host_port);
        {
            std::lock_guard lock(mu_);  // with the outcome: no progress is read after it
            outcome_ = std::move(outcome);
            running_ = false;
        }
        if (changed) changed();
    });
    return true;
}

std::optional<ExportProgress> ExportRunner::progress() const {
    std::lock_guard lock(mu_);
    if (!running_) return std::nullopt;
    return progress_;
}

std::optional<ExportOutcome> ExportRunner::take() {
    std::lock_guard lock(mu_);
    std::optional<ExportOutcome> out;
    out.swap(outcome_);
    return out;
}

}  // namespace samling
