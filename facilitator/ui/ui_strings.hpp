// Every word the projector shows, in bokmål, nynorsk and English: the one place to translate.
// Plain data; must not depend on ImGui, GLFW or the workshop state.
#pragma once

#include <string>
#include <string_view>

#include "core/exercise.hpp"
#include "core/model.hpp"

namespace samling {

struct UiStrings {
    const char* join_heading;     // over the QR code
    const char* join_address;     // label over host:port
    const char* room_code;        // label over the room code
    const char* step;             // "Steg" in "Steg 1 av 5"
    const char* of;               // "av" in "Steg 1 av 5"
    const char* participants_one;
    const char* participants_many;
    const char* notes_one;
    const char* notes_many;
    const char* empty_board;      // no notes yet
    const char* hidden_heading;   // silent writing: notes not shown yet
    const char* hidden_hint;
    const char* no_activity;      // the group has no exercise running
    const char* no_groups;        // the room has no leader groups yet
    const char* no_zone;          // column for notes without a known zone
    const char* more_notes;       // "+N more" card: prefix before the number
    const char* key_hint;
    const char* step_kind[5];     // write, reveal, organise, vote, conclude
};

const UiStrings& ui_strings(Language lang);

// "Steg 1 av 5 · Skriv"
std::string step_position(const UiStrings& s, int index, int count, StepKind kind);

// "1 deltaker", "12 lapper": the count and the noun in the right number.
std::string count_of(int n, const char* one, const char* many);

}  // namespace samling
