// A damaged store is refused with one line, never half-loaded: bytes overwritten in any page, a
// truncated file, a WAL copied without its database.
#include <doctest/doctest.h>

#include <fstream>
#include <random>
#include <set>

#include "core_fixture.hpp"
#include "hub/hub.hpp"
#include "store/store.hpp"
#include "store_temp_dir.hpp"

using namespace samling;
using namespace samling::testing;
namespace fs = std::filesystem;

namespace {

constexpr int note_count = 300;

std::string note_text(int i) {
    return "Lapp " + std::to_string(i) + ": " + std::string(200, 'x');
}

// A store of `note_count` notes, long enough to fill dozens of pages, closed cleanly.
void make_store(const fs::path& dir) {
    auto store = Store::open(dir);
    REQUIRE(store.ok());
    auto w = store.value()->load(test_catalog());
    REQUIRE(w.ok());
    Hub hub(*store.value(), std::move(w.value()));
    REQUIRE(hub.submit(cmd::OpenRoom{"Rom", "ABC234", Language::nb}).ok());
    const Id group = hub.submit(cmd::AddGroup{"Oppvekst"})->subject;
    REQUIRE(hub.submit(cmd::StartExercise{group, "ex"}).ok());
    const Id anna = hub.submit(cmd::Join{"ABC234", group, "Anna", std::string(32, 'a')})->subject;
    for (int i = 0; i < note_count; ++i) {
        REQUIRE(hub.submit(cmd::AddNote{anna, "c" + std::to_string(i), note_text(i), std::nullopt}).ok());
    }
}

// Opens and loads; an empty string when it loaded (`notes`: how many read back exactly as
// written), else the one line it refused with.
std::string try_load(const fs::path& dir, std::size_t& notes) {
    auto store = Store::open(dir);
    if (!store.ok()) return store.error().message;
    auto w = store.value()->load(test_catalog());
    if (!w.ok()) return w.error().message;
    std::set<std::string> texts;
    for (const auto& [id, run] : w->runs())
        for (const Note* n : w->notes_of_run(id)) texts.insert(n->text);
    notes = 0;
    for (int i = 0; i < note_count; ++i) notes += texts.count(note_text(i));
    return {};
}

void overwrite(const fs::path& file, std::uintmax_t offset, std::size_t length, std::uint32_t seed) {
    std::mt19937 random(seed);
    std::string junk(length, '\0');
    for (char& c : junk) c = static_cast<char>(random());
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(offset));
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
}

}  // namespace

TEST_CASE("bytes overwritten in any page: the store loads whole or is refused, never half") {
    TempDir dir;
    make_store(dir.path / "good");
    const fs::path good = dir.path / "good" / Store::database_file;
    REQUIRE_FALSE(fs::exists(good.string() + "-wal"));  // checkpointed at close: one file
    constexpr std::uintmax_t page = 4096;
    const std::uintmax_t pages = fs::file_size(good) / page;
    REQUIRE(pages > 20);
    int refused = 0, whole = 0;
    for (std::uintmax_t p = 1; p < pages; ++p) {  // page 0 holds the header: see the next case
        const fs::path copy = dir.path / ("page" + std::to_string(p));
        fs::create_directories(copy);
        fs::copy_file(good, copy / Store::database_file);
        overwrite(copy / Store::database_file, p * page + 100, 600, static_cast<std::uint32_t>(p));
        std::size_t notes = 0;
        const std::string why = try_load(copy, notes);
        CAPTURE(p);
        CAPTURE(why);
        if (why.empty()) {
            CHECK(notes == note_count);  // bytes the store does not use: nothing lost or changed
            ++whole;
        } else {
            CHECK(why.find("is damaged") != std::string::npos);
            CHECK(why.find("samling restore") != std::string::npos);
            ++refused;
        }
    }
    MESSAGE(refused << " of " << pages - 1 << " damaged copies refused, " << whole << " loaded whole");
    CHECK(refused > 0);
}

TEST_CASE("a truncated store and a damaged header are refused") {
    TempDir dir;
    make_store(dir.path / "good");
    const fs::path good = dir.path / "good" / Store::database_file;
    for (const char* kind : {"half", "header"}) {
        const fs::path copy = dir.path / kind;
        fs::create_directories(copy);
        fs::copy_file(good, copy / Store::database_file);
        if (std::string(kind) == "half")
            fs::resize_file(copy / Store::database_file, fs::file_size(good) / 2);
        else
            overwrite(copy / Store::database_file, 0, 100, 7);
        std::size_t notes = 0;
        const std::string why = try_load(copy, notes);
        CAPTURE(kind);
        CHECK(why.find("is damaged") != std::string::npos);
    }
}

TEST_CASE("a WAL copied without its database is refused, and no new store is made") {
    TempDir dir;
    const fs::path live = dir.path / "live", copy = dir.path / "copy";
    fs::create_directories(copy);
    {
        auto store = Store::open(live);
        REQUIRE(store.ok());
        auto w = store.value()->load(test_catalog());
        REQUIRE(w.ok());
        Hub hub(*store.value(), std::move(w.value()));
        REQUIRE(hub.submit(cmd::OpenRoom{"Rom", "ABC234", Language::nb}).ok());
        const fs::path wal = live / (std::string(Store::database_file) + "-wal");
        REQUIRE(fs::file_size(wal) > 0);  // the commit is in the WAL while the store is open
        fs::copy_file(wal, copy / wal.filename());
    }
    std::size_t notes = 0;
    const std::string why = try_load(copy, notes);
    CHECK(why.find("-wal but not") != std::string::npos);
    CHECK_FALSE(fs::exists(copy / Store::database_file));
}
