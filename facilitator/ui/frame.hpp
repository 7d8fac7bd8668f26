// One projector frame's context: the snapshot it draws, who is here, the fonts, the room's
// language and its words, the time, and where the frame's commands go. draw_projector builds it
// once a frame; every view takes it instead of the same six parameters.
#pragma once

#include <vector>

#include "core/commands.hpp"
#include "core/presence.hpp"
#include "core/workshop.hpp"
#include "ui/fonts.hpp"
#include "ui/programme/programme_strings.hpp"
#include "ui/ui_strings.hpp"

namespace samling {

struct Frame {
    const Workshop& state;
    const Presence& presence;
    const Fonts& fonts;
    Language lang;
    const UiStrings& words;             // the projector's words in `lang`
    const ProgrammeStrings& programme;  // setup, project log, since last time, in `lang`
    Timestamp now;
    std::vector<Command>& out;  // the frame's commands, posted to the hub after the frame
};

}  // namespace samling
