// `samling recover` through the real binary, on real damaged files: a page of notes overwritten
// (in the middle, at the end), the leader groups' page, a truncated file, a broken header, a
// store copied with its WAL; and a programme's measures, statuses and indicators carried over
// whole. Counts printed are checked against what the damaged file held.
#include <httplib.h>
#include <sqlite3.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <regex>
#include <sstream>

#include "app/exercise_files.hpp"
#include "app_process.hpp"
#include "core/measure_history.hpp"
#include "core/measures.hpp"
#include "hub/hub.hpp"
#include "measure_programme.hpp"
#include "store/recover_columns.hpp"
#include "store/store.hpp"
#include "store_file_notes.hpp"
#include "store_temp_dir.hpp"

using namespace samling;
using namespace samling::testing;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr int note_count = 300;
constexpr std::uintmax_t page_size = 4096;
const std::string secret(32, 'a');

std::string note_text(int i) {
    return "Lapp " + std::to_string(i) + ": " + std::string(200, 'x');
}

std::shared_ptr<const ExerciseCatalog> shipped() {
    return load_exercise_folder(fs::path(SAMLING_SOURCE_DIR) / "exercises").catalog;
}

// Two leader groups, a phone in each, 300 notes. `keep_open` runs `while_open` with the hub
// still holding the store (its WAL not yet checkpointed); returns the first phone's token.
std::string make_store(const fs::path& dir, const std::function<void()>& while_open = {}) {
    auto store = Store::open(dir);
    REQUIRE(store.ok());
    auto w = store.value()->load(shipped());
    REQUIRE(w.ok());
    Hub hub(*store.value(), std::move(w.value()));
    REQUIRE(hub.submit(cmd::OpenRoom{"Rom", "ABC234", Language::nb}).ok());
    REQUIRE(hub.submit(cmd::NameProgramme{"HeLU Nordvik"}).ok());
    std::vector<Id> phones;
    for (const char* name : {"Oppvekst", "Barnevern og PPT"}) {
        const Id group = hub.submit(cmd::AddGroup{name})->subject;
        REQUIRE(hub.submit(cmd::StartExercise{group, "problem_definition"}).ok());
        phones.push_back(hub.submit(cmd::Join{"ABC234", group, "", secret})->subject);
    }
    for (int i = 0; i < note_count; ++i) {
        auto added = hub.submit(
            cmd::AddNote{phones[static_cast<std::size_t>(i % 2)], "c" + std::to_string(i), note_text(i), std::nullopt});
        REQUIRE(added.ok());
    }
    if (while_open) while_open();
    return std::to_string(phones[0]) + "." + secret;
}

struct PageInfo {
    std::int64_t page = 0, cells = 0;
    std::string table, type;
};

// Which table each page of a healthy store file belongs to (SQLite's dbstat).
std::vector<PageInfo> pages_of(const fs::path& file) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT pageno, name, pagetype, ncell FROM dbstat ORDER BY pageno", -1, &s,
                               nullptr) == SQLITE_OK);
    std::vector<PageInfo> out;
    while (sqlite3_step(s) == SQLITE_ROW)
        out.push_back({sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 3),
                       reinterpret_cast<const char*>(sqlite3_column_text(s, 1)),
                       reinterpret_cast<const char*>(sqlite3_column_text(s, 2))});
    sqlite3_finalize(s);
    sqlite3_close(db);
    return out;
}

void overwrite(const fs::path& file, std::uintmax_t offset, std::size_t length, std::uint32_t seed) {
    std::mt19937 random(seed);
    std::string junk(length, '\0');
    for (char& c : junk) c = static_cast<char>(random());
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(offset));
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
}

// Every file in a folder with its bytes: recover must leave the damaged folder exactly so.
std::map<std::string, std::string> folder_bytes(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) {
        std::ifstream f(e.path(), std::ios::binary);
        std::stringstream ss;
        ss << f.rdbuf();
        out[e.path().filename().string()] = ss.str();
    }
    return out;
}

