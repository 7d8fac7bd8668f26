// Posting the frame's commands and collecting the answers. Never blocks the UI thread: the
// only lock is held for a push or a swap.
#include "ui/command_outbox.hpp"

#include <utility>

namespace samling {

Outcome outcome_of(bool was_undo, Result<Receipt> answer) {
    Outcome o;
    o.was_undo = was_undo;
    o.ok = answer.ok();
    if (o.ok) {
        o.refused = answer.value().refused;
        if (answer.value().first_refusal) o.error = *answer.value().first_refusal;
    } else {
        o.error = answer.error();
    }
    return o;
}

Outcome outcome_of(const Command& command, Result<Receipt> answer) {
    Outcome o = outcome_of(std::holds_alternative<cmd::UndoLast>(command), std::move(answer));
    o.command = command.index();
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
        // The answer keeps only what the UI needs; the receipt's snapshot is let go at once.
        // A Together's parts are not kept for the answer: only which command it was.
        Command shape = std::holds_alternative<cmd::Together>(c) ? Command(cmd::Together{}) : c;
        post(std::move(c), [queue, shape = std::move(shape)](Result<Receipt> answer) {
            queue->push(outcome_of(shape, std::move(answer)));
        });
    }
    commands.clear();
}

}  // namespace samling
