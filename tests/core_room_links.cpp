// The room's links: the same group's card, table screen and /control/state say one address.
#include <doctest/doctest.h>

#include "core/room_links.hpp"

using namespace samling;

TEST_CASE("a room's links name the room's code, and the group where there is one") {
    const std::string origin = "http://192.168.1.20:8765";
    CHECK(room_link(origin, "ABC123") == "http://192.168.1.20:8765/?room=ABC123");
    CHECK(group_join_link(origin, "ABC123", 27) == "http://192.168.1.20:8765/?room=ABC123&group=27");
    CHECK(table_screen_link(origin, "ABC123", 27) == "http://192.168.1.20:8765/table?room=ABC123&group=27");
}
