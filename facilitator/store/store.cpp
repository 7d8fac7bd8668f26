// SQLite persistence. One writer (the hub's writer thread) after load(); a lock file keeps a
// second Samling off the same data folder, since two writers would each think they own it.
#include "store/store.hpp"

#include "core/measures.hpp"

#include "platform/platform.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <system_error>

#include <nlohmann/json.hpp>

#include "core/overloaded.hpp"
#include "core/sha256.hpp"
#include "store/schema.hpp"
#include "store/statement.hpp"

namespace samling {
namespace {

Error storage_error(std::string message) {
    return make_error(Errc::storage_failed, std::move(message));
}

// A note's fields are few and read whole, so one JSON text column holds them.
std::string fields_to_json(const NoteFields& fields) {
    return nlohmann::json(fields).dump();
}

NoteFields fields_from_json(const std::string& text) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    NoteFields out;
    if (j.is_object())
        for (auto& [k, v] : j.items())
            if (v.is_string()) out[k] = v.get<std::string>();
    return out;
}

// The loaders in order; the first that fails stops the rest.
Status in_order(std::initializer_list<std::function<Status()>> steps) {
    for (const auto& step : steps)
        if (auto s = step(); !s) return s;
    return Ok{};
}

}  // namespace

Error Store::damaged(const std::string& why) const {
    return storage_error(db_path_.string() + " is damaged (" + why +
                         "). Samling did not start on it, and has not changed it. Restore the last backup with "
                         "samling restore FILE --replace (the automatic ones are in the backups folder beside it): "
                         "README, \"When the store is damaged\".");
}

Store::Store(sqlite3* db, std::optional<platform::FileLock> lock, std::filesystem::path db_path)
    : db_(db), lock_(std::move(lock)), db_path_(std::move(db_path)) {}

Store::~Store() {
    sqlite3_close_v2(db_);  // before lock_ goes: the next writer finds the store closed
}

Result<std::unique_ptr<Store>> Store::open(const std::filesystem::path& data_dir, const StoreTuning& tuning,
                                           EmptyFile empty) {
    std::error_code ec;
    std::filesystem::create_directories(data_dir, ec);
    if (ec || !std::filesystem::is_directory(data_dir))
        return storage_error("cannot use data folder " + data_dir.string() + ": " +
                             (ec ? ec.message() : "not a folder"));

    // A folder (and store files) made by an older Samling, or by hand, may be readable by all:
    // the data folder is the facilitator's alone.
    constexpr auto others = std::filesystem::perms::group_all | std::filesystem::perms::others_all;
    std::filesystem::permissions(data_dir, others, std::filesystem::perm_options::remove, ec);
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::permissions(data_dir / (std::string(database_file) + suffix), others,
                                     std::filesystem::perm_options::remove, ec);
    const auto lock_path = data_dir / lock_file;
    platform::FileLock lock(lock_path);
    if (lock.state() == platform::FileLock::State::busy)
        return storage_error("another Samling is already using the data folder " + data_dir.string());
    if (lock.state() != platform::FileLock::State::held)
        return storage_error("cannot use data folder " + data_dir.string() + ": " + lock.error());

    const auto db_path = data_dir / database_file;
    if (std::error_code size_ec; empty == EmptyFile::refuse && std::filesystem::exists(db_path, size_ec) &&
                                 std::filesystem::file_size(db_path, size_ec) == 0 && !size_ec) {
        return storage_error(db_path.string() +
                             " is empty (an interrupted copy?): restore it from a backup, or start with --new to "
                             "begin a new room there");
    }
    // A WAL holds the newest commits; without its database SQLite would start a new, empty file
    // and discard it. That is a copy that missed its main file, never a new room.
    if (std::error_code wal_ec; !std::filesystem::exists(db_path, wal_ec) &&
                                std::filesystem::file_size(db_path.string() + "-wal", wal_ec) > 0 && !wal_ec) {
        return storage_error(data_dir.string() + " holds " + db_path.filename().string() + "-wal but not " +
                             db_path.filename().string() +
                             " (a copy that missed the main file?): copy the whole folder again, or restore a "
                             "backup (samling restore)");
    }
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(sqlite_name(db_path).c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, tuning.vfs) !=
        SQLITE_OK) {
        std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close_v2(db);
        return storage_error("cannot open " + db_path.string() + ": " + msg);
    }
    std::unique_ptr<Store> store(new Store(db, std::move(lock), db_path));

    // WAL keeps readers off the writer's back; FULL syncs the WAL on every commit, which is
    // what makes an acknowledged note survive power loss, not only a crash.
    {
        Statement wal(db, "PRAGMA journal_mode=WAL");
        if (wal.step() != SQLITE_ROW || wal.text(0) != "wal") {
            if (const int rc = sqlite3_errcode(db); rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
                return store->damaged(sqlite3_errmsg(db));
            return storage_error("cannot use " + db_path.string() + ": " + sqlite3_errmsg(db));
        }
    }
    if (auto s = store->check(); !s) return s.error();
    const char* sync = tuning.full_sync ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL";
    // secure_delete: a deleted note or participant is overwritten with zeros, not left readable
    // in a free page of the file.
    for (const char* pragma : {sync, "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=5000", "PRAGMA secure_delete=ON"})
        if (auto s = store->exec(pragma); !s) return s.error();
    if (auto s = store->migrate(); !s) return s.error();
    return store;
}

