// The catalogue of programmes and the take-over of the one-programme layout. Every change to
// the folders is a rename (atomic on one filesystem) and the catalogue is rewritten whole, so
// whatever stops the process, each programme is either wholly in its folder or not yet moved.
#include "app/programmes.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/text.hpp"
#include "export/slug.hpp"
#include "platform/platform.hpp"
#include "store/statement.hpp"
#include "store/store.hpp"

namespace samling {
namespace fs = std::filesystem;
namespace {

constexpr const char* adopting = ".adopting";         // a take-over in progress
constexpr const char* deleting = ".deleting-";        // a delete in progress
constexpr const char* root_lock = "samling.lock";     // the old layout's lock, also the catalogue's
constexpr const char* control_file = "control.json";  // the running session's, not the programme's

Error failed(std::string message) {
    return make_error(Errc::storage_failed, std::move(message));
}

std::int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

using platform::sync_folder;

// An exclusive lock held for the scope: one Samling at a time changes the catalogue or takes
// a programme's folder away. Same lock file a store uses, so a running store refuses too.
struct FolderLock {
    platform::FileLock lock;
    bool held;
    explicit FolderLock(const fs::path& file) : lock(file), held(lock.state() == platform::FileLock::State::held) {}
};

// The programme's name as its store knows it (F2's "Programme"), or "" when it has none.
std::string stored_name(const fs::path& folder) {
    const fs::path db_file = folder / Store::database_file;
    std::error_code ec;
    if (!fs::is_regular_file(db_file, ec)) return {};
    sqlite3* db = nullptr;
    std::string name;
    if (sqlite3_open_v2(sqlite_name(db_file).c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(db, 2000);
        Statement s(db, "SELECT name FROM programme WHERE id = 1");
        if (s.step() == SQLITE_ROW) name = s.text(0);
    }
    sqlite3_close_v2(db);
    return text::trim(name);
}

std::string unique_folder(const fs::path& data, const Catalogue& c, const std::string& name) {
    const std::string base = slug(name.empty() ? std::string("programme") : name);
    std::string folder = base;
    std::error_code ec;
    for (int n = 2; c.find(folder) || fs::exists(data / Catalogue::folder_name / folder, ec) || folder[0] == '.'; ++n)
        folder = base + "-" + std::to_string(n);
    return folder;
}

bool name_taken(const Catalogue& c, const std::string& name, const std::string& except_folder) {
    const std::string key = text::name_key(name);
    return std::any_of(c.programmes.begin(), c.programmes.end(), [&](const ProgrammeRecord& p) {
        return p.folder != except_folder && text::name_key(p.name) == key;
    });
}

Result<Catalogue> read_catalogue(const fs::path& file) {
    Catalogue c;
    std::error_code ec;
    if (!fs::exists(file, ec)) return c;
    std::ifstream in(file);
    const auto j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("programmes") || !j["programmes"].is_array())
        return failed(file.string() + " is damaged (not the list of programmes Samling writes): move it away and " +
                      "start again; the programmes' folders are listed again by themselves");
    c.last = j.value("last", std::string());
    for (const auto& p : j["programmes"]) {
        if (!p.is_object() || !p.contains("folder") || !p["folder"].is_string()) continue;
        ProgrammeRecord r;
        r.folder = p["folder"].get<std::string>();
        r.name = p.value("name", r.folder);
        r.archived = p.value("archived", false);
        r.last_used = p.value("last_used", std::int64_t{0});
        // A folder name from the file is used in paths: only the plain ones Samling makes.
        if (r.folder.empty() || r.folder[0] == '.' || r.folder.find('/') != std::string::npos) continue;
        c.programmes.push_back(std::move(r));
    }
    return c;
}

// Moves what DATA's root holds (the one-programme layout) into programmes/.adopting, then
// gives that folder its name. Each step is one rename; `interrupt` may stop after any.
Status adopt_root(const fs::path& data, Catalogue& c, const std::function<bool(int)>& interrupt) {
    const fs::path shelf = data / Catalogue::folder_name;
    const fs::path staging = shelf / adopting;
    std::error_code ec;
    const bool pending = fs::exists(staging, ec);
    if (!pending && !fs::exists(data / Store::database_file, ec)) return Ok{};
    // A Samling of the one-programme layout may be running there: it holds this lock.
    const FolderLock lock(data / root_lock);
    if (!lock.held) return failed("Samling is running on " + data.string() + ": stop it, then start again");
    if (!pending) {
        // The WAL folded into the database first, so the store moves as one file.
        sqlite3* db = nullptr;
        if (sqlite3_open_v2(sqlite_name(data / Store::database_file).c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) ==
            SQLITE_OK)
            sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
        sqlite3_close_v2(db);
        fs::create_directories(staging, ec);
        if (ec) return failed("cannot make " + staging.string() + ": " + ec.message());
    }
    int step = 0;
    if (interrupt && interrupt(step++)) return failed("interrupted");
    std::vector<fs::path> entries;
    for (const auto& e : fs::directory_iterator(data, ec)) {
        const std::string name = e.path().filename().string();
        if (name == Catalogue::folder_name || name.starts_with(Catalogue::file_name) || name == root_lock ||
            name == control_file)
            continue;
        entries.push_back(e.path());
    }
    // The store's companions before the store itself: a database seen at the root means "not
    // finished", and the -wal must never be left behind once the database has moved.
    std::sort(entries.begin(), entries.end(), [](const fs::path& a, const fs::path& b) {
        return (a.filename() == Store::database_file) < (b.filename() == Store::database_file);
    });
    for (const fs::path& from : entries) {
        fs::rename(from, staging / from.filename(), ec);
        if (ec) return failed("cannot move " + from.string() + " into " + staging.string() + ": " + ec.message());
        if (interrupt && interrupt(step++)) return failed("interrupted");
    }
    sync_folder(data);
    sync_folder(staging);
    std::string name = stored_name(staging);
    if (name.empty()) name = "Programme";
    const std::string folder = unique_folder(data, c, name);
    fs::rename(staging, shelf / folder, ec);
    if (ec) return failed("cannot name " + (shelf / folder).string() + ": " + ec.message());
    sync_folder(shelf);
    if (interrupt && interrupt(step++)) return failed("interrupted");
    // Listed by the caller among the folders the catalogue does not name yet; the opened one.
    c.last = folder;
    return Ok{};
}

}  // namespace

const ProgrammeRecord* Catalogue::find(const std::string& wanted) const {
    const std::string key = text::name_key(wanted);
    for (const auto& p : programmes)
        if (p.folder == wanted) return &p;
    for (const auto& p : programmes)
        if (text::name_key(p.name) == key) return &p;
    return nullptr;
}

ProgrammeRecord* Catalogue::find(const std::string& wanted) {
    return const_cast<ProgrammeRecord*>(std::as_const(*this).find(wanted));
}

Status save_catalogue(const fs::path& data, const Catalogue& c) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& p : c.programmes)
        list.push_back({{"folder", p.folder}, {"name", p.name}, {"archived", p.archived}, {"last_used", p.last_used}});
    const std::string body = nlohmann::json{{"format", 1}, {"last", c.last}, {"programmes", list}}.dump(2) + "\n";
    const fs::path file = data / Catalogue::file_name;
    const fs::path tmp = file.string() + ".tmp";
    std::error_code ec;
    fs::remove(tmp, ec);  // a write that died before its rename
    auto written = platform::write_new_file_durably(tmp, body);
    if (!written) written = platform::replace_file(tmp, file);
    if (written) {
        fs::remove(tmp, ec);
        return failed("cannot write " + file.string() + ": " + written.message());
    }
    sync_folder(data);
    return Ok{};
}

