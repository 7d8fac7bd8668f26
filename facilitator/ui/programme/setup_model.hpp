// What the setup screen (F2) decides before it asks the hub: reading pasted rows of leader
// groups, and the agenda after a move, a removal or an addition. Pure functions over a
// snapshot; must not depend on ImGui, GLFW or the hub.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/workshop.hpp"

namespace samling {

// Rows pasted into F2, as a spreadsheet copies them (name ⇥ services ⇥ project) or as CSV with
// semicolons or commas ("…" quotes a cell, "" is a quote in it), with or without a header row;
// a list of bare names is one column. The separator is the first row's: a tab, else ";", else ",".
// A row is refused, never sent, when the hub would refuse it or it would make a second group of
// the same name (compared as the hub compares them, ignoring ASCII case).
enum class PasteRefusal {
    exists,
    repeated,
    no_name,
    name_too_long,
    services_too_long,
    project_too_long,
    columns,
    text
};
struct PastedGroup {
    std::string name, services, project;
};
struct RefusedRow {
    int line = 0;      // 1-based line of the paste where the row starts
    std::string text;  // its name, or the row as pasted when it has none
    PasteRefusal reason = PasteRefusal::exists;
};
struct GroupPaste {
    std::vector<PastedGroup> groups;  // new, in the pasted order
    std::vector<RefusedRow> refused;
};
// The paste field shows a pasted tab as this column mark (its text field cannot hold tabs);
// read_group_paste reads it as a tab.
inline constexpr std::string_view column_mark = "⇥";
GroupPaste read_group_paste(const Workshop& state, std::string_view text);

// One cmd::AddGroup per new group. Its services and project need its id: they wait in
// `details` (by folded name) until the group is in a snapshot (pasted_details_commands).
void group_paste_commands(const GroupPaste& paste, std::vector<Command>& out,
                          std::map<std::string, PastedGroup>& details);

// A cmd::EditGroup for each waiting group that has arrived; it stops waiting.
void pasted_details_commands(const Workshop& state, std::map<std::string, PastedGroup>& details,
                             std::vector<Command>& out);

// The agenda with item `index` moved by `delta` (clamped to the list); unchanged when it cannot move.
std::vector<std::string> agenda_moved(std::vector<std::string> agenda, int index, int delta);
std::vector<std::string> agenda_removed(std::vector<std::string> agenda, int index);
// An exercise already on the agenda is not added twice.
std::vector<std::string> agenda_added(std::vector<std::string> agenda, const std::string& exercise);

}  // namespace samling
