// One-file copies of a store: a backup made while Samling runs, checked and restored into a
// data folder, and the automatic ones kept in DATA/backups. Store layer: SQLite only.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace samling {

// What a backup file holds, read from it by check_backup.
struct BackupInfo {
    int schema = 0;
    std::int64_t notes = 0, participants = 0, runs = 0, groups = 0;
    std::uintmax_t bytes = 0;
};

// Writes a consistent copy of DATA_DIR's store into `out` (which must not exist), beside a
// running Samling: SQLite's VACUUM INTO reads one snapshot, leaves out free pages (deleted
// text), and the copy is synced before it takes its name. One self-contained file, 0600.
Result<BackupInfo> backup_store(const std::filesystem::path& data_dir, const std::filesystem::path& out);

// Reads a backup without changing it: integrity_check, a schema this Samling can open (newer:
// refused), and what it holds.
Result<BackupInfo> check_backup(const std::filesystem::path& file);

// Puts `file` in as DATA_DIR's store. Refused while a Samling runs there, when the file fails
// check_backup, and when DATA_DIR already holds a programme unless `replace` (that store is then
// kept first as backups/before-restore-*.sqlite3).
Result<BackupInfo> restore_store(const std::filesystem::path& file, const std::filesystem::path& data_dir,
                                 bool replace);

// The automatic backups: DATA/backups/samling-<UTC time>-<reason>.sqlite3, the newest
// `keep` kept. Returns the new file's path.
inline constexpr int backups_kept = 10;
Result<std::filesystem::path> backup_automatically(const std::filesystem::path& data_dir, const std::string& reason,
                                                   int keep = backups_kept);
std::vector<std::filesystem::path> automatic_backups(const std::filesystem::path& data_dir);  // oldest first

}  // namespace samling
