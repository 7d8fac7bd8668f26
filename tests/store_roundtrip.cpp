// Specification of the store: what is committed comes back, schemas migrate, one writer only.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include <fstream>

#include "core_fixture.hpp"
#include "hub/hub.hpp"
#include "store/store.hpp"
#include "store_temp_dir.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

std::unique_ptr<Store> open_store(const std::filesystem::path& dir) {
    auto s = Store::open(dir);
    REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
    return std::move(s.value());
}

Workshop load(Store& store) {
    auto w = store.load(test_catalog());
    REQUIRE(w.ok());
    return std::move(w.value());
}

// Applies commands through a hub, exactly as the app does.
Receipt submit(Hub& hub, Command c) {
    auto r = hub.submit(std::move(c));
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    return r.value();
}

}  // namespace

TEST_CASE("a new data folder gets the latest schema from an empty file") {
    TempDir dir;
    auto store = open_store(dir.path / "nested" / "data");
    CHECK(store->schema_version() >= 1);
    CHECK(std::filesystem::exists(dir.path / "nested" / "data" / Store::database_file));
    Workshop w = load(*store);
    CHECK_FALSE(w.room());
    CHECK(w.revision() == 0);
}

TEST_CASE("everything committed through the hub comes back after reopening") {
    TempDir dir;
    Id group = 0, anna = 0, note = 0, edited = 0, deleted = 0;
    Revision revision = 0;
    {
        auto store = open_store(dir.path);
        Hub hub(*store, load(*store));
        submit(hub, cmd::OpenRoom{"Rom", "ABC234", Language::nn});
        group = submit(hub, cmd::AddGroup{"Oppvekst Nordvik"}).subject;
        submit(hub, cmd::StartExercise{group, "ex"});
        anna = submit(hub, cmd::Join{"ABC234", group, "Anna", std::string(32, 'a')}).subject;
        note = submit(hub, cmd::AddNote{anna, "c1", "Vi oppdager utfordringene for sent", std::nullopt}).subject;
        edited = submit(hub, cmd::AddNote{anna, "c2", "først", std::nullopt}).subject;
        submit(hub, cmd::EditNote{anna, edited, std::string("endret æøå"), std::nullopt});
        deleted = submit(hub, cmd::AddNote{anna, "c3", "slettes", std::nullopt}).subject;
        submit(hub, cmd::DeleteNote{anna, deleted});
        submit(hub, cmd::GoToStep{group, 1});
        submit(hub, cmd::CastVote{anna, note});
        submit(hub, cmd::CastVote{anna, note});
        submit(hub, cmd::NameProgramme{"HeLU Austrheim"});
        const Id gathering = submit(hub, cmd::SaveGathering{0, "Samling 1", "2026-09-14"}).subject;
        submit(hub, cmd::OpenGathering{gathering});
        submit(hub, cmd::SetAgenda{gathering, {"ex"}});
        submit(hub, cmd::EditGroup{group, "Oppvekst Nordvik", "skole, PPT", "Tidlig innsats"});
        submit(hub, cmd::SetConclusion{group, "statement", "Barn faller mellom"});
        submit(hub, cmd::ConcludeRun{group});
        submit(hub, cmd::StartNext{group});
        submit(hub, cmd::AddNote{anna, "f1", "Tiltak", std::nullopt, 0, {{"owner", "Kari"}}});
        revision = hub.snapshot()->revision();
    }
    auto store = open_store(dir.path);
    Workshop w = load(*store);
    CHECK(w.revision() == revision);
    REQUIRE(w.room());
    CHECK(w.room()->code == "ABC234");
    CHECK(w.room()->language == Language::nn);
    CHECK(w.group(group)->name == "Oppvekst Nordvik");
    CHECK(w.participant(anna)->name == "Anna");
    CHECK(w.authenticate(std::to_string(anna) + "." + std::string(32, 'a')) == anna);
    REQUIRE(w.project_log(group).size() == 1);
    CHECK(w.project_log(group)[0]->step == 1);
    CHECK(w.note(note)->text == "Vi oppdager utfordringene for sent");
    CHECK(w.note(edited)->text == "endret æøå");
    CHECK(w.note(deleted)->deleted);
    CHECK(w.dots_by(anna, note) == 2);
    CHECK(w.programme() == "HeLU Austrheim");
    REQUIRE(w.open_gathering());
    CHECK(w.open_gathering()->date == "2026-09-14");
    CHECK(w.agenda(w.open_gathering()->id) == std::vector<std::string>{"ex"});
    CHECK(w.group(group)->project == "Tidlig innsats");
    REQUIRE(w.project_log(group).size() == 1);
    CHECK(w.conclusion(w.project_log(group)[0]->id, "statement") == "Barn faller mellom");
    CHECK(w.current_run(group)->gathering == w.open_gathering()->id);
    const auto fresh = w.notes_of_run(w.current_run(group)->id);
    REQUIRE(fresh.size() == 1);
    CHECK(fresh[0]->fields.at("owner") == "Kari");
    // The client_id index is rebuilt too: a retry after restart makes no second note.
    auto again = w.decide(cmd::AddNote{anna, "c1", "retry", std::nullopt}, 0);
    REQUIRE(again.ok());
    CHECK_FALSE(again->created);
    CHECK(again->subject == note);
    // New ids continue after the old ones.
    auto next = w.decide(cmd::AddGroup{"Ny"}, 0);
    REQUIRE(next.ok());
    CHECK(next->subject > deleted);
}

