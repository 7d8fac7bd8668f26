// Deleting a leader group for good (a group leaves the programme): its rows out of the store
// and out of the backups that hold it, with nothing left in free pages or a WAL. Store layer.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/result.hpp"

namespace samling {

// What went with the group.
struct ErasedGroup {
    Id id = 0;
    std::string name;
    std::int64_t notes = 0, runs = 0, participants = 0, votes = 0;
    std::vector<Id> run_ids;  // their board pictures are DATA/snapshots/run-ID.png
};

// The automatic backups in DATA/backups that hold a group of that name (compared as the room
// compares names), read without changing them. Oldest first.
std::vector<std::filesystem::path> backups_holding_group(const std::filesystem::path& data_dir,
                                                         const std::string& name);

// Rewrites one backup file without the group: deleted, vacuumed into a new file, checked, and
// put in the old one's place atomically. A backup that does not hold it is left as it is.
Status erase_group_from_backup(const std::filesystem::path& file, const std::string& name);

}  // namespace samling
