// `samling delete --group NAME --yes`: a leader group leaves the programme, and what it wrote
// with it: the store, its board pictures, the exports in the data folder, and (asked) backups.
#pragma once

#include "app/options.hpp"

namespace samling {

// Prints what went and which backups still hold the group, or one clear error line.
int run_delete_group(const Options& options);

}  // namespace samling
