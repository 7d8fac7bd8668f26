// What the setup screen (F2) decides before it asks the hub: reading a pasted list of group
// names, and the agenda after a move, a removal or an addition. Pure functions over a
// snapshot; must not depend on ImGui, GLFW or the hub.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/workshop.hpp"

namespace samling {

// A pasted list: one name a line, trimmed, empty lines skipped. A name already in the room, or
// earlier in the same list (compared as the hub compares them, ignoring ASCII case), is a
// duplicate: reported, never sent.
struct GroupList {
    std::vector<std::string> names;       // new, in the pasted order
    std::vector<std::string> duplicates;  // as pasted
};
GroupList read_group_list(const Workshop& state, std::string_view text);

// One cmd::AddGroup per new name.
void group_list_commands(const GroupList& list, std::vector<Command>& out);

// The agenda with item `index` moved by `delta` (clamped to the list); unchanged when it cannot move.
std::vector<std::string> agenda_moved(std::vector<std::string> agenda, int index, int delta);
std::vector<std::string> agenda_removed(std::vector<std::string> agenda, int index);
// An exercise already on the agenda is not added twice.
std::vector<std::string> agenda_added(std::vector<std::string> agenda, const std::string& exercise);

}  // namespace samling
