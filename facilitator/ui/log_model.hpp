// What the project log (G) and "since last time" (Shift+G) show, read from a snapshot: a
// group's concluded runs grouped by gathering, and each group's latest problem, causes,
// measures and experiment. Built from exercise and field ids only (no exercise is special in
// code beyond the ids listed here). Pure; must not depend on ImGui, GLFW, OpenGL or the hub.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/workshop.hpp"
#include "ui/programme_strings.hpp"

namespace samling {

// Where a concluded run's board picture is written: <data_dir>/snapshots/run-<id>.png.
// Empty when there is no data folder.
std::string snapshot_path(const std::string& data_dir, Id run);

struct LogField {
    std::string label, text;
};

struct LogNote {
    std::string text;
    int dots = 0;
};

// One concluded run: a card in the timeline.
struct LogCard {
    Id run = 0;
    std::string title;
    Timestamp concluded_at = 0;
    std::vector<LogField> fields;  // the conclusion's non-empty fields, in the exercise's order
    std::vector<LogNote> top;      // at most three notes, most dots first
    std::string snapshot;          // the picture's path (it may not exist)
};

// The runs concluded while one gathering was open.
struct LogSection {
    Id gathering = 0;     // 0: no gathering was open
    std::string heading;  // "Samling 1 · 14. sep. — Oppstart"
    std::vector<LogCard> cards;
};

// The group's project log, oldest first, one section per gathering in order of first entry.
std::vector<LogSection> project_log_sections(const Workshop& state, Id group, Language lang,
                                             const ProgrammeStrings& strings, const std::string& data_dir);

// "Since last time": the conclusions a group brings into a new gathering.
struct SinceSource {
    std::string_view exercise, field;
    bool measures = false;  // also list the notes with an owner or a start date of its latest run
};
inline constexpr std::array<SinceSource, 4> since_sources = {{
    {"problem_definition", "statement"},
    {"root_cause", "root_causes"},
    {"goals_measures", "measures", true},
    {"goals_measures", "experiment"},
}};
// A measure's note fields.
inline constexpr std::string_view measure_owner_field = "owner";
inline constexpr std::string_view measure_start_field = "start";

struct SinceMeasure {
    std::string text, owner, start;
};

struct SinceEntry {
    std::string label, text;
    std::vector<SinceMeasure> measures;  // with the measures field: its run's notes with owner or date
};

struct SinceGroup {
    Id group = 0;
    std::string name, project;
    std::vector<SinceEntry> entries;  // in since_sources' order; none when nothing is saved
};

std::vector<SinceGroup> since_last_time(const Workshop& state, Language lang);

}  // namespace samling
