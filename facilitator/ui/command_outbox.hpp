// The projector's way to the hub and back: commands go out through a CommandPoster, and the
// answers (which arrive on the hub's writer thread) wait in an OutcomeQueue until the frame
// loop drains it. Depends on core and the hub's Receipt; never on ImGui or GLFW.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "core/commands.hpp"
#include "core/result.hpp"
#include "hub/hub.hpp"

namespace samling {

// Hub::post's shape: returns at once; the callback runs later on another thread.
using CommandPoster = std::function<void(Command, std::function<void(Result<Receipt>)>)>;

// What the UI keeps of one answer: refusals for the toast. (The undo history is the hub's.)
struct Outcome {
    bool ok = true;
    bool was_undo = false;  // the command was cmd::UndoLast (Ctrl+Z)
    Error error{Errc::invalid_request, ""};
    int refused = 0;          // a Together: how many of its commands were refused
    std::size_t command = 0;  // the command's index in the Command variant
};

// The receipt's snapshot is let go at once.
Outcome outcome_of(bool was_undo, Result<Receipt> answer);

// The same, remembering which command it answers.
Outcome outcome_of(const Command& command, Result<Receipt> answer);

// The command's index in the Command variant, for comparing with Outcome::command.
template <typename T>
std::size_t command_index() {
    static const std::size_t index = Command(T{}).index();
    return index;
}

// Push from any thread, drain on the UI thread once per frame (the shape of Tracy's RunQueue).
class OutcomeQueue {
public:
    void push(Outcome outcome);
    std::vector<Outcome> drain();

private:
    std::mutex mu_;
    std::vector<Outcome> items_;
};

// Posts every command in `commands` (leaving it empty); each answer lands in `queue`.
void post_all(const CommandPoster& post, std::vector<Command>& commands, const std::shared_ptr<OutcomeQueue>& queue);

}  // namespace samling