Result<Catalogue> load_catalogue(const fs::path& data, const std::function<bool(int)>& interrupt) {
    std::error_code ec;
    fs::create_directories(data / Catalogue::folder_name, ec);
    if (ec) return failed("cannot use data folder " + data.string() + ": " + ec.message());
    auto read = read_catalogue(data / Catalogue::file_name);
    if (!read) return read.error();
    Catalogue c = std::move(read.value());
    const std::string last_before = c.last;
    if (auto s = adopt_root(data, c, interrupt); !s) return s.error();
    bool changed = c.last != last_before;
    for (const auto& e : fs::directory_iterator(data / Catalogue::folder_name, ec)) {
        const std::string folder = e.path().filename().string();
        if (!e.is_directory()) continue;
        if (folder.starts_with(deleting)) {  // a delete that was stopped: finish it
            fs::remove_all(e.path(), ec);
            continue;
        }
        if (folder.starts_with(".") || c.find(folder)) continue;
        std::string name = stored_name(e.path());
        if (name.empty() || name_taken(c, name, folder)) name = folder;
        c.programmes.push_back({folder, name, false, 0});
        if (c.last.empty()) c.last = folder;  // a take-over stopped before it could say so
        changed = true;
    }
    // A record whose folder is gone (deleted by hand) is not offered as a programme.
    const auto gone = std::remove_if(c.programmes.begin(), c.programmes.end(), [&](const ProgrammeRecord& p) {
        return !fs::is_directory(programme_dir(data, p), ec);
    });
    if (gone != c.programmes.end()) {
        c.programmes.erase(gone, c.programmes.end());
        changed = true;
    }
    if (!c.last.empty() && !c.find(c.last)) c.last.clear();
    if (changed)
        if (auto s = save_catalogue(data, c); !s) return s.error();
    return c;
}

Result<ProgrammeRecord> create_programme(const fs::path& data, const std::string& wanted) {
    const std::string name = text::trim(wanted);
    if (name.empty()) return make_error(Errc::text_empty, "a programme needs a name");
    auto c = load_catalogue(data);
    if (!c) return c.error();
    if (name_taken(c.value(), name, ""))
        return make_error(Errc::invalid_request, "there is a programme named \"" + name + "\" already");
    ProgrammeRecord r{unique_folder(data, c.value(), name), name, false, 0};
    std::error_code ec;
    fs::create_directory(programme_dir(data, r), ec);
    if (ec) return failed("cannot make " + programme_dir(data, r).string() + ": " + ec.message());
    c.value().programmes.push_back(r);
    if (auto s = save_catalogue(data, c.value()); !s) return s.error();
    return r;
}

