// What a board may show, decided from a Workshop snapshot before anything is placed: which
// notes are face up (never the text of an unrevealed one), vote totals and ranks when the
// exercise allows them, authors by its anonymity, clusters, 5-whys chains, the fishbone head.
// Depends on the core and ImGui's colour type only; no GLFW, OpenGL or hub.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "core/workshop.hpp"
#include "ui/board/strings.hpp"
#include "ui/ui_strings.hpp"

namespace samling {

struct ModelZone {
    std::string id;     // empty: the "no category" zone for notes with an unknown zone
    std::string label;  // drawable
    ImU32 marker = 0;   // the zone's colour as given
    ImU32 card = 0;     // the card colour, lightened for dark text
    int count = 0;      // face-up cards in it
};

struct ModelCard {
    Id note = 0;
    std::string text;  // drawable
    ImU32 colour = 0;
    int zone = 0;        // index into BoardModel::zones (where the note is)
    int place_zone = 0;  // where it is drawn: a chained answer sits with its root cause
    Id cluster = 0;      // drawn in this cluster's box (the root's, for a chain)
    Id parent = 0;       // a face-up card this one answers "why?" to, or 0
    int depth = 0;       // 0: a root; 1: the first "why?"...
    double x = unplaced, y = unplaced;
    int dots = 0;    // only when totals may be shown
    int rank = 0;    // 1..3 among the most voted, when totals may be shown
    int merged = 0;  // duplicates folded into it
    bool highlighted = false;
    std::string author;        // on the card (anonymity "projector")
    std::string hover_author;  // in a tooltip only (anonymity "facilitator")
    std::string details;       // its note fields' values, drawable: "Per Ek · 15. mars"
};

struct ModelCluster {
    Id id = 0;
    int zone = 0;
    std::string name;  // drawable
};

struct BoardModel {
    enum class Mode { no_activity, hidden, cards };
    Mode mode = Mode::no_activity;
    Id run = 0;
    std::string layout = "columns";
    std::vector<ModelZone> zones;  // the exercise's, plus "no category" when needed
    std::vector<ModelCard> cards;  // face up; every chain in order, parent first
    std::vector<ModelCluster> clusters;
    std::vector<ImU32> hidden;   // one colour per face-down note: never their text
    bool show_totals = false;    // dot badges and ranks
    bool voting_hidden = false;  // a vote runs with totals hidden
    int dots_cast = 0;
    std::string head;            // fishbone: the problem statement (drawable)
    bool head_is_hint = false;   // no statement yet: `head` is the hint
    std::string axis_x, axis_y;  // grid, drawable
};

// The board of the group's current run (empty without one).
BoardModel board_model(const Workshop& state, Id group, Language lang, const UiStrings& strings,
                       const BoardStrings& words);
// The board of any run: a concluded one, for its picture in the project log, may no longer be
// its group's current run.
BoardModel board_model_of(const Workshop& state, const ExerciseRun& run, Language lang, const UiStrings& strings,
                          const BoardStrings& words);

// The index of the zone with this id in `model.zones`, or -1.
int zone_index(const BoardModel& model, std::string_view zone_id);

}  // namespace samling
