// The one synchronisation point between the UI thread, the HTTP workers and the disk.
//
// Writers call submit(): the command joins a queue; a single writer thread takes every
// command waiting, decides each against a private copy of the state, commits the batch to
// the store in one transaction (one fsync: group commit), then publishes the new state as an
// immutable snapshot and answers every caller. Readers call snapshot() and never wait on the
// disk. The writer also keeps the facilitator's undo history (UndoLast, Together), and any
// thread may note that a phone was heard from (seen / presence). Depends on core and store;
// knows nothing of HTTP or ImGui.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/commands.hpp"
#include "core/presence.hpp"
#include "core/remote_pairing.hpp"
#include "core/result.hpp"
#include "core/workshop.hpp"

namespace samling {

class Store;

struct Receipt {
    Id subject = 0;
    bool created = true;
    std::shared_ptr<const Workshop> state;  // the state right after this command
    // A Together: how many of its commands were refused (the others stand), and why the first was.
    int refused = 0;
    std::optional<Error> first_refusal;
};

// How many facilitator actions Ctrl+Z can take back.
inline constexpr std::size_t undo_history_size = 100;

class Hub {
public:
    using Clock = std::function<Timestamp()>;

    Hub(Store& store, Workshop initial, Clock clock = {});
    ~Hub();  // finishes the queue, then stops the writer
    Hub(const Hub&) = delete;
    Hub& operator=(const Hub&) = delete;

    std::shared_ptr<const Workshop> snapshot() const;

    // Blocks until the command is durably committed, or refused. Safe from any thread.
    Result<Receipt> submit(Command command);

    // Queues the command and returns at once; `done` runs on the writer thread once it is
    // committed or refused. For the UI thread, which must never wait on the disk.
    void post(Command command, std::function<void(Result<Receipt>)> done);

    // Called on the writer thread after each published change (e.g. to wake the UI loop).
    // Register before other threads start submitting.
    void on_change(std::function<void()> listener);
    // Called on the writer thread, after the commit, with the run of each note deleted for good
    // (cmd::FlagPersonal): a board picture of that run may still show it. Register likewise.
    void on_note_purged(std::function<void(Id run)> listener);

    // Waits until the revision passes `since` or the timeout ends; returns the latest state.
    std::shared_ptr<const Workshop> wait_for_change(Revision since, std::chrono::milliseconds timeout) const;

    // A phone was heard from (every authenticated call). Cheap; never waits on the writer.
    void seen(Id participant, Timestamp now);
    Presence presence() const;               // a copy: who was heard from when
    void set_presence_window(Timestamp ms);  // how long a quiet phone still counts as in the room

    // The facilitator remote's pairing token (core/remote_pairing.hpp), for the control surface
    // and the projector's pairing panel to show, and for the pairing call to spend. In memory
    // only, like presence: never a command, never stored.
    std::string remote_pairing_offer(Timestamp now);
    bool take_remote_pairing(std::string_view token, Timestamp now);
    void give_back_remote_pairing(std::string_view token);

    // Why the last commit failed (the store's words: its path, SQLite's text), until one
    // succeeds; "" while all is well. For the facilitator's projector, never for a phone.
    std::string storage_trouble() const;

    // How many facilitator actions UndoLast can still take back (for the projector's hint).
    std::size_t undo_depth() const { return undo_depth_.load(); }

private:
    struct Pending {
        Command command;
        std::function<void(Result<Receipt>)> answer;  // empty once called
    };
    void fail_batch(std::vector<Pending>& batch, const std::string& what);

    // The facilitator's actions, newest last: each the changes that take it back. An empty
    // entry is an action that cannot be undone (a deleted group): Ctrl+Z stops there.
    using History = std::vector<std::vector<Change>>;

    void writer_loop();
    void process(std::vector<Pending>& batch);
    class Draft;  // the batch's state: the snapshot until something changes, then a copy
    // Decides one command against the draft and applies it there, adding its changes to
    // `changes` and its way back to `history`. Takes Together and UndoLast apart.
    Result<Receipt> take(Draft& next, const Command& command, Timestamp now, std::vector<Change>& changes,
                         History& history);

    Store& store_;
    Clock clock_;

    mutable std::mutex state_mu_;
    mutable std::condition_variable state_changed_;
    std::shared_ptr<const Workshop> state_;
    std::string storage_trouble_;  // guarded by state_mu_

    std::mutex queue_mu_;
    std::condition_variable queue_cv_;
    std::deque<Pending> queue_;
    bool stopping_ = false;

    std::vector<std::function<void()>> listeners_;
    std::vector<std::function<void(Id)>> purge_listeners_;
    History history_;  // the writer thread's alone
    std::atomic<std::size_t> undo_depth_{0};

    mutable std::mutex presence_mu_;
    Presence presence_;

    std::mutex pairing_mu_;
    RemotePairing pairing_;

    std::thread writer_;
};

}  // namespace samling
