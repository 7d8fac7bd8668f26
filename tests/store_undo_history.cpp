// Specification of the hub's undo history and of the housekeeping a programme needs, through a
// real hub and SQLite file: Ctrl+Z takes back the facilitator's last action, whatever it was;
// several commands taken together are one step; what was set survives a restart.
#include <doctest/doctest.h>

#include "core_fixture.hpp"
#include "hub/hub.hpp"
#include "store/store.hpp"
#include "store_temp_dir.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

struct HubFixture {
    TempDir dir;
    std::unique_ptr<Store> store;
    std::unique_ptr<Hub> hub;
    Id nord = 0, sor = 0, ost = 0, anna = 0;

    HubFixture() { open(); }

    void open() {
        hub.reset();
        store.reset();
        auto s = Store::open(dir.path);
        REQUIRE(s.ok());
        store = std::move(s.value());
        auto w = store->load(test_catalog());
        REQUIRE(w.ok());
        hub = std::make_unique<Hub>(*store, std::move(w.value()));
    }

    Receipt submit(Command c) {
        auto r = hub->submit(std::move(c));
        REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
        return r.value();
    }
    Errc refused(Command c) {
        auto r = hub->submit(std::move(c));
        REQUIRE_FALSE(r.ok());
        return r.error().code;
    }
    void seed() {
        submit(cmd::OpenRoom{"", "ABC234", Language::nb});
        nord = submit(cmd::AddGroup{"Nord"}).subject;
        sor = submit(cmd::AddGroup{"Sør"}).subject;
        ost = submit(cmd::AddGroup{"Øst"}).subject;
        for (Id g : {nord, sor, ost}) submit(cmd::StartExercise{g, "ex"});
        anna = submit(cmd::Join{"ABC234", nord, "Anna", std::string(32, 'a')}).subject;
    }
    Id current(Id group) const { return hub->snapshot()->current_run(group)->id; }
};

}  // namespace

TEST_CASE("undo takes back the facilitator's last action, whatever it was, newest first") {
    HubFixture f;
    f.seed();
    const Id run = f.current(f.nord);
    f.submit(cmd::LockWriting{f.sor, true});
    f.submit(cmd::AddNote{f.anna, "n1", "Lapp fra telefonen", std::nullopt});  // a phone's: not in the history
    f.submit(cmd::GoToStep{f.nord, 1});
    f.submit(cmd::UndoLast{});
    CHECK(f.hub->snapshot()->runs().at(run).step == 0);
    CHECK(f.hub->snapshot()->current_run(f.sor)->writing_locked);
    f.submit(cmd::UndoLast{});
    CHECK_FALSE(f.hub->snapshot()->current_run(f.sor)->writing_locked);
    // The phone's note is still there: undo never takes a participant's work.
    CHECK(f.hub->snapshot()->notes_of_run(run).size() == 1);
}

TEST_CASE("several commands together are one action: one answer, one undo") {
    HubFixture f;
    f.seed();
    const Id before[] = {f.current(f.nord), f.current(f.sor), f.current(f.ost)};
    const Receipt r = f.submit(cmd::Together{{cmd::StartExercise{f.nord, "ex"}, cmd::StartExercise{f.sor, "ex"},
                                              cmd::StartExercise{f.ost, "ex"}, cmd::GoToStep{f.nord, 99}}});
    CHECK(r.subject == 3);  // three done
    CHECK(r.refused == 1);  // no step 99: left out, the rest stands
    REQUIRE(r.first_refusal);
    CHECK(r.first_refusal->code == Errc::invalid_request);
    CHECK(f.current(f.nord) != before[0]);
    CHECK(f.current(f.ost) != before[2]);
    f.submit(cmd::UndoLast{});
    CHECK(f.current(f.nord) == before[0]);
    CHECK(f.current(f.sor) == before[1]);
    CHECK(f.current(f.ost) == before[2]);
    CHECK(f.refused(cmd::Together{{cmd::GoToStep{f.nord, 99}}}) == Errc::invalid_request);
}

