// Specification: a note the hub acknowledged survives a power cut right after the answer.
// The negative control proves the test can fail: with synchronous=NORMAL, notes are lost.
#include <doctest/doctest.h>

#include "core_fixture.hpp"
#include "hub/hub.hpp"
#include "store/store.hpp"
#include "store_lossy_vfs.hpp"
#include "store_temp_dir.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

// Writes `count` notes through the hub on the lossy VFS, cuts the power after the last
// answer, and returns how many acknowledged notes the disk image still holds.
std::size_t notes_surviving_power_cut(bool full_sync, int count) {
    TempDir live, after;
    LossyVfs& vfs = LossyVfs::instance();
    vfs.reset();
    std::vector<Id> acknowledged;
    {
        auto store = Store::open(live.path, StoreTuning{LossyVfs::name, full_sync});
        REQUIRE(store.ok());
        auto loaded = store.value()->load(test_catalog());
        REQUIRE(loaded.ok());
        Hub hub(*store.value(), std::move(loaded.value()));
        REQUIRE(hub.submit(cmd::OpenRoom{"Rom", "ABC234", Language::nb}).ok());
        const Id g = hub.submit(cmd::AddGroup{"Nord"})->subject;
        REQUIRE(hub.submit(cmd::StartExercise{g, "ex"}).ok());
        const Id p = hub.submit(cmd::Join{"ABC234", g, "", std::string(32, 'a')})->subject;
        for (int i = 0; i < count; ++i) {
            auto r = hub.submit(cmd::AddNote{p, "c" + std::to_string(i), "lapp " + std::to_string(i), std::nullopt});
            REQUIRE(r.ok());
            acknowledged.push_back(r->subject);
        }
        vfs.power_cut_copy(after.path);  // the power goes while Samling is still running
    }
    auto store = Store::open(after.path);
    if (!store) return 0;  // nothing usable survived at all
    auto w = store.value()->load(test_catalog());
    if (!w) return 0;
    std::size_t surviving = 0;
    for (Id id : acknowledged) surviving += w->note(id) != nullptr;
    return surviving;
}

}  // namespace

TEST_CASE("every acknowledged note survives a power cut with synchronous=FULL") {
    CHECK(notes_surviving_power_cut(true, 40) == 40);
}

TEST_CASE("negative control: with synchronous=NORMAL the same power cut loses acknowledged notes") {
    const std::size_t surviving = notes_surviving_power_cut(false, 40);
    MESSAGE("synchronous=NORMAL kept ", surviving, " of 40 acknowledged notes");
    CHECK(surviving < 40);
}
