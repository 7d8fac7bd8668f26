// The room's links, as the join QR, the table cards and the table screens carry them: built in
// one place so a printed card, the projector's QR and /control/state never drift apart.
// `origin` is "http://HOST:PORT" (the participant server's address on the room's network).
#pragma once

#include <string>
#include <string_view>

#include "core/model.hpp"

namespace samling {

// "ORIGIN/?room=CODE": the phone page, which asks for the group.
std::string room_link(std::string_view origin, std::string_view room_code);

// "ORIGIN/?room=CODE&group=ID": the phone page with the group already chosen (a table card).
std::string group_join_link(std::string_view origin, std::string_view room_code, Id group);

// "ORIGIN/table?room=CODE&group=ID": the group's read-only table screen.
std::string table_screen_link(std::string_view origin, std::string_view room_code, Id group);

}  // namespace samling
