// A gathering opened is seen on the hub's change listener (the writer's thread: read the
// snapshot, queue, return); the copy itself happens on this class's own thread.
#include "app/auto_backup.hpp"

#include <condition_variable>
#include <deque>
#include <iostream>
#include <mutex>
#include <string>

#include "hub/hub.hpp"
#include "store/backup.hpp"

namespace samling {

struct AutoBackup::Queue {
    std::filesystem::path data_dir;
    std::mutex mu;
    std::condition_variable cv;
    std::deque<std::string> asked;
    Id open_gathering = 0;
    bool stopping = false;

    void write(const std::string& reason) const {
        if (auto made = backup_automatically(data_dir, reason); !made)
            std::cerr << "samling: the automatic backup failed: " << made.error().message << std::endl;
    }
};

AutoBackup::AutoBackup(Hub& hub, std::filesystem::path data_dir) : queue_(std::make_shared<Queue>()) {
    queue_->data_dir = std::move(data_dir);
    if (const Gathering* g = hub.snapshot()->open_gathering()) queue_->open_gathering = g->id;
    hub.on_change([q = queue_, &hub] {
        const auto state = hub.snapshot();
        const Gathering* g = state->open_gathering();
        std::lock_guard lock(q->mu);
        if ((g ? g->id : 0) == q->open_gathering) return;
        q->open_gathering = g ? g->id : 0;
        if (g && !q->stopping) {
            q->asked.push_back("gathering-" + std::to_string(g->number));
            q->cv.notify_one();
        }
    });
    thread_ = std::thread([q = queue_] {
        for (;;) {
            std::string reason;
            {
                std::unique_lock lock(q->mu);
                q->cv.wait(lock, [&] { return q->stopping || !q->asked.empty(); });
                if (q->asked.empty()) return;
                reason = std::move(q->asked.front());
                q->asked.pop_front();
            }
            q->write(reason);
        }
    });
}

AutoBackup::~AutoBackup() {
    {
        std::lock_guard lock(queue_->mu);
        queue_->stopping = true;
    }
    queue_->cv.notify_one();
    thread_.join();
}

void AutoBackup::at_exit() {
    queue_->write("exit");
}

}  // namespace samling