TEST_CASE("an action that cannot be undone stops Ctrl+Z there instead of undoing an older one") {
    HubFixture f;
    f.seed();
    f.submit(cmd::LockWriting{f.nord, true});
    const Id spare = f.submit(cmd::AddGroup{"Vest"}).subject;
    f.submit(cmd::DeleteGroup{spare});
    CHECK(f.refused(cmd::UndoLast{}) == Errc::invalid_request);  // deleting asks first; it is final
    CHECK(f.hub->snapshot()->current_run(f.nord)->writing_locked);
    CHECK(f.refused(cmd::UndoLast{}) == Errc::invalid_request);  // adding Vest: Vest is gone already
    f.submit(cmd::UndoLast{});                                   // the next Ctrl+Z goes on to the lock
    CHECK_FALSE(f.hub->snapshot()->current_run(f.nord)->writing_locked);
}

TEST_CASE("the history is empty after everything was undone, and says so") {
    HubFixture f;
    f.submit(cmd::OpenRoom{"", "ABC234", Language::nb});
    const Id g = f.submit(cmd::AddGroup{"Nord"}).subject;
    CHECK(f.hub->undo_depth() == 2);
    f.submit(cmd::UndoLast{});  // the group goes again: it has written nothing
    CHECK(f.hub->snapshot()->group(g) == nullptr);
    CHECK(f.refused(cmd::UndoLast{}) == Errc::invalid_request);  // opening the room is not undone
    CHECK(f.refused(cmd::UndoLast{}) == Errc::nothing_to_undo);
}

TEST_CASE("a reopened run, archived groups and gatherings, moved and removed phones survive a restart") {
    HubFixture f;
    f.seed();
    const Id first = f.current(f.nord);
    f.submit(cmd::StartExercise{f.nord, "ex"});
    const Id second = f.current(f.nord);
    f.submit(cmd::ReopenRun{first});
    f.submit(cmd::ArchiveGroup{f.ost, true});
    const Id g1 = f.submit(cmd::SaveGathering{0, "Samling 1", ""}).subject;
    f.submit(cmd::ArchiveGathering{g1, true});
    const Id bo = f.submit(cmd::Join{"ABC234", f.nord, "", std::string(32, 'b')}).subject;
    f.submit(cmd::MoveParticipant{f.anna, f.sor});
    f.submit(cmd::RemoveParticipant{bo});
    f.submit(cmd::SetRoom{std::string("Storsalen"), Language::en});
    const Id spare = f.submit(cmd::AddGroup{"Tom"}).subject;
    f.submit(cmd::StartExercise{spare, "ex"});
    f.submit(cmd::UndoLast{});  // the spare group's only run is not current any more
    f.open();
    const auto w = f.hub->snapshot();
    CHECK(w->current_run(f.nord)->id == first);
    CHECK(w->runs().count(second) == 1);
    CHECK(w->group(f.ost)->archived);
    CHECK(w->gathering(g1)->archived);
    CHECK(w->participant(f.anna)->group == f.sor);
    CHECK_FALSE(w->authenticate(std::to_string(bo) + "." + std::string(32, 'b')));
    CHECK(w->authenticate(std::to_string(f.anna) + "." + std::string(32, 'a')) == f.anna);
    CHECK(w->room_title() == "Storsalen");
    CHECK(w->room()->language == Language::en);
    CHECK(w->current_run(spare) == nullptr);
    // A new start after a reopen is current again, after a restart too.
    f.submit(cmd::StartExercise{f.nord, "ex"});
    const Id third = f.current(f.nord);
    f.open();
    CHECK(f.current(f.nord) == third);
}

TEST_CASE("a deleted group is gone from the file; a deleted gathering too") {
    HubFixture f;
    f.seed();
    f.submit(cmd::Join{"ABC234", f.ost, "", std::string(32, 'c')});
    f.submit(cmd::DeleteGroup{f.ost});
    const Id g = f.submit(cmd::SaveGathering{0, "Feil", ""}).subject;
    f.submit(cmd::SetAgenda{g, {"ex"}});
    f.submit(cmd::OpenGathering{g});
    f.submit(cmd::DeleteGathering{g});
    f.open();
    const auto w = f.hub->snapshot();
    CHECK(w->group(f.ost) == nullptr);
    CHECK(w->groups().size() == 2);
    CHECK(w->gathering(g) == nullptr);
    CHECK(w->open_gathering() == nullptr);
}

TEST_CASE("seen() keeps the newest time for each phone; presence() is a copy") {
    HubFixture f;
    f.seed();
    f.hub->seen(f.anna, 5000);
    f.hub->seen(f.anna, 4000);  // a late answer never moves it back
    const Presence p = f.hub->presence();
    CHECK(p.last_seen.at(f.anna) == 5000);
}
