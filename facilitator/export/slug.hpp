// File names from leader-group names that may hold anything: slashes, dots, "..", emoji,
// nothing at all, Windows device names. Pure functions; standard library only.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace samling {

inline constexpr std::size_t max_slug_bytes = 60;

// Lower-case ASCII letters and digits and æ ø å; every other run of characters becomes one
// "-". Never "", ".", ".." or a path separator; at most max_slug_bytes; a Windows device
// name (CON, NUL, COM1...) gets "-gruppe" after it; empty becomes "gruppe".
std::string slug(std::string_view name);

// One distinct slug per group (in the order given), none equal to a name in `reserved`
// (e.g. "index"): a slug taken already gets "-2", "-3"...
std::map<Id, std::string> unique_slugs(const std::vector<std::pair<Id, std::string>>& groups,
                                       const std::vector<std::string>& reserved);

}  // namespace samling
