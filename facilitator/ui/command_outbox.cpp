// Posting the frame's commands and collecting the answers. Never blocks the UI thread: the
// only lock is held for a push or a swap.
#include "ui/command_outbox.hpp"

#include <utility>

namespace samling {

Outcome outcome_of(bool was_undo, Result<Receipt> answer) {
    Outcome o;
    o.was_undo = was_undo;
    o.ok = answer.ok();
    if (o.ok) o.undo = std::move(answer.value().undo);
    else o.error = answer.error();
    return o;
}

void OutcomeQueue::push(Outcome outcome) {
    std::lock_guard lock(mu_);
    items_.push_back(std::move(outcome));
}

std::vector<Outcome> OutcomeQueue::drain() {
    std::vector<Outcome> out;
    std::lock_guard lock(mu_);
    out.swap(items_);
    return out;
}

void post_all(const CommandPoster& post, std::vector<Command>& commands, const std::shared_ptr<OutcomeQueue>& queue) {
    for (Command& c : commands) {
        const bool was_undo = std::holds_alternative<cmd::Undo>(c);
        // The answer keeps only what the UI needs; the receipt's snapshot is let go at once.
        post(std::move(c), [queue, was_undo](Result<Receipt> answer) {
            queue->push(outcome_of(was_undo, std::move(answer)));
        });
    }
    commands.clear();
}

}  // namespace samling
