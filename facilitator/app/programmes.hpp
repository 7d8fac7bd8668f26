// Several programmes on one laptop: DATA/programmes/<folder>/ holds one programme each (its
// store, backups/, snapshots/, exports/), DATA/programmes.json says which there are, their
// names, which are archived and which was opened last. Filesystem and SQLite; no ImGui, no HTTP.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace samling {

struct ProgrammeRecord {
    std::string folder;  // under DATA/programmes; never changes, whatever the name becomes
    std::string name;    // as the facilitator wrote it
    bool archived = false;
    std::int64_t last_used = 0;  // ms since the epoch; 0: never opened
};

struct Catalogue {
    static constexpr const char* file_name = "programmes.json";
    static constexpr const char* folder_name = "programmes";

    std::vector<ProgrammeRecord> programmes;  // in the order they were made
    std::string last;                         // the folder opened last; empty: none yet

    const ProgrammeRecord* find(const std::string& name_or_folder) const;
    ProgrammeRecord* find(const std::string& name_or_folder);
};

// The data folder's catalogue. Takes over a data folder of the one-programme layout first
// (samling.sqlite3 at DATA's root, every facilitator's until now): its files move into
// DATA/programmes/<folder>/ through DATA/programmes/.adopting, which only becomes a programme
// once everything is in it, so an interrupted take-over is finished by the next start and the
// store is never opened half moved. Folders the catalogue does not name (it was lost, or a
// take-over stopped before writing it) are listed again under their store's programme name.
// `interrupt` is for tests: returning true after a step stops there, as a power cut would.
Result<Catalogue> load_catalogue(const std::filesystem::path& data,
                                 const std::function<bool(int step)>& interrupt = nullptr);

// Written atomically (a temporary file, fsync, rename, fsync of the folder), 0600.
Status save_catalogue(const std::filesystem::path& data, const Catalogue& catalogue);

inline std::filesystem::path programme_dir(const std::filesystem::path& data, const ProgrammeRecord& p) {
    return data / Catalogue::folder_name / p.folder;
}

// A new, empty programme folder and its record (a folder name made from `name`). Refuses an
// empty name and one another programme has (as the room compares names).
Result<ProgrammeRecord> create_programme(const std::filesystem::path& data, const std::string& name);
Status rename_programme(const std::filesystem::path& data, const std::string& folder, const std::string& name);
Status archive_programme(const std::filesystem::path& data, const std::string& folder, bool archived);
// Marks it the one to open next time and stamps last_used.
Status mark_opened(const std::filesystem::path& data, const std::string& folder);

// What deleting a programme removed, for the facilitator to read.
struct DeletedProgramme {
    std::string name;
    std::filesystem::path folder;
    int backups = 0, pictures = 0, exports = 0;
};
// Removes the programme's folder (store, backups, pictures, exports) and its record. Refused
// while a Samling has it open. The folder is first renamed out of the catalogue's sight
// (programmes/.deleting-*), so an interrupted delete never leaves half a programme listed.
Result<DeletedProgramme> delete_programme(const std::filesystem::path& data, const std::string& folder);

// The number of gatherings in a programme's store, read without taking it over (0 when it has
// no store yet or it cannot be read).
int gatherings_in(const std::filesystem::path& programme_folder);

// Which programme a session opens: `wanted` (a name or a folder) or else the last opened, else
// the first not archived, else a new one named `first_name`. An unknown `wanted` is an error
// that lists the programmes and says how to make one.
Result<ProgrammeRecord> choose_programme(const std::filesystem::path& data, const std::string& wanted,
                                         const std::string& first_name);

}  // namespace samling