std::int64_t printed(const std::string& out, const std::string& what) {
    std::smatch m;
    const std::regex holds("now holds .*?(\\d+) " + what + "[,\n]");
    if (!std::regex_search(out, m, holds)) return -1;
    return std::stoll(m[1]);
}

struct Recovered {
    int code = -1;
    std::string out, err;
};

Recovered recover(const fs::path& damaged, const fs::path& out) {
    const auto before = folder_bytes(damaged);
    Process p({"recover", "--data-dir", damaged.string(), "--out", out.string()});
    Recovered r;
    r.code = p.wait(std::chrono::seconds(60));
    r.out = p.out();
    r.err = p.err();
    CHECK_MESSAGE(folder_bytes(damaged) == before, "recover changed the damaged folder");
    return r;
}

// Every note in the recovered store reads exactly as written: none half-read, none invented.
void check_notes_whole(const fs::path& out, std::int64_t expected) {
    const auto notes = notes_in(out / Store::database_file);
    CHECK(static_cast<std::int64_t>(notes.size()) == expected);
    std::set<std::string> originals;
    for (int i = 0; i < note_count; ++i) originals.insert(note_text(i));
    for (const auto& [id, text] : notes) CHECK(originals.count(text) == 1);
}

}  // namespace

TEST_CASE("recover reads every column of the current schema") {
    TempDir dir;
    { auto store = Store::open(dir.path); }
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir.path / Store::database_file).c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    REQUIRE(sqlite3_prepare_v2(db,
                               "SELECT m.name, group_concat(p.name, ', ') FROM sqlite_schema m, "
                               "pragma_table_info(m.name) p WHERE m.type = 'table' GROUP BY m.name",
                               -1, &s, nullptr) == SQLITE_OK);
    int tables = 0;
    while (sqlite3_step(s) == SQLITE_ROW) {
        const std::string table = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
        std::string columns = reinterpret_cast<const char*>(sqlite3_column_text(s, 1));
        // One row each, id 1 and (the room) open 1 always: nothing there to recover.
        if (table == "room" || table == "programme") columns = std::regex_replace(columns, std::regex("^id, "), "");
        if (table == "room") columns = std::regex_replace(columns, std::regex(", open$"), "");
        CAPTURE(table);
        REQUIRE(recovered_tables().count(table) == 1);
        CHECK(recovered_tables().at(table) == columns);
        ++tables;
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    CHECK(tables == static_cast<int>(recovered_tables().size()));
}

