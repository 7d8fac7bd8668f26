// X: every leader group's project log exported as HTML and CSV into <data_dir>/exports/, and
// the table cards to print into <data_dir>/exports/bordkort/, in one key press. The export reads an immutable snapshot
// on a worker thread, so the frame loop never waits on the disk; it polls the progress ("HTML: 12 of 27 groups") and
// the answer comes back once, for the toast. Depends on facilitator/export (the samling_export target) and core; never
// on ImGui, GLFW or the hub.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "core/workshop.hpp"

namespace samling {

struct ExportOutcome {
    bool ok = true;
    std::string folder;  // where the files went
    std::string error;   // when not ok
};

// How far a running export has come: the format being written ("HTML", "CSV") and its groups.
struct ExportProgress {
    std::string_view format;  // "HTML" or "CSV"
    int done = 0, total = 0;
    bool operator==(const ExportProgress&) const = default;
};

// Runs export_logs for every group, HTML then CSV, into `<data_dir>/exports`; pictures from
// `<data_dir>/snapshots`; then, given the address phones reach (`host_port`, "HOST:PORT"), a
// table card per group into `<data_dir>/exports/bordkort`. Blocks: call it off the UI thread.
// `progress` (may be empty) hears of each group rendered.
ExportOutcome export_all_groups(const Workshop& state, const std::string& data_dir, Language lang, Timestamp now,
                                const std::function<void(ExportProgress)>& progress = {},
                                const std::string& host_port = {});

// One export at a time, on its own thread.
class ExportRunner {
public:
    ExportRunner() = default;
    ~ExportRunner();  // waits for a running export to finish
    ExportRunner(const ExportRunner&) = delete;
    ExportRunner& operator=(const ExportRunner&) = delete;

    // False (and nothing starts) while an export is still running. `changed` runs on the
    // worker after each group and when it is done (to wake the frame loop).
    bool start(std::shared_ptr<const Workshop> state, std::string data_dir, Language lang, Timestamp now,
               std::function<void()> changed, std::string host_port = {});
    // The running export's progress; nullopt when none is running.
    std::optional<ExportProgress> progress() const;
    // The finished export's outcome, once.
    std::optional<ExportOutcome> take();

private:
    std::thread worker_;
    std::atomic<bool> running_{false};
    mutable std::mutex mu_;
    std::optional<ExportOutcome> outcome_;
    ExportProgress progress_;
};

}  // namespace samling