TEST_CASE("a second store on the same data folder is refused with a clear error") {
    TempDir dir;
    auto first = open_store(dir.path);
    auto second = Store::open(dir.path);
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().message.find("another Samling") != std::string::npos);
    first.reset();
    CHECK(Store::open(dir.path).ok());  // released when the first one closes
}

TEST_CASE("an unusable data folder is a clear error") {
    TempDir dir;
    const auto file = dir.path / "a-file";
    { std::ofstream(file) << "x"; }
    auto s = Store::open(file);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().message.find("cannot use data folder") != std::string::npos);
}

TEST_CASE("a store written by a newer schema is refused, not damaged") {
    TempDir dir;
    { open_store(dir.path); }
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open((dir.path / Store::database_file).string().c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "PRAGMA user_version=999", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    auto s = Store::open(dir.path);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().message.find("newer Samling") != std::string::npos);
}

TEST_CASE("the store runs in WAL mode with synchronous=FULL") {
    TempDir dir;
    auto store = open_store(dir.path);
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir.path / Store::database_file).string().c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) == "wal");
    sqlite3_finalize(st);
    sqlite3_close(db);
}

TEST_CASE("a read-only store opens beside a running one and sees what it committed") {
    TempDir dir;
    auto writer = open_store(dir.path);
    {
        Hub hub(*writer, load(*writer));
        submit(hub, cmd::OpenRoom{"Rom", "ABC234", Language::nb});
        submit(hub, cmd::AddGroup{"Oppvekst Nordvik"});
    }
    auto reader = Store::open_read_only(dir.path);
    REQUIRE_MESSAGE(reader.ok(), (reader.ok() ? "" : reader.error().message));
    Workshop w = load(*reader.value());
    CHECK(w.groups().size() == 1);
    TempDir empty;
    auto none = Store::open_read_only(empty.path);
    REQUIRE_FALSE(none.ok());
    CHECK(none.error().message.find("no Samling store") != std::string::npos);
}

TEST_CASE("an existing empty store file is refused and left as it is, unless a new room is asked for") {
    TempDir dir;
    const auto file = dir.path / Store::database_file;
    { std::ofstream(file, std::ios::binary); }
    auto refused = Store::open(dir.path);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == Errc::storage_failed);
    CHECK(refused.error().message.find("is empty") != std::string::npos);
    CHECK(std::filesystem::file_size(file) == 0);
    auto fresh = Store::open(dir.path, {}, EmptyFile::allow_empty);
    REQUIRE(fresh.ok());
    CHECK(fresh.value()->schema_version() >= 1);
}
