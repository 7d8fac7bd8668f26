// `samling backup` and `samling restore`: one-file copies of a programme, for moving it to
// another laptop or getting yesterday's back.
#pragma once

#include "app/options.hpp"

namespace samling {

// Each prints one line on success (what the file holds), one clear error line otherwise.
int run_backup(const Options& options);
int run_restore(const Options& options);

}  // namespace samling
