// The facilitator's own entry of an indicator's value on a status round's board: which measure
// is chosen (↑/↓) and the small number field V opens. Plain data: it lives in ControlState, so
// the room's keys know the field has the keyboard from the frame it opens in.
#pragma once

#include <string>

#include "core/model.hpp"

namespace samling {

struct IndicatorEntry {
    Id note = 0;           // the chosen measure; 0: none yet (the first with an indicator)
    bool open = false;     // the number field is up
    bool opening = false;  // open its popup this frame
    std::string draft, error;
};

}  // namespace samling
