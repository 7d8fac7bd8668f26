// Backups through SQLite itself: VACUUM INTO for a consistent one-file copy from a reader (the
// running Samling's writer never waits), integrity_check before anything is restored.
#include "store/backup.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>

#include "platform/platform.hpp"
#include "store/schema.hpp"
#include "store/statement.hpp"
#include "store/store.hpp"

namespace samling {
namespace fs = std::filesystem;
namespace {

Error failed(std::string message) {
    return make_error(Errc::storage_failed, std::move(message));
}

// An open connection, closed on every path.
struct Db {
    sqlite3* handle = nullptr;
    ~Db() { sqlite3_close_v2(handle); }
    std::string error() const { return handle ? sqlite3_errmsg(handle) : "out of memory"; }
};

bool exec(sqlite3* db, const std::string& sql) {
    return sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
}

std::int64_t count(sqlite3* db, const char* table) {
    Statement s(db, std::string("SELECT count(*) FROM ") + table);
    return s.step() == SQLITE_ROW ? s.integer(0) : -1;
}

// Where the store's own name would not be wrong: a copy being written, never a half store.
fs::path partial_of(const fs::path& p) {
    return p.string() + ".partial";
}

std::string utc_stamp() {
    using namespace std::chrono;
    const auto now = floor<seconds>(system_clock::now());
    const auto day = floor<days>(now);
    const year_month_day date(day);
    const hh_mm_ss time(now - day);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02u%02u-%02d%02d%02d", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()));
    return buf;
}

}  // namespace

Result<BackupInfo> backup_store(const fs::path& data_dir, const fs::path& out) {
    const fs::path source = data_dir / Store::database_file;
    std::error_code ec;
    if (!fs::is_regular_file(source, ec)) return failed("no Samling store in " + data_dir.string());
    if (fs::exists(out, ec)) return failed(out.string() + " exists already: choose a new file name");
    const fs::path partial = partial_of(out);
    fs::remove(partial, ec);
    {
        Db db;
        if (sqlite3_open_v2(sqlite_name(source).c_str(), &db.handle, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
            return failed("cannot read " + source.string() + ": " + db.error());
        sqlite3_busy_timeout(db.handle, 5000);
        Statement into(db.handle, "VACUUM INTO ?");
        if (!into.bind(1, sqlite_name(partial)).run()) {
            std::string why = into.error();
            fs::remove(partial, ec);
            return failed("cannot write the backup " + out.string() + ": " + why);
        }
    }
    {
        // One self-contained file: no WAL beside it to forget when it is copied.
        Db copy;
        if (sqlite3_open_v2(sqlite_name(partial).c_str(), &copy.handle, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK ||
            !exec(copy.handle, "PRAGMA journal_mode=DELETE")) {
            std::string why = copy.error();
            fs::remove(partial, ec);
            return failed("cannot write the backup " + out.string() + ": " + why);
        }
    }
    if (!platform::sync_file(partial)) {
        fs::remove(partial, ec);
        return failed("cannot sync the backup " + out.string() + ": " + std::strerror(errno));
    }
    fs::rename(partial, out, ec);
    if (ec) {
        fs::remove(partial, ec);
        return failed("cannot name the backup " + out.string() + ": " + ec.message());
    }
    platform::sync_folder(out.parent_path().empty() ? fs::path(".") : out.parent_path());
    return check_backup(out);
}

Result<BackupInfo> check_backup(const fs::path& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return failed("no such backup file: " + file.string());
    BackupInfo info;
    info.bytes = fs::file_size(file, ec);
    Db db;
    // Read-only and immutable: checking a backup must never change it, nor leave a -wal beside it.
    const std::string uri = "file:" + sqlite_name(file) + "?immutable=1";
    if (sqlite3_open_v2(uri.c_str(), &db.handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) != SQLITE_OK)
        return failed("cannot read " + file.string() + ": " + db.error());
    {
        Statement check(db.handle, "PRAGMA integrity_check");
        int rc = check.step();
        if (rc != SQLITE_ROW || check.text(0) != "ok")
            return failed(file.string() + " is damaged or not a Samling backup (" +
                          (rc == SQLITE_ROW ? check.text(0) : check.error()) + "): nothing was restored");
    }
    {
        Statement version(db.handle, "PRAGMA user_version");
        info.schema = version.step() == SQLITE_ROW ? static_cast<int>(version.integer(0)) : -1;
    }
    const int ours = static_cast<int>(schema::migrations.size());
    if (info.schema > ours)
        return failed(file.string() + " was written by a newer Samling (schema " + std::to_string(info.schema) +
                      ", this one knows " + std::to_string(ours) + "): upgrade Samling to restore it");
    info.notes = count(db.handle, "notes");
    info.participants = count(db.handle, "participants");
    info.runs = count(db.handle, "exercise_runs");
    info.groups = count(db.handle, "leader_groups");
    if (info.schema < 1 || info.notes < 0 || info.groups < 0)
        return failed(file.string() + " is not a Samling store: nothing was restored");
    return info;
}

Result<BackupInfo> restore_store(const fs::path& file, const fs::path& data_dir, bool replace) {
    auto info = check_backup(file);
    if (!info) return info.error();
    std::error_code ec;
    fs::create_directories(data_dir, ec);
    // The same lock a running Samling holds: restoring under its feet would lose its writes.
    const platform::FileLock lock(data_dir / Store::lock_file);
    if (lock.state() == platform::FileLock::State::busy)
        return failed("Samling is running on " + data_dir.string() + ": stop it, then restore");
    if (lock.state() != platform::FileLock::State::held)
        return failed("cannot use data folder " + data_dir.string() + ": " + lock.error());

    const fs::path target = data_dir / Store::database_file;
    if (fs::exists(target, ec) && fs::file_size(target, ec) > 0) {
        if (!replace)
            return failed(data_dir.string() + " holds a programme already: add --replace to put the backup in its " +
                          "place (the programme there is kept first in " + (data_dir / "backups").string() + ")");
        if (auto kept = backup_automatically(data_dir, "before-restore", backups_kept + 1); !kept)
            return failed("cannot keep the programme there before replacing it: " + kept.error().message);
    }
    const fs::path partial = partial_of(target);
    fs::remove(partial, ec);
    fs::copy_file(file, partial, ec);
    if (ec || !platform::sync_file(partial)) {
        fs::remove(partial, ec);
        return failed("cannot copy " + file.string() + " into " + data_dir.string() + ": " + ec.message());
    }
    // The old store's WAL belongs to the old file: left beside the new one it would be replayed.
    for (const char* suffix : {"-wal", "-shm"}) fs::remove(target.string() + suffix, ec);
    fs::rename(partial, target, ec);
    if (ec) return failed("cannot put the backup in place: " + ec.message());
    platform::sync_folder(data_dir);
    return info;
}

std::vector<fs::path> automatic_backups(const fs::path& data_dir) {
    std::vector<fs::path> found;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(data_dir / "backups", ec)) {
        const std::string name = e.path().filename().string();
        if (e.is_regular_file() && name.starts_with("samling-") && name.ends_with(".sqlite3"))
            found.push_back(e.path());
    }
    std::sort(found.begin(), found.end());  // the UTC time in the name sorts as the time
    return found;
}

Result<fs::path> backup_automatically(const fs::path& data_dir, const std::string& reason, int keep) {
    std::error_code ec;
    fs::create_directories(data_dir / "backups", ec);
    fs::path out = data_dir / "backups" / ("samling-" + utc_stamp() + "-" + reason + ".sqlite3");
    for (int n = 2; fs::exists(out, ec); ++n)  // two in one second: a gathering opened twice
        out = data_dir / "backups" / ("samling-" + utc_stamp() + "-" + reason + "-" + std::to_string(n) + ".sqlite3");
    if (auto made = backup_store(data_dir, out); !made) return made.error();
    auto all = automatic_backups(data_dir);
    for (std::size_t i = 0; i + static_cast<std::size_t>(keep) < all.size(); ++i) fs::remove(all[i], ec);
    return out;
}

}  // namespace samling
