// One set of deletes for a leader group, used on the live store and on each backup, so both
// leave the same nothing behind: rows in one transaction, then VACUUM (no free page keeps the
// text) and, on the live store, a WAL checkpoint that truncates the WAL to nothing.
#include "store/erase_group.hpp"

#include <sqlite3.h>

#include <optional>

#include "core/text.hpp"
#include "platform/platform.hpp"
#include "store/backup.hpp"
#include "store/statement.hpp"
#include "store/store.hpp"

namespace samling {
namespace fs = std::filesystem;
namespace {

Error erase_failed(std::string message) {
    return make_error(Errc::storage_failed, std::move(message));
}

bool exec(sqlite3* db, const char* sql) {
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

// The group's id and stored name, matched as the room matches names ("ås skole" finds "Ås skole").
std::optional<std::pair<Id, std::string>> find_group(sqlite3* db, const std::string& name) {
    const std::string wanted = text::name_key(name);
    std::optional<std::pair<Id, std::string>> found;
    Statement s(db, "SELECT id, name FROM leader_groups ORDER BY id");
    s.each_row([&](Statement& r) {
        if (!found && text::name_key(r.text(1)) == wanted) found.emplace(r.integer(0), r.text(1));
    });
    return found;
}

// Children before parents (foreign keys are on): what points at the group's runs and phones,
// then the runs, the phones and the group. Votes a phone of this group gave in another
// group's run go too; notes a phone moved here wrote in another group's run stay there.
Result<ErasedGroup> delete_rows(sqlite3* db, Id group, const std::string& name) {
    ErasedGroup e;
    e.id = group;
    e.name = name;
    {
        Statement runs(db, "SELECT id FROM exercise_runs WHERE group_id = ? ORDER BY id");
        runs.bind(1, group);
        if (!runs.each_row([&](Statement& r) { e.run_ids.push_back(r.integer(0)); })) return erase_failed(runs.error());
    }
    constexpr const char* runs = "(SELECT id FROM exercise_runs WHERE group_id = ?1)";
    constexpr const char* phones = "(SELECT id FROM participants WHERE group_id = ?1)";
    const std::string notes = std::string("(SELECT id FROM notes WHERE run_id IN ") + runs + ")";
    struct Step {
        std::string sql;
        std::int64_t* count;
    };
    const Step steps[] = {
        {"DELETE FROM votes WHERE note_id IN " + notes + " OR participant_id IN " + phones, &e.votes},
        {std::string("DELETE FROM done_marks WHERE run_id IN ") + runs + " OR participant_id IN " + phones, nullptr},
        {std::string("DELETE FROM measure_reports WHERE run_id IN ") + runs, nullptr},
        {std::string("DELETE FROM indicator_values WHERE run_id IN ") + runs + " OR note_id IN " + notes, nullptr},
        {"DELETE FROM indicators WHERE note_id IN " + notes, nullptr},
        {std::string("DELETE FROM notes WHERE run_id IN ") + runs, &e.notes},
        {std::string("DELETE FROM clusters WHERE run_id IN ") + runs, nullptr},
        {std::string("DELETE FROM conclusions WHERE run_id IN ") + runs, nullptr},
        {"DELETE FROM exercise_runs WHERE group_id = ?1", &e.runs},
        {"DELETE FROM table_leads WHERE group_id = ?1", nullptr},
        {"DELETE FROM participants WHERE group_id = ?1", &e.participants},
        {"DELETE FROM leader_groups WHERE id = ?1", nullptr},
        {"UPDATE meta SET value = value + 1 WHERE key = 'revision'", nullptr},
    };
    for (const Step& step : steps) {
        Statement s(db, step.sql);
        if (step.sql.find("?1") != std::string::npos) s.bind(1, group);
        if (!s.valid() || !s.run()) return erase_failed(s.error());
        if (step.count) *step.count = sqlite3_changes(db);
    }
    return e;
}

// Deletes in one transaction, then leaves no trace in free pages.
Result<ErasedGroup> erase(sqlite3* db, Id group, const std::string& name, const std::string& file) {
    // Deleted cells are zeroed as they go, and VACUUM then rebuilds the file without free pages.
    if (!exec(db, "PRAGMA secure_delete=ON") || !exec(db, "BEGIN IMMEDIATE"))
        return erase_failed(file + ": " + sqlite3_errmsg(db));
    auto e = delete_rows(db, group, name);
    if (!e) {
        exec(db, "ROLLBACK");
        return erase_failed(file + ": " + e.error().message);
    }
    if (!exec(db, "COMMIT")) {
        exec(db, "ROLLBACK");
        return erase_failed(file + ": " + sqlite3_errmsg(db));
    }
    if (!exec(db, "VACUUM"))
        return erase_failed(file + ": the group is deleted, but VACUUM failed: " + sqlite3_errmsg(db));
    return e;
}

}  // namespace

Result<ErasedGroup> Store::erase_group(const std::string& name) {
    const auto found = find_group(db_, name);
    if (!found) {
        std::string names;
        Statement s(db_, "SELECT name FROM leader_groups ORDER BY id");
        s.each_row([&](Statement& r) { names += (names.empty() ? "" : ", ") + r.text(0); });
        return make_error(Errc::group_not_found, "no leader group named \"" + name + "\" in " + db_path_.string() +
                                                     " (groups: " + (names.empty() ? "none" : names) + ")");
    }
    auto e = erase(db_, found->first, found->second, db_path_.string());
    if (!e) return e;
    // The WAL still holds the pages as they were before: copied into the file, then cut to nothing.
    Statement checkpoint(db_, "PRAGMA wal_checkpoint(TRUNCATE)");
    if (checkpoint.step() != SQLITE_ROW || checkpoint.integer(0) != 0)
        return erase_failed(db_path_.string() +
                            ": the group is deleted, but the WAL could not be emptied: " + checkpoint.error());
    return e;
}

std::vector<fs::path> backups_holding_group(const fs::path& data_dir, const std::string& name) {
    std::vector<fs::path> holding;
    for (const fs::path& file : automatic_backups(data_dir)) {
        sqlite3* db = nullptr;
        // immutable: reading a backup never changes it, nor leaves a journal beside it.
        const std::string uri = "file:" + file.string() + "?immutable=1";
        if (sqlite3_open_v2(uri.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) == SQLITE_OK &&
            find_group(db, name))
            holding.push_back(file);
        sqlite3_close_v2(db);
    }
    return holding;
}

Status erase_group_from_backup(const fs::path& file, const std::string& name) {
    std::error_code ec;
    const fs::path work = file.string() + ".erasing";
    fs::remove(work, ec);
    const auto drop = [&](std::string why) {
        std::error_code e;
        fs::remove(work, e);
        return erase_failed(file.string() + ": " + why + " (the backup is left as it was)");
    };
    // The deletes run on a copy, so the backup is whole at every moment until it is replaced.
    fs::copy_file(file, work, ec);
    if (ec) return drop(ec.message());
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(sqlite_name(work).c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        sqlite3_close_v2(db);
        return drop("cannot open it");
    }
    const auto found = find_group(db, name);
    std::optional<Error> problem;
    if (found)
        if (auto e = erase(db, found->first, found->second, file.string()); !e) problem = e.error();
    sqlite3_close_v2(db);
    if (problem) return drop(problem->message);
    if (!found) {
        fs::remove(work, ec);
        return Ok{};
    }
    if (!platform::sync_file(work)) return drop("cannot sync the new copy");
    if (auto checked = check_backup(work); !checked) return drop(checked.error().message);
    fs::rename(work, file, ec);
    if (ec) return drop(ec.message());
    return Ok{};
}

}  // namespace samling
