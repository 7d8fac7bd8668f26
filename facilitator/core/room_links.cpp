// The room's links; see room_links.hpp.
#include "core/room_links.hpp"

namespace samling {

std::string room_link(std::string_view origin, std::string_view room_code) {
    return std::string(origin) + "/?room=" + std::string(room_code);
}

std::string group_join_link(std::string_view origin, std::string_view room_code, Id group) {
    return room_link(origin, room_code) + "&group=" + std::to_string(group);
}

std::string table_screen_link(std::string_view origin, std::string_view room_code, Id group) {
    return std::string(origin) + "/table?room=" + std::string(room_code) + "&group=" + std::to_string(group);
}

}  // namespace samling