bool Store::in_use(const std::filesystem::path& data_dir) {
    std::error_code ec;
    if (!std::filesystem::exists(data_dir / lock_file, ec)) return false;  // never opened: nobody holds it
    // Taken for a moment and let go: busy means another Samling holds the folder.
    return platform::FileLock(data_dir / lock_file).state() == platform::FileLock::State::busy;
}

Result<std::unique_ptr<Store>> Store::open_read_only(const std::filesystem::path& data_dir) {
    const auto db_path = data_dir / database_file;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(db_path, ec))
        return storage_error("no Samling store in " + data_dir.string());
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(sqlite_name(db_path).c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close_v2(db);
        return storage_error("cannot open " + db_path.string() + ": " + msg);
    }
    std::unique_ptr<Store> store(new Store(db, std::nullopt, db_path));
    if (store->schema_version() != static_cast<int>(schema::migrations.size()))
        return storage_error(db_path.string() + " has another schema version; start Samling on it once to upgrade");
    return store;
}

// SQLite's quick_check reads every page and checks each b-tree's structure (not the indexes'
// contents, which integrity_check adds at several times the cost): enough to refuse a file with
// a bad sector before any phone is told its notes are safe.
Status Store::check() {
    Statement s(db_, "PRAGMA quick_check");
    std::string first;
    int problems = 0;
    if (!s.each_row([&](Statement& r) {
            if (r.text(0) != "ok" && problems++ == 0) first = r.text(0);
        }))
        return damaged(s.error());
    if (problems > 0)
        return damaged(first + (problems > 1 ? " and " + std::to_string(problems - 1) + " more problems" : ""));
    return Ok{};
}

Status Store::exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errmsg(db_);
        sqlite3_free(err);
        return storage_error(db_path_.string() + ": " + msg);
    }
    return Ok{};
}

int Store::schema_version() const {
    Statement s(db_, "PRAGMA user_version");
    return s.step() == SQLITE_ROW ? static_cast<int>(s.integer(0)) : -1;
}

Status Store::migrate() {
    const int have = schema_version();
    const int want = static_cast<int>(schema::migrations.size());
    if (have > want)
        return storage_error(db_path_.string() + " was written by a newer Samling (schema " + std::to_string(have) +
                             "); upgrade Samling to open it");
    for (int v = have; v < want; ++v) {
        // Each migration and its version bump commit together, or not at all.
        if (auto s = exec("BEGIN IMMEDIATE"); !s) return s;
        const std::string bump = "PRAGMA user_version=" + std::to_string(v + 1);
        if (auto s = exec(schema::migrations[static_cast<std::size_t>(v)]); !s) {
            (void)exec("ROLLBACK");
            return s;
        }
        if (v + 1 == schema::secrets_hashed)
            if (auto s = hash_secrets(); !s) {
                (void)exec("ROLLBACK");
                return s;
            }
        if (auto s = exec(bump.c_str()); !s) {
            (void)exec("ROLLBACK");
            return s;
        }
        if (auto s = exec("COMMIT"); !s) return s;
    }
    return Ok{};
}

// Every secret written before version 5 is a clear one: each becomes its digest, so the tokens
// phones hold keep working and the file no longer holds them.
Status Store::hash_secrets() {
    std::vector<std::pair<Id, std::string>> clear;
    {
        Statement s(db_, "SELECT id, secret_hash FROM participants");
        if (!s.each_row([&](Statement& r) { clear.emplace_back(r.integer(0), r.text(1)); }))
            return storage_error(db_path_.string() + ": " + s.error());
    }
    for (const auto& [id, secret] : clear) {
        Statement s(db_, "UPDATE participants SET secret_hash = ? WHERE id = ?");
        if (!s.bind(1, sha256_hex(secret)).bind(2, id).run())
            return storage_error(db_path_.string() + ": " + s.error());
    }
    return Ok{};
}

