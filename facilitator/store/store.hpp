// Durable storage of a workshop in one SQLite file per data folder. Commits each batch of
// decided changes in one transaction (WAL, synchronous=FULL) before anyone is answered, and
// rebuilds the Workshop from the file at start. Depends on core; knows nothing of HTTP or UI.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/commands.hpp"
#include "core/result.hpp"
#include "core/workshop.hpp"
#include "platform/platform.hpp"

struct sqlite3;

namespace samling {

struct ErasedGroup;  // store/erase_group.hpp

// Knobs for tests only: the power-loss test swaps in a VFS that forgets unsynced writes, and
// its negative control shows what synchronous=NORMAL would lose.
struct StoreTuning {
    const char* vfs = nullptr;  // nullptr: SQLite's default
    bool full_sync = true;
};

// A store file that exists but holds nothing (an interrupted copy, a disk that failed) is not a
// new room: every phone's token would stop working without a word. Only `allow_empty` (the
// facilitator's --new) lets it become one; a missing file always does.
enum class EmptyFile { refuse, allow_empty };

class Store {
public:
    static constexpr const char* database_file = "samling.sqlite3";
    static constexpr const char* lock_file = "samling.lock";

    // Opens (creating if needed) the store in `data_dir` and brings its schema up to date.
    // Fails with a clear message when the folder is unusable or another Samling holds it.
    static Result<std::unique_ptr<Store>> open(const std::filesystem::path& data_dir, const StoreTuning& tuning = {},
                                               EmptyFile empty = EmptyFile::refuse);
    // Opens an existing store for reading only, beside a running Samling (exports): no lock,
    // no migration. Fails when there is no store or it needs a newer schema first.
    static Result<std::unique_ptr<Store>> open_read_only(const std::filesystem::path& data_dir);

    // Whether a Samling holds DATA_DIR's lock now. Reads only: never makes the lock file.
    static bool in_use(const std::filesystem::path& data_dir);

    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // Rebuilds the workshop as it was at the last commit.
    Result<Workshop> load(std::shared_ptr<const ExerciseCatalog> catalog);

    // Writes the changes and the revision they lead to, atomically and durably.
    Status commit(const std::vector<Change>& changes, Revision revision_after);

    // Deletes the leader group named `name` with everything it wrote and every phone in it, in
    // one transaction, then VACUUMs and truncates the WAL so no deleted text stays in the files.
    // Only with no hub running on this store (the CLI's `samling delete --group`).
    Result<ErasedGroup> erase_group(const std::string& name);

    int schema_version() const;
    const std::filesystem::path& path() const { return db_path_; }

private:
    Store(sqlite3* db, std::optional<platform::FileLock> lock, std::filesystem::path db_path);
    Status exec(const char* sql);
    Status migrate();
    Status check();
    Status hash_secrets();  // the migration to schema::secrets_hashed  // PRAGMA quick_check: the whole file is
                            // readable and well-formed
    Status write(const Change& change);
    Error damaged(const std::string& why) const;  // the one line a damaged file gets

    sqlite3* db_;
    std::optional<platform::FileLock> lock_;  // the single writer's, for its whole life; none read-only
    std::filesystem::path db_path_;
};

}  // namespace samling
