// Salvage from a damaged store: every row SQLite can still read, written through the store's
// normal path into a new data folder. Store layer: SQLite only; the damaged folder is only read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace samling {

// What came back, and what is known to be lost. Rows inside a damaged page cannot be counted
// (their page is gone); rows that point at one (a note whose run was there) are known.
struct RecoverReport {
    std::int64_t groups = 0, participants = 0, runs = 0, notes = 0, votes = 0, themes = 0, conclusions = 0,
                 gatherings = 0, done_marks = 0, pulse_answers = 0;
    // Known losses: rows read whole whose parent row was not, and rows read but malformed.
    std::int64_t notes_lost = 0, votes_lost = 0, themes_lost = 0, conclusions_lost = 0, other_lost = 0;
    std::int64_t rehomed = 0;                    // runs and participants whose leader group was lost: in "Gjenfunnet"
    int damaged_places = 0;                      // stretches of a table that could not be read
    std::vector<std::string> unreadable_tables;  // tables not one row of which could be read
    bool room = false;                           // the room (its code: phones keep their tokens) came back
    std::string recovered_group;                 // the name of the group that holds rehomed rows, or empty
};

// Reads DATA_DIR's store (and its WAL) from a copy made inside OUT_DIR, so DATA_DIR is never
// written, and writes what it can read into a new store in OUT_DIR. Refused when OUT_DIR exists
// and is not empty, lies inside DATA_DIR, or a Samling runs on DATA_DIR. Runs and phones whose
// leader group was lost go to a new group named `recovered_group_name`.
Result<RecoverReport> recover_store(const std::filesystem::path& data_dir, const std::filesystem::path& out_dir,
                                    const std::string& recovered_group_name);

}  // namespace samling
