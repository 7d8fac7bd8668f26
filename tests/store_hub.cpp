// Specification of the hub: one path for every change, group commit, snapshots, wake-ups.
#include <doctest/doctest.h>

#include <atomic>
#include <thread>

#include "core_fixture.hpp"
#include "hub/hub.hpp"
#include "store/store.hpp"
#include "store_temp_dir.hpp"

using namespace samling;
using namespace samling::testing;

TEST_CASE("concurrent writers all get their own note, and snapshots never go backwards") {
    TempDir dir;
    auto store = Store::open(dir.path);
    REQUIRE(store.ok());
    auto loaded = store.value()->load(test_catalog());
    REQUIRE(loaded.ok());
    Hub hub(*store.value(), std::move(loaded.value()));
    std::atomic<int> woken{0};
    hub.on_change([&] { ++woken; });

    REQUIRE(hub.submit(cmd::OpenRoom{"Rom", "ABC234", Language::nb}).ok());
    const Id g = hub.submit(cmd::AddGroup{"Nord"})->subject;
    REQUIRE(hub.submit(cmd::StartExercise{g, "ex"}).ok());

    constexpr int phones = 16, notes_each = 25;
    std::vector<std::thread> threads;
    threads.reserve(phones);
    std::atomic<int> failures{0};
    for (int t = 0; t < phones; ++t) {
        threads.emplace_back([&, t] {
            const auto secret = std::string(32, static_cast<char>('a' + t));
            auto joined = hub.submit(cmd::Join{"ABC234", g, "", secret});
            if (!joined) return void(++failures);
            Revision last = 0;
            for (int i = 0; i < notes_each; ++i) {
                auto r = hub.submit(cmd::AddNote{joined->subject, std::to_string(i), "lapp", std::nullopt});
                if (!r || !r->state->note(r->subject)) ++failures;
                const Revision now = hub.snapshot()->revision();
                if (now < last) ++failures;
                last = now;
            }
        });
    }
    for (auto& t : threads) t.join();
    CHECK(failures == 0);
    const auto state = hub.snapshot();
    CHECK(state->notes_of_run(state->current_run(g)->id).size() == phones * notes_each);
    CHECK(woken > 0);
    CHECK(woken <= 3 + phones * (notes_each + 1));  // at most one wake-up per batch
}

TEST_CASE("a refused command changes nothing and leaves others in its batch alone") {
    TempDir dir;
    auto store = Store::open(dir.path);
    REQUIRE(store.ok());
    auto loaded = store.value()->load(test_catalog());
    REQUIRE(loaded.ok());
    Hub hub(*store.value(), std::move(loaded.value()));
    REQUIRE(hub.submit(cmd::OpenRoom{"Rom", "ABC234", Language::nb}).ok());
    const Revision before = hub.snapshot()->revision();
    auto bad = hub.submit(cmd::Join{"WRONG1", 1, "", std::string(32, 'a')});
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == Errc::room_code_invalid);
    CHECK(hub.snapshot()->revision() == before);
}

TEST_CASE("wait_for_change returns as soon as the revision moves") {
    TempDir dir;
    auto store = Store::open(dir.path);
    REQUIRE(store.ok());
    auto loaded = store.value()->load(test_catalog());
    REQUIRE(loaded.ok());
    Hub hub(*store.value(), std::move(loaded.value()));
    const Revision r0 = hub.snapshot()->revision();
    std::thread writer([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        (void)hub.submit(cmd::OpenRoom{"Rom", "ABC234", Language::nb});
    });
    const auto state = hub.wait_for_change(r0, std::chrono::seconds(10));
    writer.join();
    CHECK(state->revision() == r0 + 1);
}

TEST_CASE("an exception while deciding fails that batch in words; the hub keeps serving and nothing half-saved") {
    TempDir dir;
    auto store = Store::open(dir.path);
    REQUIRE(store.ok());
    auto loaded = store.value()->load(test_catalog());
    REQUIRE(loaded.ok());
    std::atomic<bool> explode{false};
    Hub hub(*store.value(), std::move(loaded.value()), [&explode]() -> Timestamp {
        if (explode.exchange(false)) throw std::out_of_range("map::at");  // as a stray at() would
        return 1000;
    });
    REQUIRE(hub.submit(cmd::OpenRoom{"Rom", "ABC234", Language::nb}).ok());
    const Id group = hub.submit(cmd::AddGroup{"Nord"})->subject;
    const Revision before = hub.snapshot()->revision();

    explode = true;
    auto failed = hub.submit(cmd::AddGroup{"Sør"});
    REQUIRE_FALSE(failed.ok());
    CHECK(failed.error().code == Errc::storage_failed);
    CHECK(failed.error().message.find("map::at") != std::string::npos);
    CHECK(hub.snapshot()->revision() == before);
    CHECK(hub.storage_trouble().find("nothing of it was saved") != std::string::npos);

    // Still serving: the next change is decided, saved and published; the trouble is over.
    auto next = hub.submit(cmd::EditGroup{group, std::string("Nord-Vest"), std::nullopt, std::nullopt});
    REQUIRE(next.ok());
    CHECK(hub.snapshot()->group(group)->name == "Nord-Vest");
    CHECK(hub.storage_trouble().empty());
    auto reread = store.value()->load(test_catalog());
    REQUIRE(reread.ok());
    CHECK(reread->groups().size() == 1);  // "Sør" never reached the disk
}