TEST_CASE("recover brings back every note outside the damaged page, and the new store loads and serves") {
    TempDir dir;
    const std::string token = make_store(dir.path / "good");
    const fs::path good = dir.path / "good" / Store::database_file;
    const auto pages = pages_of(good);
    std::vector<PageInfo> note_leaves;
    PageInfo groups_page;
    for (const auto& p : pages) {
        if (p.table == "notes" && p.type == "leaf") note_leaves.push_back(p);
        if (p.table == "leader_groups") groups_page = p;
    }
    REQUIRE(note_leaves.size() > 10);
    REQUIRE(groups_page.page > 0);

    struct Case {
        std::string name;
        std::int64_t page;  // overwritten whole with random bytes
        std::int64_t expect_notes;
    };
    const PageInfo middle = note_leaves[note_leaves.size() / 2], last = note_leaves.back();
    const std::vector<Case> cases = {
        {"a leaf of notes in the middle", middle.page, note_count - middle.cells},
        {"the last leaf of notes", last.page, note_count - last.cells},
        {"the leader groups' page", groups_page.page, note_count},
    };
    int n = 0;
    for (const Case& c : cases) {
        CAPTURE(c.name);
        const fs::path damaged = dir.path / ("damaged" + std::to_string(n)),
                       out = dir.path / ("out" + std::to_string(n));
        ++n;
        fs::create_directories(damaged);
        fs::copy_file(good, damaged / Store::database_file);
        overwrite(damaged / Store::database_file, static_cast<std::uintmax_t>(c.page - 1) * page_size, page_size,
                  static_cast<std::uint32_t>(c.page));
        {  // Samling itself refuses it: this is the file a facilitator would recover.
            Process start({"--headless", "--port", "0", "--data-dir", damaged.string()});
            CHECK(start.wait() != 0);
            CHECK(start.err().find("is damaged") != std::string::npos);
        }
        const Recovered r = recover(damaged, out);
        INFO(r.out, r.err);
        REQUIRE(r.code == 0);
        CHECK(printed(r.out, "notes") == c.expect_notes);
        check_notes_whole(out, c.expect_notes);
        CHECK(r.out.find("damaged places skipped") != std::string::npos);
        CHECK_FALSE(fs::exists(out / ".damaged-copy"));
        if (c.page == groups_page.page) {
            // Both groups' runs and phones, and so all their notes, wait in one group.
            CHECK(printed(r.out, "leader groups") == 1);
            CHECK(r.out.find("are in \"Gjenfunnet\"") != std::string::npos);
        } else {
            CHECK(printed(r.out, "leader groups") == 2);
        }
        MESSAGE(c.name << " (page " << c.page << ", " << c.expect_notes << " notes expected): " << r.out);
    }

    // The recovered store serves: the room code phones know, their tokens still good.
    Process app({"--headless", "--host", "127.0.0.1", "--port", "0", "--data-dir", (dir.path / "out0").string()});
    const std::string line = app.read_line();
    std::smatch m;
    INFO(line, app.err());
    REQUIRE(std::regex_search(line, m, std::regex(R"(127\.0\.0\.1:(\d+)/\?room=ABC234)")));
    httplib::Client phone("127.0.0.1", std::stoi(m[1]));
    auto room = phone.Get("/api/room?code=ABC234");
    REQUIRE(room);
    CHECK(room->status == 200);
    CHECK(json::parse(room->body).at("groups").size() == 2);
    auto state = phone.Get("/api/state", {{"Authorization", "Bearer " + token}});
    REQUIRE(state);
    CHECK(state->status == 200);
    const json note{{"client_id", "after-recover"}, {"text", "Skrevet etter gjenoppretting"}};
    auto added = phone.Post("/api/notes", {{"Authorization", "Bearer " + token}}, note.dump(), "application/json");
    REQUIRE(added);
    CHECK(added->status == 201);
    app.signal(SIGTERM);
    CHECK(app.wait() == 0);
}

TEST_CASE("recover from a truncated store keeps the notes before the cut; a broken header is refused") {
    TempDir dir;
    make_store(dir.path / "good");
    const fs::path good = dir.path / "good" / Store::database_file;
    // Cut the file at the end of the middle one of the notes' leaves, wherever the schema's
    // tables put them (a fixed 60 % of the file held no whole leaf once migration 12 added two
    // tables).
    std::vector<PageInfo> leaves;
    for (const auto& p : pages_of(good))
        if (p.table == "notes" && p.type == "leaf") leaves.push_back(p);
    REQUIRE(leaves.size() >= 2);
    const std::uintmax_t cut = static_cast<std::uintmax_t>(leaves[leaves.size() / 2 - 1].page) * page_size;
    std::int64_t before_cut = 0;
    for (const auto& p : leaves)
        if (static_cast<std::uintmax_t>(p.page) * page_size <= cut) before_cut += p.cells;
    REQUIRE(before_cut > 0);
    REQUIRE(before_cut < note_count);
    {
        const fs::path damaged = dir.path / "half", out = dir.path / "half-out";
        fs::create_directories(damaged);
        fs::copy_file(good, damaged / Store::database_file);
        fs::resize_file(damaged / Store::database_file, cut);
        const Recovered r = recover(damaged, out);
        INFO(r.out, r.err);
        REQUIRE(r.code == 0);
        CHECK(printed(r.out, "notes") == before_cut);
        check_notes_whole(out, before_cut);
        MESSAGE("truncated to " << cut << " of " << fs::file_size(good) << " bytes: " << r.out);
    }
    {
        const fs::path damaged = dir.path / "header", out = dir.path / "header-out";
        fs::create_directories(damaged);
        fs::copy_file(good, damaged / Store::database_file);
        overwrite(damaged / Store::database_file, 0, 100, 7);
        const Recovered r = recover(damaged, out);
        CHECK(r.code != 0);
        CHECK(r.err.find("nothing to recover") != std::string::npos);
        CHECK_FALSE(fs::exists(out));  // nothing half-made left behind
        MESSAGE("header overwritten: " << r.err);
    }
}

