// The address phones can actually reach: the laptop's LAN address when listening on all
// interfaces, else the listen address itself.
#pragma once

#include <string>

namespace samling {

std::string reachable_address(const std::string& listen_host);

}  // namespace samling
