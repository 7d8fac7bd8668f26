// The room's words in three languages: the one place to translate them. Plain data only.
#include "ui/panels/room_strings.hpp"

namespace samling {
namespace {

const RoomStrings nb = {
    "Lagret",
    "til stede",
    "Lagring feilet – nye lapper blir ikke lagret",
};

const RoomStrings nn = {
    "Lagra",
    "til stades",
    "Lagring feila – nye lappar blir ikkje lagra",
};

const RoomStrings en = {
    "Saved",
    "present",
    "Saving failed – new notes are not being stored",
};

}  // namespace

const RoomStrings& room_strings(Language lang) {
    return in_language(lang, nb, nn, en);
}

}  // namespace samling
