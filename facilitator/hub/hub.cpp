// Group commit: one writer thread turns every waiting command into one transaction, so a
// room of phones writing at once costs one fsync per batch, not one per note.
#include "hub/hub.hpp"

#include <chrono>
#include <optional>

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
        process(batch);
    }
}

void Hub::process(std::vector<Pending>& batch) {
    const std::shared_ptr<const Workshop> current = snapshot();
    // Decide against a private copy: readers keep the old snapshot until the batch is on disk.
    Workshop next = *current;
    std::vector<Change> changes;
    std::vector<std::optional<Result<Receipt>>> outcomes(batch.size());
    std::vector<bool> changed(batch.size(), false);

    for (std::size_t i = 0; i < batch.size(); ++i) {
        auto decision = next.decide(batch[i].command, clock_());
        if (!decision) {
            outcomes[i] = decision.error();
            continue;
        }
        for (const Change& c : decision->changes) {
            next.apply(c);
            changes.push_back(c);
        }
        changed[i] = !decision->changes.empty();
        outcomes[i] = Receipt{decision->subject, decision->created, nullptr, std::move(decision->undo)};
    }

    std::shared_ptr<const Workshop> published = current;
    bool committed = true;
    if (!changes.empty()) {
        if (auto s = store_.commit(changes, next.revision()); s) {
            published = std::make_shared<const Workshop>(std::move(next));
            {
                std::lock_guard lock(state_mu_);
                state_ = published;
            }
            state_changed_.notify_all();
        } else {
            committed = false;
            for (std::size_t i = 0; i < batch.size(); ++i)
                if (changed[i]) outcomes[i] = s.error();
        }
    }

    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (outcomes[i]->ok()) outcomes[i]->value().state = published;
        batch[i].answer(std::move(*outcomes[i]));
    }
    if (committed && !changes.empty()) {
        std::vector<std::function<void()>> listeners;
        {
            std::lock_guard lock(queue_mu_);
            listeners = listeners_;
        }
        for (auto& l : listeners) l();
    }
}

}  // namespace samling
