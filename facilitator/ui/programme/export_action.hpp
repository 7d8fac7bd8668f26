// X: every leader group's project log exported as HTML and CSV into <data_dir>/exports/, in
// one key press. The export reads an immutable snapshot on a worker thread, so the frame loop
// never waits on the disk; the answer comes back once, for the toast. Depends on
// facilitator/export (the samling_export target) and core; never on ImGui, GLFW or the hub.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/workshop.hpp"

namespace samling {

struct ExportOutcome {
    bool ok = true;
    std::string folder;  // where the files went
    std::string error;   // when not ok
};

// Runs export_logs for every group, HTML then CSV, into `<data_dir>/exports`; pictures from
// `<data_dir>/snapshots`. Blocks: call it off the UI thread.
ExportOutcome export_all_groups(const Workshop& state, const std::string& data_dir, Language lang, Timestamp now);

// One export at a time, on its own thread.
class ExportRunner {
public:
    ExportRunner() = default;
    ~ExportRunner();  // waits for a running export to finish
    ExportRunner(const ExportRunner&) = delete;
    ExportRunner& operator=(const ExportRunner&) = delete;

    // False (and nothing starts) while an export is still running. `finished` runs on the
    // worker when it is done (to wake the frame loop).
    bool start(std::shared_ptr<const Workshop> state, std::string data_dir, Language lang, Timestamp now,
               std::function<void()> finished);
    // The finished export's outcome, once.
    std::optional<ExportOutcome> take();

private:
    std::thread worker_;
    std::atomic<bool> running_{false};
    std::mutex mu_;
    std::optional<ExportOutcome> outcome_;
};

}  // namespace samling
