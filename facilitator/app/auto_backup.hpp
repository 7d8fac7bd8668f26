// The automatic backups: one when a gathering is opened (the programme as the day begins), one
// at a clean exit. Written on a thread of its own, so neither the hub's writer nor the
// projector ever waits on a copy of the file.
#pragma once

#include <filesystem>
#include <memory>
#include <thread>

namespace samling {

class Hub;

class AutoBackup {
public:
    AutoBackup(Hub& hub, std::filesystem::path data_dir);
    ~AutoBackup();  // finishes the backups asked for, then stops
    AutoBackup(const AutoBackup&) = delete;
    AutoBackup& operator=(const AutoBackup&) = delete;

    // The exit backup, written before this returns.
    void at_exit();

    struct Queue;  // shared with the hub's listener, which may outlive this object

private:
    std::shared_ptr<Queue> queue_;
    std::thread thread_;
};

}  // namespace samling
