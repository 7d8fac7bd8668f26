// Making sure there is a room to join, and the --demo programme. Everything goes through
// hub commands, like any other change.
#pragma once

#include <string>

#include "core/model.hpp"
#include "core/result.hpp"

namespace samling {

class Hub;

// Opens a room with a fresh code when the store has none.
Status ensure_room(Hub& hub, const std::string& name, Language language);

// A room, three leader groups and the problem-definition exercise in its writing step for
// every group. Idempotent: running it again adds nothing that is already there.
Status ensure_demo(Hub& hub);

}  // namespace samling
