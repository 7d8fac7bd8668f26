// The room's words in three languages: the one place to translate them. Plain data only.
#include "ui/room_strings.hpp"

namespace samling {
namespace {

const RoomStrings nb = {
    "Lagret",
    "til stede",
};

const RoomStrings nn = {
    "Lagra",
    "til stades",
};

const RoomStrings en = {
    "Saved",
    "present",
};

}  // namespace

const RoomStrings& room_strings(Language lang) {
    return in_language(lang, nb, nn, en);
}

}  // namespace samling
