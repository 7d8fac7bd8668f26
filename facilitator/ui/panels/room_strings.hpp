// The words of the room at a glance (the overview's tiles, the group strip): who is here now,
// whether a run is saved in the project log, in bokmål, nynorsk and English. Plain data; must not depend on
// ImGui, GLFW or the workshop state.
#pragma once

#include "core/model.hpp"

namespace samling {

struct RoomStrings {
    const char* saved;           // a tile whose run is in the group's project log: "Lagret"
    const char* present;         // "3 til stede": phones heard from in the last few minutes, after the number
    const char* storage_failed;  // before the store's own words, while writes are failing
};

const RoomStrings& room_strings(Language lang);

}  // namespace samling
