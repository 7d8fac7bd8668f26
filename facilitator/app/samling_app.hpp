// Wires the parts together and owns the threads: store, hub, HTTP server, projector window
// (or --headless), and the signal watcher. main() only parses and calls run_samling().
#pragma once

#include "app/options.hpp"

namespace samling {

int run_samling(const Options& options);

}  // namespace samling
