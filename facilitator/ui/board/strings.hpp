// The words the board itself shows or asks (hidden counts, vote totals, popups), translated in
// i18n/strings.json. Plain data; must not depend on ImGui, GLFW or the workshop state.
#pragma once

#include "core/model.hpp"
#include "core/phrase.hpp"

namespace samling {

struct BoardStrings {
    Plural hidden;             // "{n} lapper skjult til de vises"
    Plural votes_cast;         // "{n} stemmer avgitt"
    const char* totals_later;  // why no totals are shown during the vote
    const char* merge;         // the hint while a card hovers over another
    const char* head_hint;     // the fishbone's head before there is a problem statement
    const char* head_label;    // over the head box
    const char* tray;          // the grid's strip of notes not placed yet
    const char* selected;      // "{n} valgt · C: samle i et tema"
    const char* edit_title;
    const char* flag_personal;           // the note popup's "Personopplysninger – slett for godt"
    const char* flag_personal_question;  // asked first: not undoable
    const char* flag_personal_yes;
    const char* save;
    const char* cancel;
    const char* cluster_title;  // "Navn på temaet" (a cluster is a tema; a gruppe is a leader group)
    const char* make_cluster;
    const char* rename_title;
    const char* written_by;
    const char* by_facilitator;
    const char* anonymous;
};

// The texts are translated in i18n/strings.json; the build generates fill_strings from it.
const BoardStrings& board_strings(Language lang);
void fill_strings(BoardStrings& s, Language lang);

}  // namespace samling
