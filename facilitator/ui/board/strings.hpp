// The words the board itself shows or asks (hidden counts, vote totals, popups), in bokmål,
// nynorsk and English. Plain data; must not depend on ImGui, GLFW or the workshop state.
#pragma once

#include "core/model.hpp"

namespace samling {

struct BoardStrings {
    const char* hidden_one;    // "1 lapp skjult til den vises"
    const char* hidden_many;   // "lapper skjult til de vises", after the number
    const char* votes_one;     // "1 stemme avgitt"
    const char* votes_many;    // "stemmer avgitt", after the number
    const char* totals_later;  // why no totals are shown during the vote
    const char* merge;         // the hint while a card hovers over another
    const char* head_hint;     // the fishbone's head before there is a problem statement
    const char* head_label;    // over the head box
    const char* tray;          // the grid's strip of notes not placed yet
    const char* selected;      // "3 valgt · C: samle i et tema", after the number
    const char* edit_title;
    const char* save;
    const char* cancel;
    const char* cluster_title;  // "Navn på temaet" (a cluster is a tema; a gruppe is a leader group)
    const char* make_cluster;
    const char* rename_title;
    const char* written_by;
    const char* by_facilitator;
    const char* anonymous;
};

const BoardStrings& board_strings(Language lang);

}  // namespace samling
