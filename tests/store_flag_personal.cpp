// A note flagged as personal data is deleted from the store file itself: not a flag on a row,
// and no copy of its text left in the database or its write-ahead log while Samling runs.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include "core_fixture.hpp"
#include "hub/hub.hpp"
#include "store/store.hpp"
#include "store_temp_dir.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

std::string store_file_bytes(const std::filesystem::path& dir) {
    std::string all;
    for (const char* name : {"samling.sqlite3", "samling.sqlite3-wal"}) {
        std::ifstream in(dir / name, std::ios::binary);
        all.append(std::istreambuf_iterator<char>(in), {});
    }
    return all;
}

Id submit_subject(Hub& hub, Command c) {
    auto r = hub.submit(std::move(c));
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    return r->subject;
}

}  // namespace

TEST_CASE("a flagged note's text leaves the store file at once, and it stays gone after a restart") {
    TempDir dir;
    const std::string secret = "Kari Nordmann, 9 år, i 4B har saksnummer 2024/77";
    Id note = 0, other = 0, anna = 0;
    {
        auto store = Store::open(dir.path);
        REQUIRE(store.ok());
        auto w = store.value()->load(test_catalog());
        REQUIRE(w.ok());
        Hub hub(*store.value(), std::move(w.value()));
        submit_subject(hub, cmd::OpenRoom{"Rom", "ABC234", Language::nb});
        const Id group = submit_subject(hub, cmd::AddGroup{"Nord"});
        submit_subject(hub, cmd::StartExercise{group, "ex"});
        anna = submit_subject(hub, cmd::Join{"ABC234", group, "Anna", std::string(32, 'a')});
        note = submit_subject(hub, cmd::AddNote{anna, "a1", secret, std::nullopt});
        other = submit_subject(hub, cmd::AddNote{anna, "a2", "Informasjonsflyten er treg", std::nullopt});
        submit_subject(hub, cmd::GoToStep{group, 1});
        submit_subject(hub, cmd::CastVote{anna, note});
        REQUIRE(store_file_bytes(dir.path).find(secret) != std::string::npos);  // the text is in the file

        submit_subject(hub, cmd::FlagPersonal{note});
        const std::string bytes = store_file_bytes(dir.path);  // Samling still running
        CHECK(bytes.find(secret) == std::string::npos);
        CHECK(bytes.find("Kari Nordmann") == std::string::npos);
        CHECK(bytes.find("Informasjonsflyten er treg") != std::string::npos);
        // Ctrl+Z stops here, and nothing earlier is left that could bring the text back.
        CHECK(hub.undo_depth() == 1);
        CHECK(hub.submit(cmd::UndoLast{}).error().code == Errc::invalid_request);
        CHECK(hub.submit(cmd::UndoLast{}).error().code == Errc::nothing_to_undo);
    }
    auto store = Store::open(dir.path);
    REQUIRE(store.ok());
    auto w = store.value()->load(test_catalog());
    REQUIRE(w.ok());
    CHECK(w->note(note) == nullptr);
    REQUIRE(w->note(other) != nullptr);
    CHECK(w->dots_used(anna, w->note(other)->run) == 0);
    CHECK(store_file_bytes(dir.path).find("Kari Nordmann") == std::string::npos);
}
