// Pasted names and agenda edits. Must not depend on ImGui, GLFW or the hub.
#include "ui/setup_model.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"

namespace samling {
namespace {

// The hub's comparison of group names (ASCII letters without case).
std::string folded(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

GroupList read_group_list(const Workshop& state, std::string_view text) {
    GroupList list;
    std::vector<std::string> seen;
    for (const auto& [id, g] : state.groups()) seen.push_back(folded(g.name));
    while (!text.empty()) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        const std::string name = text::trim(text.substr(0, end));
        text.remove_prefix(std::min(end + 1, text.size()));
        if (name.empty()) continue;
        const std::string key = folded(name);
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
            list.duplicates.push_back(name);
            continue;
        }
        seen.push_back(key);
        list.names.push_back(name);
    }
    return list;
}

void group_list_commands(const GroupList& list, std::vector<Command>& out) {
    for (const std::string& name : list.names) out.push_back(cmd::AddGroup{name});
}

std::vector<std::string> agenda_moved(std::vector<std::string> agenda, int index, int delta) {
    const int n = static_cast<int>(agenda.size());
    if (index < 0 || index >= n) return agenda;
    const int to = std::clamp(index + delta, 0, n - 1);
    if (to == index) return agenda;
    std::string item = std::move(agenda[static_cast<std::size_t>(index)]);
    agenda.erase(agenda.begin() + index);
    agenda.insert(agenda.begin() + to, std::move(item));
    return agenda;
}

std::vector<std::string> agenda_removed(std::vector<std::string> agenda, int index) {
    if (index >= 0 && index < static_cast<int>(agenda.size())) agenda.erase(agenda.begin() + index);
    return agenda;
}

std::vector<std::string> agenda_added(std::vector<std::string> agenda, const std::string& exercise) {
    // StartNext starts the first item a group has not started: a second copy would never run.
    if (std::find(agenda.begin(), agenda.end(), exercise) == agenda.end()) agenda.push_back(exercise);
    return agenda;
}

}  // namespace samling
