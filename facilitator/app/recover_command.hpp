// `samling recover`: salvage a damaged store into a new folder, and say what came back.
#pragma once

#include "app/options.hpp"

namespace samling {

// Prints what was recovered and what is known lost, or one clear error line.
int run_recover(const Options& options);

}  // namespace samling
