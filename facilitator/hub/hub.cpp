// Group commit: one writer thread turns every waiting command into one transaction, so a
// room of phones writing at once costs one fsync per batch, not one per note.
#include "hub/hub.hpp"

#include <algorithm>
#include <chrono>
#include <exception>
#include <optional>
#include <string>
#include <utility>

#include "store/store.hpp"

namespace samling {
namespace {

constexpr std::size_t max_batch = 512;

Timestamp system_now() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace

Hub::Hub(Store& store, Workshop initial, Clock clock)
    : store_(store),
      clock_(clock ? std::move(clock) : Clock(system_now)),
      state_(std::make_shared<const Workshop>(std::move(initial))),
      writer_([this] { writer_loop(); }) {}

Hub::~Hub() {
    {
        std::lock_guard lock(queue_mu_);
        stopping_ = true;
    }
    queue_cv_.notify_all();
    writer_.join();
}

std::shared_ptr<const Workshop> Hub::snapshot() const {
    std::lock_guard lock(state_mu_);
    return state_;
}

void Hub::on_change(std::function<void()> listener) {
    std::lock_guard lock(queue_mu_);  // the writer reads listeners_ only while processing a batch
    listeners_.push_back(std::move(listener));
}

void Hub::on_note_purged(std::function<void(Id run)> listener) {
    std::lock_guard lock(queue_mu_);
    purge_listeners_.push_back(std::move(listener));
}

Result<Receipt> Hub::submit(Command command) {
    auto answer = std::make_shared<std::promise<Result<Receipt>>>();
    auto future = answer->get_future();
    post(std::move(command), [answer](Result<Receipt> r) { answer->set_value(std::move(r)); });
    return future.get();
}

void Hub::post(Command command, std::function<void(Result<Receipt>)> done) {
    {
        std::lock_guard lock(queue_mu_);
        if (!stopping_) {
            queue_.push_back(Pending{std::move(command), std::move(done)});
            queue_cv_.notify_one();
            return;
        }
    }
    done(make_error(Errc::storage_failed, "Samling is shutting down."));
}

std::shared_ptr<const Workshop> Hub::wait_for_change(Revision since, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(state_mu_);
    state_changed_.wait_for(lock, timeout, [&] { return state_->revision() != since; });
    return state_;
}

void Hub::writer_loop() {
    for (;;) {
        std::vector<Pending> batch;
        {
            std::unique_lock lock(queue_mu_);
            queue_cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stopping, and every caller has been answered
            while (!queue_.empty() && batch.size() < max_batch) {
                batch.push_back(std::move(queue_.front()));
                queue_.pop_front();
            }
        }
        // The writer's edge: whatever throws below (an at(), bad_alloc) fails the batch's unanswered
        // commands in words and the hub keeps serving. Thrown while deciding or writing (the
        // store rolls back), nothing of the batch reached the disk or the snapshot.
        try {
            process(batch);
        } catch (const std::exception& e) {
            fail_batch(batch, e.what());
        } catch (...) {
            fail_batch(batch, "an unknown exception");
        }
    }
}

void Hub::fail_batch(std::vector<Pending>& batch, const std::string& what) {
    const std::string why = "Samling could not handle a change (" + what + "); nothing of it was saved";
    {
        std::lock_guard lock(state_mu_);
        storage_trouble_ = why;
    }
    for (Pending& p : batch)
        if (p.answer) std::exchange(p.answer, nullptr)(make_error(Errc::storage_failed, why));
}

void Hub::seen(Id participant, Timestamp now) {
    std::lock_guard lock(presence_mu_);
    Timestamp& at = presence_.last_seen[participant];
    at = std::max(at, now);
}

void Hub::set_presence_window(Timestamp ms) {
    std::lock_guard lock(presence_mu_);
    presence_.window_ms = ms;
}

std::string Hub::storage_trouble() const {
    std::lock_guard lock(state_mu_);
    return storage_trouble_;
}

Presence Hub::presence() const {
    std::lock_guard lock(presence_mu_);
    return presence_;
}

std::string Hub::remote_pairing_offer(Timestamp now) {
    std::lock_guard lock(pairing_mu_);
    return pairing_.offer(now);
}

bool Hub::take_remote_pairing(std::string_view token, Timestamp now) {
    std::lock_guard lock(pairing_mu_);
    return pairing_.take(token, now);
}

void Hub::give_back_remote_pairing(std::string_view token) {
    std::lock_guard lock(pairing_mu_);
    pairing_.give_back(token);
}

namespace {

void remember(std::vector<std::vector<Change>>& history, std::vector<Change> back) {
    history.push_back(std::move(back));
    if (history.size() > undo_history_size) history.erase(history.begin());
}

Receipt receipt_of(const Decision& d) {
    Receipt r;
    r.subject = d.subject;
    r.created = d.created;
    return r;
}

}  // namespace

// Refused and repeated commands (a phone's retry) decide against the published snapshot
// itself; the copy is made only for the first command that changes something.
class Hub::Draft {
public:
    explicit Draft(std::shared_ptr<const Workshop> base) : base_(std::move(base)) {}
    const Workshop& view() const { return copy_ ? *copy_ : *base_; }
    Workshop& edit() {
        if (!copy_) copy_.emplace(*base_);
        return *copy_;
    }
    Workshop take() { return std::move(edit()); }

private:
    std::shared_ptr<const Workshop> base_;
    std::optional<Workshop> copy_;
};

Result<Receipt> Hub::take(Draft& next, const Command& command, Timestamp now, std::vector<Change>& changes,
                          History& history) {
    const auto apply_all = [&](const Decision& d) {
        for (const Change& c : d.changes) {
            next.edit().apply(c);
            changes.push_back(c);
        }
    };
    if (std::holds_alternative<cmd::UndoLast>(command)) {
        if (history.empty()) return make_error(Errc::nothing_to_undo, "Nothing to undo.");
        std::vector<Change> back = std::move(history.back());
        history.pop_back();  // even when it cannot be taken back: the next Ctrl+Z goes further
        if (back.empty()) return make_error(Errc::invalid_request, "That action cannot be undone.");
        auto decision = next.view().decide(cmd::Undo{std::move(back)}, now);
        if (!decision) return decision.error();
        apply_all(decision.value());
        return receipt_of(decision.value());
    }
    if (const auto* together = std::get_if<cmd::Together>(&command)) {
        Receipt r;
        History parts;  // each part's way back, joined into one entry: one action, one Ctrl+Z
        int done = 0;
        for (const Command& part : together->commands) {
            Result<Receipt> one =
                std::holds_alternative<cmd::UndoLast>(part) || is_participant_command(part) || is_outside_undo(part)
                    ? Result<Receipt>(make_error(Errc::invalid_request, "Not a facilitator action."))
                    : take(next, part, now, changes, parts);
            if (one) {
                ++done;
                r.refused += one->refused;
            } else {
                ++r.refused;
                if (!r.first_refusal) r.first_refusal = one.error();
            }
        }
        if (done == 0) return r.first_refusal ? *r.first_refusal : make_error(Errc::invalid_request, "Nothing to do.");
        std::vector<Change> back;
        bool undoable = true;
        for (auto it = parts.rbegin(); it != parts.rend(); ++it) {  // the last part is taken back first
            undoable = undoable && !it->empty();
            back.insert(back.end(), it->begin(), it->end());
        }
        const auto flags = [](const Command& part) { return std::holds_alternative<cmd::FlagPersonal>(part); };
        if (std::any_of(together->commands.begin(), together->commands.end(), flags)) history.clear();  // as below
        if (!parts.empty()) remember(history, undoable ? std::move(back) : std::vector<Change>{});
        r.subject = done;
        return r;
    }
    auto decision = next.view().decide(command, now);
    if (!decision) return decision.error();
    apply_all(decision.value());
    // A note flagged as personal data takes the whole history with it: earlier steps back may
    // hold its text (an edit's old words), and Ctrl+Z stops here, as the projector says.
    if (std::holds_alternative<cmd::FlagPersonal>(command) && !decision->changes.empty()) history.clear();
    // Every facilitator action that changed something is one step back; a phone's never is.
    // Remotes and messages to the room are no action to take back (commands.hpp).
    if (!decision->changes.empty() && !is_participant_command(command) && !is_outside_undo(command) &&
        !std::holds_alternative<cmd::Undo>(command))
        remember(history, std::move(decision->undo));
    return receipt_of(decision.value());
}

void Hub::process(std::vector<Pending>& batch) {
    const std::shared_ptr<const Workshop> current = snapshot();
    // Decide against a private draft: readers keep the old snapshot until the batch is on disk.
    Draft next(current);
    History history = history_;  // kept only if the batch commits
    std::vector<Change> changes;
    std::vector<std::optional<Result<Receipt>>> outcomes(batch.size());
    std::vector<bool> changed(batch.size(), false);

    for (std::size_t i = 0; i < batch.size(); ++i) {
        const std::size_t before = changes.size();
        outcomes[i] = take(next, batch[i].command, clock_(), changes, history);
        changed[i] = changes.size() > before;
    }

    std::shared_ptr<const Workshop> published = current;
    bool committed = true;
    if (!changes.empty()) {
        Workshop done = next.take();
        if (auto s = store_.commit(changes, done.revision()); s) {
            published = std::make_shared<const Workshop>(std::move(done));
            {
                std::lock_guard lock(state_mu_);
                state_ = published;
                storage_trouble_.clear();
            }
            state_changed_.notify_all();
        } else {
            committed = false;
            {
                std::lock_guard lock(state_mu_);
                storage_trouble_ = s.error().message;
            }
            for (std::size_t i = 0; i < batch.size(); ++i)
                if (changed[i]) outcomes[i] = s.error();
        }
    }
    if (committed) {
        history_ = std::move(history);
        undo_depth_ = history_.size();
    }

    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (outcomes[i]->ok()) outcomes[i]->value().state = published;
        std::exchange(batch[i].answer, nullptr)(std::move(*outcomes[i]));  // answered once, whatever follows
    }
    if (committed && !changes.empty()) {
        std::vector<std::function<void()>> listeners;
        std::vector<std::function<void(Id)>> purge_listeners;
        {
            std::lock_guard lock(queue_mu_);
            listeners = listeners_;
            purge_listeners = purge_listeners_;
        }
        for (const Change& c : changes)
            if (const auto* purged = std::get_if<change::NotePurged>(&c))
                if (const Note* n = current->note(purged->note))
                    for (auto& l : purge_listeners) l(n->run);
        for (auto& l : listeners) l();
    }
}

}  // namespace samling
