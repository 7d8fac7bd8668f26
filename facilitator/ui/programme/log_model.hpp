// What the project log (G) and "since last time" (Shift+G) show, read from a snapshot: a
// group's concluded runs grouped by gathering, and what each group brings into a new gathering
// (the fields and zones its exercise files mark "recap"). No exercise is special in code.
// Pure; must not depend on ImGui, GLFW, OpenGL or the hub.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/measure_history.hpp"
#include "core/pulse_history.hpp"
#include "core/workshop.hpp"
#include "ui/programme/programme_strings.hpp"

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

// "Since last time": what a group brings into a new gathering, as its exercise files mark it
// "recap" (core/carry_over.hpp): the problem, the chosen causes, the measures with owners and
// dates, what it set out to try.
struct SinceNote {
    std::string text;
    std::string details;  // its fields' values, dates written short, and a measure's newest status:
                          // "Rektor · 1. feb. · I gang"
};

struct SinceEntry {
    std::string label, text;
    std::vector<SinceNote> notes;  // a recapped zone's notes, dated first, soonest first
};

struct SinceGroup {
    Id group = 0;
    std::string name, project;
    std::vector<SinceEntry> entries;      // in the order the group last concluded them; none when nothing is saved
    std::vector<std::string> pulses;      // one line per instrument across gatherings (pulse_summary_lines)
    std::vector<std::string> indicators;  // one line per indicator (indicator_summary_lines)
    std::vector<IndicatorSeries> indicator_series;  // the same, for their small charts
};

std::vector<SinceGroup> since_last_time(const Workshop& state, Language lang);

// "Trygghet i ledergruppen: Samling 1 4,1 (n = 5) → Samling 3 4,9 (n = 6)", one per instrument:
// its index (reverse-worded statements mirrored) at each gathering, "for få svar" where none.
std::vector<std::string> pulse_summary_lines(const std::vector<PulseSeries>& pulses, const ProgrammeStrings& s,
                                             Language lang);

// "Andel elever med vedtak: Utgangspunkt 16 % → Samling 2 12 % → Samling 3 9 % · Mål 7 %", one
// per indicator.
std::vector<std::string> indicator_summary_lines(const std::vector<IndicatorSeries>& indicators,
                                                 const ProgrammeStrings& s, Language lang);

}  // namespace samling
