// What a facilitator remote is shown (GET /api/remote/state), and the message to the room a
// phone shows, as JSON. No HTTP types here.
#pragma once

#include <nlohmann/json.hpp>

#include "core/presence.hpp"
#include "core/workshop.hpp"

namespace samling {

// The room and, per group that is not archived, its exercise, step, head count, notes on the
// board and done marks, its people's names with its table lead and open ask (so the remote can
// name a lead), plus the remote asking: what the remote's overview draws. No note's text and
// no author: a tablet left on a table must not become a way to read the boards.
nlohmann::json remote_overview(const Workshop& state, const Presence& presence, Timestamp now, const Remote& remote);

// The message to the room a phone of `group` shows until dismissed ({id, text, sent_at}), or
// null: none, or one for other groups.
nlohmann::json phone_broadcast(const Workshop& state, Id group);

// The URL the pairing QR encodes: the remote's page with the one-time token in its fragment,
// which a browser never sends to a server nor in a Referer.
std::string remote_pairing_url(const std::string& phone_address, const std::string& pairing_token);

}  // namespace samling
