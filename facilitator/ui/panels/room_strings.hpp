// The words of the room at a glance (the overview's tiles, the group strip): who is here now,
// whether a run is saved in the project log; translated in i18n/strings.json. Plain data; must
// not depend on ImGui, GLFW or the workshop state.
#pragma once

#include "core/model.hpp"
#include "core/phrase.hpp"

namespace samling {

struct RoomStrings {
    const char* saved;           // a tile whose run is in the group's project log: "Lagret"
    const char* present;         // "{n} til stede": phones heard from in the last few minutes
    const char* storage_failed;  // "Lagring feilet …: {why}", the store's own words, while writes are failing
    // "Gjenfunnet": the group `samling recover` puts runs and phones in whose own group was lost
    const char* recovered_group;
    // "Lagringstiden er ute: {months} … ({date}) … {since}": the band when the retention time has passed
    const char* retention_passed;
    // The presenter window (ui/presenter): its title, its column's heading ("Bare på din skjerm"),
    // the key to each group row's figures, the hidden vote totals' heading and why they are
    // hidden, no votes yet, the caption under the remote's pairing QR code and the line in its
    // place when the column is too crowded for it
    const char* presenter_title;
    const char* presenter_private;
    const char* presenter_columns;
    const char* presenter_votes;
    const char* presenter_votes_hidden;
    const char* presenter_no_votes;
    const char* presenter_remote;
    const char* presenter_remote_key;
};

// The texts are translated in i18n/strings.json; the build generates fill_strings from it.
const RoomStrings& room_strings(Language lang);
void fill_strings(RoomStrings& s, Language lang);

}  // namespace samling