TEST_CASE("recover reads the WAL of a store copied while Samling ran, and refuses a folder it must not write") {
    TempDir dir;
    const fs::path live = dir.path / "live", copy = dir.path / "copy";
    fs::create_directories(copy);
    make_store(live, [&] {
        for (const char* suffix : {"", "-wal"})
            fs::copy_file(live / (std::string(Store::database_file) + suffix),
                          copy / (std::string(Store::database_file) + suffix));
    });
    REQUIRE(fs::file_size(copy / (std::string(Store::database_file) + "-wal")) > 0);
    const Recovered r = recover(copy, dir.path / "out");
    INFO(r.out, r.err);
    REQUIRE(r.code == 0);
    CHECK(printed(r.out, "notes") == note_count);
    check_notes_whole(dir.path / "out", note_count);

    fs::create_directories(dir.path / "full");
    std::ofstream(dir.path / "full" / "something") << "x";
    const Recovered full = recover(copy, dir.path / "full");
    CHECK(full.code != 0);
    CHECK(full.err.find("is not empty") != std::string::npos);
    const Recovered inside = recover(copy, copy / "recovered");
    CHECK(inside.code != 0);
    CHECK(inside.err.find("never writes into the damaged folder") != std::string::npos);
}

namespace {

// What the log shows of a group's measures and indicators, as one comparable text.
std::string measures_as_text(const Workshop& w, Id group) {
    std::string out;
    for (const MeasureTrail& m : measure_history(w, group)) {
        out += m.text + " (" + m.owner + ", " + std::to_string(m.planned_at) + "):";
        for (const MeasureStep& step : m.trail)
            out += " " + std::to_string(step.place.gathering_number) + "=" + std::string(to_string(step.status)) + "/" +
                   step.text;
        out += "\n";
    }
    for (const IndicatorSeries& i : indicator_history(w, group)) {
        out += i.name + " [" + i.unit + ", " + i.source + "] " + std::to_string(i.baseline.value_or(-1)) + " → " +
               std::to_string(i.target.value_or(-1)) + ":";
        for (const IndicatorPoint& p : i.values)
            out += " " + std::to_string(p.place.gathering_number) + "=" + std::to_string(p.value);
        out += "\n";
    }
    return out;
}

}  // namespace

TEST_CASE("recover carries a programme's measures, their statuses and the indicators' figures whole") {
    TempDir dir;
    MeasureIds ids;
    std::string before;
    {
        auto store = Store::open(dir.path / "store");
        REQUIRE(store.ok());
        auto w = store.value()->load(shipped());
        REQUIRE(w.ok());
        Hub hub(*store.value(), std::move(w.value()));
        ids = play_measure_programme(
            [&](const Command& c) {
                auto d = hub.submit(c);
                REQUIRE_MESSAGE(d.ok(), (d.ok() ? "" : d.error().message));
                return d->subject;
            },
            [&](Id group) { return hub.snapshot()->current_run(group)->id; });
        before = measures_as_text(*hub.snapshot(), ids.group);
    }
    REQUIRE(before.find("3=done/Alle skoler kartlagt") != std::string::npos);
    REQUIRE(before.find("[%, GSI, skoleåret 2025/26] 16.000000 → 7.000000: 2=12.000000 3=9.000000") !=
            std::string::npos);

    const Recovered r = recover(dir.path / "store", dir.path / "out");
    INFO(r.out, r.err);
    REQUIRE(r.code == 0);
    auto store = Store::open(dir.path / "out");
    REQUIRE(store.ok());
    auto w = store.value()->load(shipped());
    REQUIRE(w.ok());
    CHECK(measures_as_text(w.value(), ids.group) == before);
}
