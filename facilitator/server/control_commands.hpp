// Facilitator commands as JSON, for the loopback control surface (scripts and tests drive a
// running Samling the way the projector's keys and mouse do). No HTTP types here.
#pragma once

#include <nlohmann/json.hpp>

#include "core/commands.hpp"
#include "core/presence.hpp"
#include "core/result.hpp"
#include "core/workshop.hpp"

namespace samling {

// {"command": "go_to_step", "group": 2, "step": 3} -> cmd::GoToStep{2, 3}. Errors name the field.
// `timer` and `conclude_run` take "group": "all", read in `state` (null: refused) into one
// cmd::Together over every group with a run: one action, one step of undo.
Result<Command> parse_control_command(const nlohmann::json& body, const Workshop* state = nullptr);

// Everything a script needs to see, including what phones must not: authors, hidden notes, totals.
// `presence` says which phones are still in the room (last_seen, present counts). With
// `origin` ("http://HOST:PORT"), each group has its table screen's address, "table_url".
nlohmann::json control_state(const Workshop& state, const Presence& presence, Timestamp now,
                             const std::string& origin = {});

// The message to the room as the control state, a remote and (without its groups) a phone see it.
nlohmann::json broadcast_json(const BroadcastMessage& message);

}  // namespace samling
