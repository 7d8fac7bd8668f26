// The room's words: the table is generated from i18n/strings.json, where they are translated.
#include "ui/panels/room_strings.hpp"

#include "core/string_table.hpp"

namespace samling {

const RoomStrings& room_strings(Language lang) {
    return string_table<RoomStrings>(lang);
}

}  // namespace samling