Result<Workshop> Store::load(std::shared_ptr<const ExerciseCatalog> catalog) {
    // Rebuilds the state by applying, in id order, the changes that would have made it. Every
    // table is read to its end or the load fails: a damaged page must never show as a room with
    // fewer notes.
    Workshop w(std::move(catalog));
    const auto rows = [this](std::string_view sql, const auto& row) -> Status {
        Statement s(db_, sql);
        if (!s.each_row(row)) return damaged(s.error());
        return Ok{};
    };
    std::map<Id, std::vector<std::string>> agendas;
    const Status read = in_order({
        [&] {
            return rows("SELECT code, name, language FROM room WHERE id = 1", [&](Statement& s) {
                w.apply(
                    change::RoomOpened{Room{s.text(0), s.text(1), parse_language(s.text(2)).value_or(Language::nb)}});
            });
        },
        [&] {
            return rows("SELECT id, name, services, project, archived FROM leader_groups ORDER BY id",
                        [&](Statement& s) {
                            w.apply(change::GroupAdded{
                                LeaderGroup{s.integer(0), s.text(1), s.text(2), s.text(3), s.integer(4) != 0}});
                        });
        },
        [&] {
            return rows("SELECT id, number, title, date, archived FROM gatherings ORDER BY id", [&](Statement& s) {
                w.apply(change::GatheringSaved{
                    Gathering{s.integer(0), static_cast<int>(s.integer(1)), s.text(2), s.text(3), s.integer(4) != 0}});
            });
        },
        [&] {
            return rows("SELECT name, open_gathering, retention_months, pulse_threshold FROM programme WHERE id = 1",
                        [&](Statement& s) {
                            w.apply(change::ProgrammeNamed{s.text(0)});
                            if (s.integer(1) != 0) w.apply(change::GatheringOpened{s.integer(1)});
                            if (s.integer(2) != 0) w.apply(change::RetentionSet{static_cast<int>(s.integer(2))});
                            w.apply(change::PulseThresholdSet{static_cast<int>(s.integer(3))});
                        });
        },
        [&] {
            const Status st = rows("SELECT gathering_id, exercise FROM agenda_items ORDER BY gathering_id, position",
                                   [&](Statement& s) { agendas[s.integer(0)].push_back(s.text(1)); });
            for (auto& [gathering, exercises] : agendas) w.apply(change::AgendaSet{gathering, std::move(exercises)});
            return st;
        },
        [&] {
            return rows("SELECT id, group_id, name, secret_hash, joined_at, removed FROM participants ORDER BY id",
                        [&](Statement& s) {
                            w.apply(change::ParticipantJoined{Participant{s.integer(0), s.integer(1), s.text(2),
                                                                          s.text(3), s.integer(4), s.integer(5) != 0}});
                        });
        },
        [&] {
            return rows("SELECT group_id, lead, asked FROM table_leads ORDER BY group_id", [&](Statement& s) {
                w.apply(change::LeadSet{s.integer(0), TableLead{s.integer(1), s.integer(2)}});
            });
        },
        [&] {
            return rows(
                "SELECT id, group_id, exercise, step, started_at, writing_locked, timer_duration_ms, "
                "timer_elapsed_ms, timer_running_since, gathering_id, concluded_at FROM exercise_runs ORDER BY id",
                [&](Statement& s) {
                    w.apply(change::ExerciseStarted{
                        ExerciseRun{s.integer(0), s.integer(1), s.text(2), static_cast<int>(s.integer(3)), s.integer(4),
                                    s.integer(5) != 0, Timer{s.integer(6), s.integer(7), s.integer(8)}, s.integer(9),
                                    s.integer(10)}});
                });
        },
        [&] {
            // A current run the facilitator chose (reopened, or none after an undone start).
            return rows("SELECT id, current_run FROM leader_groups WHERE current_run IS NOT NULL ORDER BY id",
                        [&](Statement& s) {
                            w.apply(change::RunReopened{s.integer(0), s.integer(1)});
                        });
        },
        [&] {
            return rows("SELECT id, run_id, zone, name FROM clusters ORDER BY id", [&](Statement& s) {
                w.apply(change::ClusterMade{Cluster{s.integer(0), s.integer(1), s.text(2), s.text(3)}});
            });
        },
        [&] {
            return rows(
                "SELECT id, run_id, author, client_id, text, zone, created_at, updated_at, deleted, revealed, "
                "highlighted, x, y, cluster_id, parent_id, merged_into, step, fields FROM notes ORDER BY id",
                [&](Statement& s) {
                    Note n;
                    n.id = s.integer(0);
                    n.run = s.integer(1);
                    n.author = s.integer(2);
                    n.client_id = s.text(3);
                    n.text = s.text(4);
                    n.zone = s.text(5);
                    n.created_at = s.integer(6);
                    n.updated_at = s.integer(7);
                    n.deleted = s.integer(8) != 0;
                    n.revealed = s.integer(9) != 0;
                    n.highlighted = s.integer(10) != 0;
                    n.x = s.real(11);
                    n.y = s.real(12);
                    n.cluster = s.integer(13);
                    n.parent = s.integer(14);
                    n.merged_into = s.integer(15);
                    n.step = static_cast<int>(s.integer(16));
                    n.fields = fields_from_json(s.text(17));
                    w.apply(change::NoteAdded{std::move(n)});
                });
        },
        [&] {
            return rows("SELECT note_id, participant_id, dots FROM votes ORDER BY note_id, participant_id",
                        [&](Statement& s) {
                            for (std::int64_t i = 0; i < s.integer(2); ++i)
                                w.apply(change::VoteCast{s.integer(0), s.integer(1)});
                        });
        },
        [&] {
            return rows("SELECT id, name, secret_hash, paired_at, revoked FROM remotes ORDER BY id", [&](Statement& s) {
                w.apply(
                    change::RemotePaired{Remote{s.integer(0), s.text(1), s.text(2), s.integer(3), s.integer(4) != 0}});
            });
        },
        [&] {
            // Only the newest message is shown; the older rows are gone already (see BroadcastSent).
            return rows("SELECT id, text, groups, sent_at FROM broadcasts ORDER BY id", [&](Statement& s) {
                BroadcastMessage m{s.integer(0), s.text(1), {}, s.integer(3)};
                const std::string groups = s.text(2);
                for (std::size_t at = 0; at < groups.size();) {
                    const std::size_t comma = std::min(groups.find(',', at), groups.size());
                    m.groups.push_back(std::stoll(groups.substr(at, comma - at)));
                    at = comma + 1;
                }
                w.apply(change::BroadcastSent{std::move(m)});
            });
        },
        [&] {
            return rows("SELECT run_id, respondent, statement, value FROM pulse_answers", [&](Statement& s) {
                w.apply(change::PulseAnswered{s.integer(0), s.text(1), s.text(2), static_cast<int>(s.integer(3))});
            });
        },
        [&] {
            return rows(
                "SELECT run_id, note_id, status, text, updated_at FROM measure_reports ORDER BY run_id, note_id",
                [&](Statement& s) {
                    const auto status = parse_measure_status(s.text(2));
                    w.apply(change::MeasureReported{
                        s.integer(0),
                        s.integer(1),
                        {status.value_or(MeasureStatus::not_started), s.text(3), s.integer(4)}});
                });
        },
        [&] {
            // Each value brings its measure's figures with it, as the change that wrote them.
            return rows(
                "SELECT v.run_id, v.note_id, v.value, v.updated_at, coalesce(i.unit, ''), i.baseline, i.target, "
                "coalesce(i.source, '') FROM indicator_values v LEFT JOIN indicators i ON i.note_id = v.note_id "
                "ORDER BY v.run_id, v.note_id",
                [&](Statement& s) {
                    w.apply(change::IndicatorReported{s.integer(0),
                                                      s.integer(1),
                                                      {s.real(2), s.integer(3)},
                                                      {s.text(4), s.text(7), s.maybe_real(5), s.maybe_real(6)}});
                });
        },
        [&] {
            return rows(
                "SELECT run_id, field, text, updated_at FROM conclusions ORDER BY run_id, field", [&](Statement& s) {
                    w.apply(change::ConclusionSet{ConclusionField{s.integer(0), s.text(1), s.text(2), s.integer(3)}});
                });
        },
        [&] {
            return rows(
                "SELECT run_id, step, participant_id FROM done_marks ORDER BY run_id, step, participant_id",
                [&](Statement& s) {
                    w.apply(change::DoneMarked{s.integer(0), static_cast<int>(s.integer(1)), s.integer(2), true});
                });
        },
    });
    if (!read) return read.error();
    std::optional<Revision> revision;
    if (auto st = rows("SELECT value FROM meta WHERE key = 'revision'", [&](Statement& s) { revision = s.integer(0); });
        !st)
        return st.error();
    if (!revision) return damaged("no revision in the meta table");
    // The stored revision, not the count of rows replayed: phones compare against it.
    w.set_revision(*revision);
    return w;
}

