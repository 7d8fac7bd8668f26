// A leader group's project log as the exports print it, read from the workshop: entries
// (concluded runs, oldest first) with conclusions, top-voted notes, the board as lists,
// 5-whys chains and the snapshot's path; and every note of the group's runs as rows.
// Pure reading of a const Workshop; must not depend on ImGui, HTTP, SQLite or the file system
// beyond asking whether a snapshot file exists.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/measure_history.hpp"
#include "core/pulse_history.hpp"
#include "core/workshop.hpp"

namespace samling {

inline constexpr std::size_t top_voted_count = 5;

struct GatheringInfo {
    Id id = 0;
    int number = 0;
    std::string title, date;  // date YYYY-MM-DD or ""
};

struct LabelledText {
    std::string id, label, text;
};

struct VotedNote {
    Id id = 0;
    std::string text;
    int dots = 0;
    std::string zone;  // the zone's label
};

struct ReportNote {
    Id id = 0;
    std::string text;
    int dots = 0;
    int merged = 0;                    // duplicates folded into it
    std::vector<LabelledText> fields;  // note fields with their labels, in the step's order
};

struct BoardCluster {
    std::string name;
    std::vector<ReportNote> notes;
};

struct BoardZone {
    std::string id, label;  // id "": notes outside the layout's zones (e.g. proposals)
    std::vector<BoardCluster> clusters;
    std::vector<ReportNote> unclustered;
};

struct LogEntry {
    Id run = 0;
    std::string exercise;  // the exercise's id
    std::optional<GatheringInfo> gathering;
    Timestamp concluded_at = 0;
    std::string title, purpose;
    std::vector<LabelledText> conclusion;              // non-empty fields, in the exercise's order
    std::vector<VotedNote> top_voted;                  // at most top_voted_count, dots > 0, most first
    std::vector<BoardZone> board;                      // zones with notes, in the layout's order
    std::vector<std::vector<std::string>> why_chains;  // cause → why → why, one per path
    std::filesystem::path snapshot;                    // empty when no picture was written
};

struct ProjectLog {
    Id group = 0;
    std::string group_name, services, project, programme;
    Language language = Language::nb;
    std::vector<GatheringInfo> gatherings;  // the programme's, in order
    std::vector<LogEntry> entries;
    std::vector<PulseSeries> pulses;          // each instrument across gatherings, figures as summarise_pulse gives
    std::vector<MeasureTrail> measures;       // each measure with its status round by round
    std::vector<IndicatorSeries> indicators;  // each measure's indicator in figures
    int pulse_threshold = default_pulse_threshold;
};

// The entries of one gathering (none: runs concluded while no gathering was open).
struct ReportSection {
    std::optional<GatheringInfo> gathering;
    std::vector<const LogEntry*> entries;  // oldest first
};
// The log's entries grouped by gathering, sections in the order of their first entry.
std::vector<ReportSection> log_sections(const ProjectLog& log);

// Where the projector writes a concluded run's board picture.
std::filesystem::path snapshot_file(const std::filesystem::path& snapshots_dir, Id run);

// The log of `group`; an unknown group gives an empty log with no name.
ProjectLog build_project_log(const Workshop& w, Id group, Language lang, const std::filesystem::path& snapshots_dir);

// One note of any of the group's runs, concluded or not; deleted notes are left out.
struct NoteRow {
    int gathering_number = 0;  // 0: none
    std::string gathering_title, exercise;
    Id run = 0, note = 0;
    std::string step;  // the step's id
    std::string zone, zone_label, cluster;
    Id parent = 0, merged_into = 0;
    std::string text;
    std::map<std::string, std::string> fields;
    int dots = 0, merged_count = 0;
    Timestamp created_at = 0, updated_at = 0;
    bool concluded = false;
};

std::vector<NoteRow> note_rows(const Workshop& w, Id group, Language lang);

// A note field's value as a report prints it: a date as "1. februar 2027".
std::string shown_value(const NoteFieldDefinition& f, const std::string& value, Language lang);

}  // namespace samling