Status rename_programme(const fs::path& data, const std::string& folder, const std::string& wanted) {
    const std::string name = text::trim(wanted);
    if (name.empty()) return make_error(Errc::text_empty, "a programme needs a name");
    auto c = load_catalogue(data);
    if (!c) return c.error();
    ProgrammeRecord* p = c.value().find(folder);
    if (!p) return make_error(Errc::invalid_request, "no programme " + folder);
    if (name_taken(c.value(), name, p->folder))
        return make_error(Errc::invalid_request, "there is a programme named \"" + name + "\" already");
    p->name = name;
    return save_catalogue(data, c.value());
}

Status archive_programme(const fs::path& data, const std::string& folder, bool archived) {
    auto c = load_catalogue(data);
    if (!c) return c.error();
    ProgrammeRecord* p = c.value().find(folder);
    if (!p) return make_error(Errc::invalid_request, "no programme " + folder);
    p->archived = archived;
    return save_catalogue(data, c.value());
}

Status mark_opened(const fs::path& data, const std::string& folder) {
    auto c = load_catalogue(data);
    if (!c) return c.error();
    ProgrammeRecord* p = c.value().find(folder);
    if (!p) return make_error(Errc::invalid_request, "no programme " + folder);
    p->last_used = now_ms();
    p->archived = false;  // opened again: it is in use
    c.value().last = p->folder;
    return save_catalogue(data, c.value());
}

Result<DeletedProgramme> delete_programme(const fs::path& data, const std::string& wanted) {
    auto c = load_catalogue(data);
    if (!c) return c.error();
    const ProgrammeRecord* p = c.value().find(wanted);
    if (!p) return make_error(Errc::invalid_request, "no programme named \"" + wanted + "\"");
    DeletedProgramme d{p->name, programme_dir(data, *p)};
    std::error_code ec;
    {
        const FolderLock lock(d.folder / Store::lock_file);
        if (!lock.held)
            return failed("Samling has \"" + p->name + "\" open: switch to another programme or stop it first");
        for (const auto& e : fs::directory_iterator(d.folder / "backups", ec)) d.backups += e.is_regular_file() ? 1 : 0;
        for (const auto& e : fs::directory_iterator(d.folder / "snapshots", ec))
            d.pictures += e.is_regular_file() ? 1 : 0;
        for (const auto& e : fs::recursive_directory_iterator(d.folder / "exports", ec))
            d.exports += e.is_regular_file() ? 1 : 0;
        // Out of the catalogue's sight in one rename, while still locked.
        const fs::path doomed = data / Catalogue::folder_name / (deleting + p->folder);
        fs::remove_all(doomed, ec);
        fs::rename(d.folder, doomed, ec);
        if (ec) return failed("cannot delete " + d.folder.string() + ": " + ec.message());
        const std::string folder = p->folder;
        auto& list = c.value().programmes;
        list.erase(
            std::remove_if(list.begin(), list.end(), [&](const ProgrammeRecord& r) { return r.folder == folder; }),
            list.end());
        if (c.value().last == folder) c.value().last.clear();
        if (auto s = save_catalogue(data, c.value()); !s) return s.error();
        fs::remove_all(doomed, ec);
        if (ec) return failed("cannot remove " + doomed.string() + ": " + ec.message());
    }
    sync_folder(data / Catalogue::folder_name);
    return d;
}

int gatherings_in(const fs::path& folder) {
    const fs::path db_file = folder / Store::database_file;
    std::error_code ec;
    if (!fs::is_regular_file(db_file, ec)) return 0;
    sqlite3* db = nullptr;
    int n = 0;
    if (sqlite3_open_v2(sqlite_name(db_file).c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(db, 1000);
        Statement s(db, "SELECT count(*) FROM gatherings WHERE archived = 0");
        if (s.step() == SQLITE_ROW) n = static_cast<int>(s.integer(0));
    }
    sqlite3_close_v2(db);
    return n;
}

Result<ProgrammeRecord> choose_programme(const fs::path& data, const std::string& wanted,
                                         const std::string& first_name) {
    auto c = load_catalogue(data);
    if (!c) return c.error();
    if (!wanted.empty()) {
        if (const ProgrammeRecord* p = c.value().find(wanted)) return *p;
        std::string names;
        for (const auto& p : c.value().programmes) names += (names.empty() ? "" : ", ") + ("\"" + p.name + "\"");
        return make_error(Errc::invalid_request,
                          "no programme named \"" + wanted + "\" in " + data.string() +
                              " (programmes: " + (names.empty() ? "none yet" : names) +
                              "). Make one in the projector's programme list (F2, then F2 again), or start " +
                              "without --programme to open the last one");
    }
    if (const ProgrammeRecord* p = c.value().find(c.value().last)) return *p;
    for (const auto& p : c.value().programmes)
        if (!p.archived) return p;
    return create_programme(data, first_name);
}

}  // namespace samling