Status Store::write(const Change& change) {
    const auto run = [&](Statement& s) -> Status {
        if (!s.valid() || !s.run()) return storage_error(db_path_.string() + ": " + s.error());
        return Ok{};
    };
    const auto timer_update = [&](Id run_id, const Timer& t) {
        Statement s(db_,
                    "UPDATE exercise_runs SET timer_duration_ms = ?, timer_elapsed_ms = ?, "
                    "timer_running_since = ? WHERE id = ?");
        s.bind(1, t.duration_ms).bind(2, t.elapsed_ms).bind(3, t.running_since).bind(4, run_id);
        return run(s);
    };
    return std::visit(
        overloaded{
            [&](const change::RoomOpened& c) {
                // `open` is always 1: a room is open while it exists (the column stays for old stores).
                Statement s(db_, "INSERT OR REPLACE INTO room (id, code, name, language, open) VALUES (1, ?, ?, ?, 1)");
                s.bind(1, c.room.code).bind(2, c.room.name).bind(3, to_string(c.room.language));
                return run(s);
            },
            [&](const change::GroupAdded& c) {
                Statement s(db_,
                            "INSERT INTO leader_groups (id, name, services, project, archived) VALUES (?, ?, ?, ?, ?)");
                s.bind(1, c.group.id).bind(2, c.group.name).bind(3, c.group.services).bind(4, c.group.project);
                s.bind(5, c.group.archived ? 1 : 0);
                return run(s);
            },
            [&](const change::GroupEdited& c) {
                Statement s(db_,
                            "UPDATE leader_groups SET name = ?, services = ?, project = ?, archived = ? WHERE id = ?");
                s.bind(1, c.group.name).bind(2, c.group.services).bind(3, c.group.project);
                s.bind(4, c.group.archived ? 1 : 0).bind(5, c.group.id);
                return run(s);
            },
            [&](const change::GroupArchived& c) {
                Statement s(db_, "UPDATE leader_groups SET archived = ? WHERE id = ?");
                s.bind(1, c.archived ? 1 : 0).bind(2, c.group);
                return run(s);
            },
            [&](const change::GroupDeleted& c) {
                // Children first: the group wrote nothing (the core checks), so only its empty
                // runs' marks and clusters, its runs and its people go with it.
                for (const char* sql :
                     {"DELETE FROM done_marks WHERE run_id IN (SELECT id FROM exercise_runs WHERE group_id = ?1)",
                      "DELETE FROM pulse_answers WHERE run_id IN (SELECT id FROM exercise_runs WHERE group_id = ?1)",
                      "DELETE FROM measure_reports WHERE run_id IN (SELECT id FROM exercise_runs WHERE group_id = ?1)",
                      "DELETE FROM indicator_values WHERE run_id IN (SELECT id FROM exercise_runs WHERE group_id = ?1)",
                      "DELETE FROM conclusions WHERE run_id IN (SELECT id FROM exercise_runs WHERE group_id = ?1)",
                      "DELETE FROM clusters WHERE run_id IN (SELECT id FROM exercise_runs WHERE group_id = ?1)",
                      "DELETE FROM exercise_runs WHERE group_id = ?1", "DELETE FROM table_leads WHERE group_id = ?1",
                      "DELETE FROM participants WHERE group_id = ?1", "DELETE FROM leader_groups WHERE id = ?1"}) {
                    Statement s(db_, sql);
                    s.bind(1, c.group);
                    if (auto st = run(s); !st) return st;
                }
                return Status(Ok{});
            },
            [&](const change::RunReopened& c) {
                Statement s(db_, "UPDATE leader_groups SET current_run = ? WHERE id = ?");
                s.bind(1, c.run).bind(2, c.group);
                return run(s);
            },
            [&](const change::RoomChanged& c) {
                Statement s(db_, "UPDATE room SET name = ?, language = ? WHERE id = 1");
                s.bind(1, c.name).bind(2, to_string(c.language));
                return run(s);
            },
            [&](const change::GatheringArchived& c) {
                Statement s(db_, "UPDATE gatherings SET archived = ? WHERE id = ?");
                s.bind(1, c.archived ? 1 : 0).bind(2, c.gathering);
                return run(s);
            },
            [&](const change::GatheringDeleted& c) {
                for (const char* sql :
                     {"DELETE FROM agenda_items WHERE gathering_id = ?1", "DELETE FROM gatherings WHERE id = ?1",
                      "UPDATE programme SET open_gathering = 0 WHERE open_gathering = ?1"}) {
                    Statement s(db_, sql);
                    s.bind(1, c.gathering);
                    if (auto st = run(s); !st) return st;
                }
                return Status(Ok{});
            },
            [&](const change::ParticipantMoved& c) {
                Statement s(db_, "UPDATE participants SET group_id = ? WHERE id = ?");
                s.bind(1, c.group).bind(2, c.participant);
                return run(s);
            },
            [&](const change::RemotePaired& c) {
                const Remote& r = c.remote;
                Statement s(db_,
                            "INSERT INTO remotes (id, name, secret_hash, paired_at, revoked) VALUES (?, ?, ?, ?, ?)");
                s.bind(1, r.id).bind(2, r.name).bind(3, r.secret_hash).bind(4, r.paired_at).bind(5, r.revoked ? 1 : 0);
                return run(s);
            },
            [&](const change::RemoteRevoked& c) {
                Statement s(db_, "UPDATE remotes SET revoked = 1 WHERE id = ?");
                s.bind(1, c.remote);
                return run(s);
            },
            [&](const change::BroadcastSent& c) {
                // A new message replaces the one before: the store keeps no history of them.
                Statement clear(db_, "DELETE FROM broadcasts");
                if (auto st = run(clear); !st) return st;
                std::string groups;
                for (Id g : c.message.groups) groups += (groups.empty() ? "" : ",") + std::to_string(g);
                Statement s(db_, "INSERT INTO broadcasts (id, text, groups, sent_at) VALUES (?, ?, ?, ?)");
                s.bind(1, c.message.id).bind(2, c.message.text).bind(3, groups).bind(4, c.message.sent_at);
                return run(s);
            },
            [&](const change::PulseAnswered& c) {
                Statement s(db_,
                            "INSERT INTO pulse_answers (run_id, respondent, statement, value) VALUES (?, ?, ?, ?) "
                            "ON CONFLICT (run_id, respondent, statement) DO UPDATE SET value = excluded.value");
                s.bind(1, c.run).bind(2, c.respondent).bind(3, c.statement).bind(4, c.value);
                return run(s);
            },
            [&](const change::ParticipantRemoved& c) {
                Statement s(db_, "UPDATE participants SET removed = ? WHERE id = ?");
                s.bind(1, c.removed ? 1 : 0).bind(2, c.participant);
                return run(s);
            },
            [&](const change::NotesHidden& c) {
                for (Id id : c.notes) {
                    Statement s(db_, "UPDATE notes SET revealed = 0 WHERE id = ?");
                    s.bind(1, id);
                    if (auto st = run(s); !st) return st;
                }
                return Status(Ok{});
            },
            [&](const change::ProgrammeNamed& c) {
                Statement s(db_,
                            "INSERT INTO programme (id, name) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET name = ?");
                s.bind(1, c.name).bind(2, c.name);
                return run(s);
            },
            [&](const change::MeasureReported& c) {
                Statement s(db_,
                            "INSERT INTO measure_reports (run_id, note_id, status, text, updated_at) "
                            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (run_id, note_id) DO UPDATE SET "
                            "status = excluded.status, text = excluded.text, updated_at = excluded.updated_at");
                s.bind(1, c.run).bind(2, c.note).bind(3, std::string(to_string(c.report.status)));
                s.bind(4, c.report.text).bind(5, c.report.at);
                return run(s);
            },
            [&](const change::IndicatorReported& c) {
                Statement figures(db_,
                                  "INSERT INTO indicators (note_id, unit, baseline, target, source) "
                                  "VALUES (?, ?, ?, ?, ?) ON CONFLICT (note_id) DO UPDATE SET unit = excluded.unit, "
                                  "baseline = excluded.baseline, target = excluded.target, source = excluded.source");
                figures.bind(1, c.note).bind(2, c.figures.unit).bind(3, c.figures.baseline);
                figures.bind(4, c.figures.target).bind(5, c.figures.source);
                if (auto s = run(figures); !s) return s;
                Statement value(db_,
                                "INSERT INTO indicator_values (run_id, note_id, value, updated_at) VALUES (?, ?, ?, ?) "
                                "ON CONFLICT (run_id, note_id) DO UPDATE SET value = excluded.value, "
                                "updated_at = excluded.updated_at");
                value.bind(1, c.run).bind(2, c.note).bind(3, c.value.value).bind(4, c.value.at);
                return run(value);
            },
            [&](const change::PulseThresholdSet& c) {
                Statement s(db_,
                            "INSERT INTO programme (id, name, pulse_threshold) VALUES (1, '', ?) "
                            "ON CONFLICT (id) DO UPDATE SET pulse_threshold = ?");
                s.bind(1, c.threshold).bind(2, c.threshold);
                return run(s);
            },
            [&](const change::RetentionSet& c) {
                Statement s(db_,
                            "INSERT INTO programme (id, name, retention_months) VALUES (1, '', ?) "
                            "ON CONFLICT (id) DO UPDATE SET retention_months = ?");
                s.bind(1, c.months).bind(2, c.months);
                return run(s);
            },
            [&](const change::GatheringOpened& c) {
                Statement s(db_,
                            "INSERT INTO programme (id, name, open_gathering) VALUES (1, '', ?) "
                            "ON CONFLICT (id) DO UPDATE SET open_gathering = ?");
                s.bind(1, c.gathering).bind(2, c.gathering);
                return run(s);
            },
            [&](const change::GatheringSaved& c) {
                const Gathering& g = c.gathering;
                Statement s(
                    db_,
                    "INSERT OR REPLACE INTO gatherings (id, number, title, date, archived) VALUES (?, ?, ?, ?, ?)");
                s.bind(1, g.id).bind(2, g.number).bind(3, g.title).bind(4, g.date).bind(5, g.archived ? 1 : 0);
                return run(s);
            },
            [&](const change::AgendaSet& c) {
                Statement clear(db_, "DELETE FROM agenda_items WHERE gathering_id = ?");
                clear.bind(1, c.gathering);
                if (auto st = run(clear); !st) return st;
                for (std::size_t i = 0; i < c.exercises.size(); ++i) {
                    Statement s(db_, "INSERT INTO agenda_items (gathering_id, position, exercise) VALUES (?, ?, ?)");
                    s.bind(1, c.gathering).bind(2, static_cast<std::int64_t>(i)).bind(3, c.exercises[i]);
                    if (auto st = run(s); !st) return st;
                }
                return Status(Ok{});
            },
            [&](const change::RunConcluded& c) {
                Statement s(db_, "UPDATE exercise_runs SET concluded_at = ? WHERE id = ?");
                s.bind(1, c.at).bind(2, c.run);
                return run(s);
            },
            [&](const change::ParticipantJoined& c) {
                const Participant& p = c.participant;
                Statement s(db_,
                            "INSERT INTO participants (id, group_id, name, secret_hash, joined_at, removed) "
                            "VALUES (?, ?, ?, ?, ?, ?)");
                s.bind(1, p.id).bind(2, p.group).bind(3, p.name).bind(4, p.secret_hash).bind(5, p.joined_at);
                s.bind(6, p.removed ? 1 : 0);
                return run(s);
            },
            [&](const change::ExerciseStarted& c) {
                const ExerciseRun& r = c.run;
                Statement s(db_,
                            "INSERT INTO exercise_runs (id, group_id, exercise, step, started_at, writing_locked, "
                            "timer_duration_ms, timer_elapsed_ms, timer_running_since, gathering_id, concluded_at) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                s.bind(1, r.id).bind(2, r.group).bind(3, r.exercise).bind(4, r.step).bind(5, r.started_at);
                s.bind(6, r.writing_locked ? 1 : 0).bind(7, r.timer.duration_ms).bind(8, r.timer.elapsed_ms);
                s.bind(9, r.timer.running_since).bind(10, r.gathering).bind(11, r.concluded_at);
                if (auto st = run(s); !st) return st;
                // A new run is the group's newest, so it is current without a chosen one.
                Statement current(db_, "UPDATE leader_groups SET current_run = NULL WHERE id = ?");
                current.bind(1, r.group);
                return run(current);
            },
            [&](const change::StepChanged& c) {
                Statement s(db_, "UPDATE exercise_runs SET step = ?, writing_locked = 0 WHERE id = ?");
                s.bind(1, c.step).bind(2, c.run);
                if (auto st = run(s); !st) return st;
                return timer_update(c.run, c.timer);
            },
            [&](const change::NotesRevealed& c) {
                Statement s(db_, "UPDATE notes SET revealed = 1 WHERE run_id = ?");
                s.bind(1, c.run);
                return run(s);
            },
            [&](const change::WritingLocked& c) {
                Statement s(db_, "UPDATE exercise_runs SET writing_locked = ? WHERE id = ?");
                s.bind(1, c.locked ? 1 : 0).bind(2, c.run);
                return run(s);
            },
            [&](const change::TimerChanged& c) { return timer_update(c.run, c.timer); },
            [&](const change::NoteAdded& c) {
                const Note& n = c.note;
                Statement s(db_,
                            "INSERT INTO notes (id, run_id, author, client_id, text, zone, created_at, updated_at, "
                            "deleted, revealed, highlighted, x, y, cluster_id, parent_id, merged_into, step, fields) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                s.bind(1, n.id).bind(2, n.run).bind(3, n.author).bind(4, n.client_id).bind(5, n.text);
                s.bind(6, n.zone).bind(7, n.created_at).bind(8, n.updated_at).bind(9, n.deleted ? 1 : 0);
                s.bind(10, n.revealed ? 1 : 0).bind(11, n.highlighted ? 1 : 0).bind(12, n.x).bind(13, n.y);
                s.bind(14, n.cluster).bind(15, n.parent).bind(16, n.merged_into).bind(17, n.step);
                s.bind(18, fields_to_json(n.fields));
                return run(s);
            },
            [&](const change::NoteEdited& c) {
                Statement s(db_, "UPDATE notes SET text = ?, zone = ?, updated_at = ?, fields = ? WHERE id = ?");
                s.bind(1, c.text).bind(2, c.zone).bind(3, c.at).bind(4, fields_to_json(c.fields)).bind(5, c.note);
                return run(s);
            },
            [&](const change::NoteDeleted& c) {
                Statement s(db_, "UPDATE notes SET deleted = 1, updated_at = ? WHERE id = ?");
                s.bind(1, c.at).bind(2, c.note);
                return run(s);
            },
            [&](const change::LeadSet& c) {
                if (c.lead.lead == 0 && c.lead.asked == 0) {
                    Statement s(db_, "DELETE FROM table_leads WHERE group_id = ?");
                    s.bind(1, c.group);
                    return run(s);
                }
                Statement s(db_, "INSERT OR REPLACE INTO table_leads (group_id, lead, asked) VALUES (?, ?, ?)");
                s.bind(1, c.group).bind(2, c.lead.lead).bind(3, c.lead.asked);
                return run(s);
            },
            [&](const change::NotePurged& c) {
                // A real DELETE (secure_delete overwrites the row's bytes): the text leaves the file.
                Statement votes(db_, "DELETE FROM votes WHERE note_id = ?");
                votes.bind(1, c.note);
                if (auto s = run(votes); !s) return s;
                Statement reports(db_, "DELETE FROM measure_reports WHERE note_id = ?");
                reports.bind(1, c.note);
                if (auto s = run(reports); !s) return s;
                for (const char* sql :
                     {"DELETE FROM indicator_values WHERE note_id = ?", "DELETE FROM indicators WHERE note_id = ?"}) {
                    Statement gone(db_, sql);
                    gone.bind(1, c.note);
                    if (auto s = run(gone); !s) return s;
                }
                Statement answers(db_,
                                  "UPDATE notes SET parent_id = (SELECT parent_id FROM notes WHERE id = ?) "
                                  "WHERE parent_id = ?");
                answers.bind(1, c.note).bind(2, c.note);
                if (auto s = run(answers); !s) return s;
                Statement note(db_, "DELETE FROM notes WHERE id = ?");
                note.bind(1, c.note);
                return run(note);
            },
            [&](const change::NoteRestored& c) {
                Statement s(db_, "UPDATE notes SET deleted = 0, updated_at = ? WHERE id = ?");
                s.bind(1, c.at).bind(2, c.note);
                return run(s);
            },
            [&](const change::NotePlaced& c) {
                Statement s(db_, "UPDATE notes SET zone = ?, x = ?, y = ?, cluster_id = ? WHERE id = ?");
                s.bind(1, c.zone).bind(2, c.x).bind(3, c.y).bind(4, c.cluster).bind(5, c.note);
                return run(s);
            },
            [&](const change::NoteHighlighted& c) {
                Statement s(db_, "UPDATE notes SET highlighted = ? WHERE id = ?");
                s.bind(1, c.on ? 1 : 0).bind(2, c.note);
                return run(s);
            },
            [&](const change::ClusterMade& c) {
                Statement s(db_, "INSERT INTO clusters (id, run_id, zone, name) VALUES (?, ?, ?, ?)");
                s.bind(1, c.cluster.id).bind(2, c.cluster.run).bind(3, c.cluster.zone).bind(4, c.cluster.name);
                return run(s);
            },
            [&](const change::ClusterRenamed& c) {
                Statement s(db_, "UPDATE clusters SET name = ? WHERE id = ?");
                s.bind(1, c.name).bind(2, c.cluster);
                return run(s);
            },
            [&](const change::NotesMerged& c) {
                Statement s(db_, "UPDATE notes SET merged_into = ? WHERE id = ?");
                s.bind(1, c.keep).bind(2, c.absorb);
                return run(s);
            },
            [&](const change::NoteUnmerged& c) {
                Statement s(db_, "UPDATE notes SET merged_into = 0 WHERE id = ?");
                s.bind(1, c.note);
                return run(s);
            },
            [&](const change::ConclusionSet& c) {
                Statement s(db_,
                            "INSERT OR REPLACE INTO conclusions (run_id, field, text, updated_at) VALUES (?, ?, ?, ?)");
                s.bind(1, c.field.run).bind(2, c.field.field).bind(3, c.field.text).bind(4, c.field.updated_at);
                return run(s);
            },
            [&](const change::DoneMarked& c) {
                Statement s(db_,
                            c.done ? "INSERT OR IGNORE INTO done_marks (run_id, step, participant_id) VALUES (?, ?, ?)"
                                   : "DELETE FROM done_marks WHERE run_id = ? AND step = ? AND participant_id = ?");
                s.bind(1, c.run).bind(2, c.step).bind(3, c.participant);
                return run(s);
            },
            [&](const change::VoteCast& c) {
                Statement s(db_,
                            "INSERT INTO votes (note_id, participant_id, dots) VALUES (?, ?, 1) "
                            "ON CONFLICT (note_id, participant_id) DO UPDATE SET dots = dots + 1");
                s.bind(1, c.note).bind(2, c.participant);
                return run(s);
            },
            [&](const change::VoteRetracted& c) {
                Statement dec(db_,
                              "UPDATE votes SET dots = dots - 1 WHERE note_id = ? AND participant_id = ? AND dots > 1");
                dec.bind(1, c.note).bind(2, c.participant);
                if (auto s = run(dec); !s) return s;
                if (sqlite3_changes(db_) > 0) return Status(Ok{});
                Statement del(db_, "DELETE FROM votes WHERE note_id = ? AND participant_id = ?");
                del.bind(1, c.note).bind(2, c.participant);
                return run(del);
            },
        },
        change);
}

Status Store::commit(const std::vector<Change>& changes, Revision revision_after) {
    if (auto s = exec("BEGIN IMMEDIATE"); !s) return s;
    for (const Change& c : changes) {
        Status s = Ok{};
        try {
            s = write(c);
        } catch (const std::exception& e) {  // bad_alloc binding a text: the transaction must not stay open
            s = storage_error(db_path_.string() + ": " + e.what());
        }
        if (!s) {
            (void)exec("ROLLBACK");
            return s;
        }
    }
    Statement rev(db_, "UPDATE meta SET value = ? WHERE key = 'revision'");
    rev.bind(1, revision_after);
    if (!rev.valid() || !rev.run()) {
        std::string msg = rev.error();
        (void)exec("ROLLBACK");
        return storage_error(db_path_.string() + ": " + msg);
    }
    if (auto s = exec("COMMIT"); !s) {
        (void)exec("ROLLBACK");
        return s;
    }
    // A deleted group's phones (names, token digests), or a note deleted for good (flagged as
    // personal data), are zeroed in the file by secure_delete, but the WAL still holds their
    // pages as they were: copied back and cut to nothing now, not at the next exit. Best effort:
    // a reader beside us (an export) may hold it for a while.
    const auto erases = [](const Change& c) {
        return std::holds_alternative<change::GroupDeleted>(c) || std::holds_alternative<change::NotePurged>(c);
    };
    if (std::any_of(changes.begin(), changes.end(), erases)) (void)exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return Ok{};
}

}  // namespace samling
