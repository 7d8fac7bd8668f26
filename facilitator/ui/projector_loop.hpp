// The frame loop behind run_projector, fed by any source of snapshots and any way to post
// commands (the hub in the app, a hand-built Workshop in a harness). Internal to facilitator/ui.
#pragma once

#include <functional>
#include <memory>

#include "core/presence.hpp"
#include "core/workshop.hpp"
#include "ui/command_outbox.hpp"
#include "ui/projector.hpp"
#include "ui/waker.hpp"

namespace samling {

using SnapshotSource = std::function<std::shared_ptr<const Workshop>()>;
using PresenceSource = std::function<Presence()>;  // who was heard from when (the hub's copy)

// `post` must return at once and answer on any thread; the loop never waits for it. Whoever
// answers should also wake the loop (`waker`) so the answer shows without other input.
int run_projector_loop(const SnapshotSource& snapshot, const PresenceSource& presence, const CommandPoster& post,
                       const ProjectorConfig& config, const std::function<bool()>& should_stop, Waker& waker);

}  // namespace samling
