// Pasted rows of groups and agenda edits. Must not depend on ImGui, GLFW or the hub.
#include "ui/programme/setup_model.hpp"

#include <algorithm>
#include <utility>

#include "core/text.hpp"

namespace samling {
namespace {

// The separator of the first row with any text: a tab, else ";", else ","; none for bare names.
char separator_of(std::string_view text) {
    while (!text.empty()) {
        const std::size_t end = std::min(text.find_first_of("\r\n"), text.size());
        const std::string_view line = text.substr(0, end);
        text.remove_prefix(std::min(end + 1, text.size()));
        if (text::trim(line).empty()) continue;
        for (char c : {'\t', ';', ','})
            if (line.find(c) != std::string_view::npos) return c;
        return '\0';
    }
    return '\0';
}

struct Row {
    int line = 0;
    std::vector<std::string> cells;
};

// Rows and cells as spreadsheets and CSV write them: a cell that starts with a quote runs to
// the closing quote, over separators and line breaks; "" inside it is one quote.
std::vector<Row> rows_of(std::string_view text, char sep) {
    std::vector<Row> rows;
    Row row{1, {std::string()}};
    int line = 1;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        std::string& cell = row.cells.back();
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n') ++line;
                cell += c;
            }
            continue;
        }
        if (c == '"' && text::trim(cell).empty()) {  // a quote opens a cell, nowhere else
            cell.clear();
            quoted = true;
        } else if (sep != '\0' && c == sep) {
            row.cells.emplace_back();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            rows.push_back(std::move(row));
            row = Row{++line, {std::string()}};
        } else {
            cell += c;
        }
    }
    rows.push_back(std::move(row));
    return rows;
}

// A first row that names the columns rather than a group.
bool is_header(const std::string& first_cell) {
    static const std::vector<std::string> names = {
        "navn",  "namn",       "name",       "gruppe",     "ledergruppe",  "leiargruppe",  "leader group",
        "group", "gruppenavn", "gruppenamn", "group name", "ledergrupper", "leiargrupper", "leader groups"};
    return std::find(names.begin(), names.end(), text::name_key(first_cell)) != names.end();  // keys are folded
}

// A cell's line breaks and tabs (a quoted cell may hold them) as single spaces: the fields are one line.
std::string one_line(const std::string& cell) {
    std::string out;
    for (char c : cell) {
        const bool space = c == '\n' || c == '\r' || c == '\t';
        if (!space)
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    return text::trim(out);
}

// Text the hub refuses in a name, services or project.
bool unusable(const std::string& cell) {
    return !text::is_valid_utf8(cell) || text::has_control_characters(cell);
}

}  // namespace

GroupPaste read_group_paste(const Workshop& state, std::string_view pasted) {
    std::string text(pasted);
    for (std::size_t at = text.find(column_mark); at != std::string::npos; at = text.find(column_mark, at))
        text.replace(at, column_mark.size(), "\t");
    GroupPaste paste;
    std::vector<std::string> seen;
    for (const auto& [id, g] : state.groups()) seen.push_back(text::name_key(g.name));
    bool first = true;
    for (Row& row : rows_of(text, separator_of(text))) {
        for (std::string& cell : row.cells) cell = one_line(cell);
        while (!row.cells.empty() && row.cells.back().empty()) row.cells.pop_back();
        if (row.cells.empty()) continue;
        if (std::exchange(first, false) && is_header(row.cells.front())) continue;
        std::string as_pasted;
        for (const std::string& cell : row.cells) as_pasted += (as_pasted.empty() ? "" : " ") + cell;
        const auto refuse = [&](PasteRefusal why, const std::string& shown) {
            paste.refused.push_back(RefusedRow{row.line, shown, why});
        };
        row.cells.resize(std::max<std::size_t>(row.cells.size(), 3));
        const PastedGroup g{row.cells[0], row.cells[1], row.cells[2]};
        const std::string shown = g.name.empty() ? as_pasted : g.name;
        if (row.cells.size() > 3) {
            refuse(PasteRefusal::columns, shown);
        } else if (unusable(g.name) || unusable(g.services) || unusable(g.project)) {
            refuse(PasteRefusal::text, text::is_valid_utf8(shown) ? shown : std::string("?"));
        } else if (g.name.empty()) {
            refuse(PasteRefusal::no_name, shown);
        } else if (text::characters(g.name) > max_name_characters) {
            refuse(PasteRefusal::name_too_long, shown);
        } else if (text::characters(g.services) > max_title_characters) {
            refuse(PasteRefusal::services_too_long, shown);
        } else if (text::characters(g.project) > max_title_characters) {
            refuse(PasteRefusal::project_too_long, shown);
        } else {
            const std::string key = text::name_key(g.name);
            const bool in_room = std::any_of(state.groups().begin(), state.groups().end(),
                                             [&](const auto& e) { return text::name_key(e.second.name) == key; });
            if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
                refuse(in_room ? PasteRefusal::exists : PasteRefusal::repeated, shown);
                continue;
            }
            seen.push_back(key);
            paste.groups.push_back(g);
        }
    }
    return paste;
}

void group_paste_commands(const GroupPaste& paste, std::vector<Command>& out,
                          std::map<std::string, PastedGroup>& details) {
    for (const PastedGroup& g : paste.groups) {
        out.push_back(cmd::AddGroup{g.name});
        if (!g.services.empty() || !g.project.empty()) details[text::name_key(g.name)] = g;
    }
}

void pasted_details_commands(const Workshop& state, std::map<std::string, PastedGroup>& details,
                             std::vector<Command>& out) {
    if (details.empty()) return;
    for (const auto& [id, g] : state.groups()) {
        const auto it = details.find(text::name_key(g.name));
        if (it == details.end()) continue;
        out.push_back(cmd::EditGroup{id, g.name, it->second.services, it->second.project});
        details.erase(it);
    }
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
