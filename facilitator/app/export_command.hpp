// `samling export`: writes project logs from a data folder, beside a running Samling or not.
#pragma once

#include "app/options.hpp"

namespace samling {

// Prints one line on success (where the files went), one clear error line otherwise.
int run_export(const Options& options);

}  // namespace samling
