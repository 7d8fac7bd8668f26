// The frame loop behind run_projector, fed by any source of snapshots (the hub in the app, a
// hand-built Workshop in a harness). Internal to facilitator/ui.
#pragma once

#include <functional>
#include <memory>

#include "core/workshop.hpp"
#include "ui/projector.hpp"
#include "ui/waker.hpp"

namespace samling {

using SnapshotSource = std::function<std::shared_ptr<const Workshop>()>;

int run_projector_loop(const SnapshotSource& snapshot, const ProjectorConfig& config,
                       const std::function<bool()>& should_stop, Waker& waker);

}  // namespace samling
