// The board's words: the table is generated from i18n/strings.json, where they are translated.
#include "ui/board/strings.hpp"

#include "core/string_table.hpp"

namespace samling {

const BoardStrings& board_strings(Language lang) {
    return string_table<BoardStrings>(lang);
}

}  // namespace samling
