// Specification of a real programme's housekeeping in the core: the room's name and language,
// archiving and deleting groups and gatherings, moving and removing participants, reopening a
// run, and the way back every facilitator action carries for Ctrl+Z.
#include <doctest/doctest.h>

#include "core/presence.hpp"
#include "core_fixture.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

// Applies a decision's way back, as the hub does for UndoLast (through cmd::Undo's checks).
void undo_decision(Workshop& w, const Decision& d) {
    run(w, cmd::Undo{d.undo});
}

}  // namespace

TEST_CASE("the room is named after the programme and its open gathering until the facilitator names it") {
    RoomFixture f;
    run(f.w, cmd::SetRoom{std::string(), std::nullopt});
    CHECK(f.w.room_title() == "Samling");
    run(f.w, cmd::NameProgramme{"LUP Bærum"});
    CHECK(f.w.room_title() == "LUP Bærum");
    const Id g1 = run(f.w, cmd::SaveGathering{0, "Samling 1", "2027-09-14"}).subject;
    run(f.w, cmd::OpenGathering{g1});
    CHECK(f.w.room_title() == "LUP Bærum – Samling 1");
    const Decision named = run(f.w, cmd::SetRoom{std::string("Storsalen"), Language::nn});
    CHECK(f.w.room_title() == "Storsalen");
    CHECK(f.w.room()->language == Language::nn);
    undo_decision(f.w, named);
    CHECK(f.w.room_title() == "LUP Bærum – Samling 1");
    CHECK(f.w.room()->language == Language::nb);
}

TEST_CASE("an archived group keeps its log but takes no new phones; unarchiving brings it back") {
    RoomFixture f;
    const Decision d = run(f.w, cmd::ArchiveGroup{f.sor, true});
    CHECK(f.w.group(f.sor)->archived);
    CHECK(refusal(f.w, cmd::Join{"ABC234", f.sor, "", std::string(32, 'd')}) == Errc::group_not_found);
    undo_decision(f.w, d);
    CHECK_FALSE(f.w.group(f.sor)->archived);
    run(f.w, cmd::Join{"ABC234", f.sor, "", std::string(32, 'd')});
}

TEST_CASE("a group that has written anything is not deleted: group_has_notes; an empty one goes with its phones") {
    RoomFixture f;
    run(f.w, cmd::AddNote{f.anna, "n1", "Ventetid", std::nullopt});
    CHECK(refusal(f.w, cmd::DeleteGroup{f.nord}) == Errc::group_has_notes);
    // A conclusion alone is content too.
    run(f.w, cmd::GoToStep{f.sor, 2});
    run(f.w, cmd::SetConclusion{f.sor, "statement", "Vi ser barna for sent"});
    CHECK(refusal(f.w, cmd::DeleteGroup{f.sor}) == Errc::group_has_notes);
    run(f.w, cmd::SetConclusion{f.sor, "statement", ""});
    const std::string token = std::to_string(f.cato) + "." + std::string(32, 'c');
    REQUIRE(f.w.authenticate(token));
    run(f.w, cmd::DeleteGroup{f.sor});
    CHECK(f.w.group(f.sor) == nullptr);
    CHECK(f.w.participant(f.cato) == nullptr);
    CHECK_FALSE(f.w.authenticate(token));
    CHECK(f.w.current_run(f.sor) == nullptr);
}

TEST_CASE("a gathering some run belongs to is archived, not deleted; an unused one is deleted and undone") {
    RoomFixture f;
    const Id used = run(f.w, cmd::SaveGathering{0, "Samling 1", ""}).subject;
    run(f.w, cmd::OpenGathering{used});
    run(f.w, cmd::StartExercise{f.nord, "ex"});
    CHECK(refusal(f.w, cmd::DeleteGathering{used}) == Errc::group_has_notes);
    run(f.w, cmd::ArchiveGathering{used, true});
    CHECK(f.w.gathering(used)->archived);

    const Id spare = run(f.w, cmd::SaveGathering{0, "Samling 2", "2027-02-01"}).subject;
    run(f.w, cmd::SetAgenda{spare, {"ex"}});
    const Decision gone = run(f.w, cmd::DeleteGathering{spare});
    CHECK(f.w.gathering(spare) == nullptr);
    undo_decision(f.w, gone);
    REQUIRE(f.w.gathering(spare));
    CHECK(f.w.gathering(spare)->title == "Samling 2");
    CHECK(f.w.agenda(spare) == std::vector<std::string>{"ex"});
    // The next gathering follows the highest number, so a deleted last one hands its number on.
    CHECK(f.w.gathering(run(f.w, cmd::SaveGathering{0, "Samling 3", ""}).subject)->number == 3);
    run(f.w, cmd::DeleteGathering{spare});
    CHECK(f.w.gathering(run(f.w, cmd::SaveGathering{0, "Samling 4", ""}).subject)->number == 4);
}

TEST_CASE("a moved participant keeps its token and its notes stay in the old group's run") {
    RoomFixture f;
    const Id note = run(f.w, cmd::AddNote{f.anna, "n1", "Ventetid hos PPT", std::nullopt}).subject;
    const Id old_run = f.w.current_run(f.nord)->id;
    const Decision moved = run(f.w, cmd::MoveParticipant{f.anna, f.sor});
    CHECK(f.w.participant(f.anna)->group == f.sor);
    CHECK(f.w.participants_in(f.nord) == 1);
    CHECK(f.w.participants_in(f.sor) == 2);
    CHECK(f.w.note(note)->run == old_run);
    CHECK(f.w.authenticate(std::to_string(f.anna) + "." + std::string(32, 'a')) == f.anna);
    undo_decision(f.w, moved);
    CHECK(f.w.participant(f.anna)->group == f.nord);
    // The phone's own "Bytt gruppe" is the same move, and none of the facilitator's to undo.
    const Decision own = run(f.w, cmd::ChangeGroup{f.anna, f.sor});
    CHECK(own.undo.empty());
    CHECK(f.w.participant(f.anna)->group == f.sor);
    CHECK_FALSE(run(f.w, cmd::ChangeGroup{f.anna, f.sor}).created);  // a second tap changes nothing
    run(f.w, cmd::ArchiveGroup{f.nord, true});
    CHECK(refusal(f.w, cmd::ChangeGroup{f.anna, f.nord}) == Errc::group_not_found);
}

TEST_CASE("a removed participant's token is refused and it no longer counts; undo lets it back in") {
    RoomFixture f;
    const std::string token = std::to_string(f.bo) + "." + std::string(32, 'b');
    const Decision removed = run(f.w, cmd::RemoveParticipant{f.bo});
    CHECK_FALSE(f.w.authenticate(token));
    CHECK(f.w.participants_in(f.nord) == 1);
    CHECK(refusal(f.w, cmd::RemoveParticipant{f.bo}) == Errc::invalid_request);
    undo_decision(f.w, removed);
    CHECK(f.w.authenticate(token) == f.bo);
}

TEST_CASE("a run left by a new start is reopened with its notes; taking the start back does the same") {
    RoomFixture f;
    const Id first = f.w.current_run(f.nord)->id;
    const Id note = run(f.w, cmd::AddNote{f.anna, "n1", "Ventetid", std::nullopt}).subject;
    const Decision started = run(f.w, cmd::StartExercise{f.nord, "ex"});
    const Id second = f.w.current_run(f.nord)->id;
    CHECK(second != first);
    CHECK(f.w.runs_of(f.nord).size() == 2);
    undo_decision(f.w, started);
    CHECK(f.w.current_run(f.nord)->id == first);
    CHECK(f.w.notes_of_run(first).front()->id == note);

    const Decision reopened = run(f.w, cmd::ReopenRun{second});
    CHECK(f.w.current_run(f.nord)->id == second);
    CHECK_FALSE(run(f.w, cmd::ReopenRun{second}).created);
    undo_decision(f.w, reopened);
    CHECK(f.w.current_run(f.nord)->id == first);
    CHECK(refusal(f.w, cmd::ReopenRun{999}) == Errc::invalid_request);
}

TEST_CASE("a group's first start taken back leaves it with no current run") {
    RoomFixture f;
    const Id g = run(f.w, cmd::AddGroup{"Øst"}).subject;
    const Decision started = run(f.w, cmd::StartExercise{g, "ex"});
    undo_decision(f.w, started);
    CHECK(f.w.current_run(g) == nullptr);
}

TEST_CASE("step changes, reveal, lock, timer and conclude carry their way back") {
    RoomFixture f;
    const Id hidden = run(f.w, cmd::AddNote{f.anna, "n1", "Skjult lapp", std::nullopt}).subject;
    REQUIRE_FALSE(f.w.note(hidden)->revealed);  // a silent write step
    const Id run_id = f.w.current_run(f.nord)->id;

    const Decision locked = run(f.w, cmd::LockWriting{f.nord, true});
    const Decision stepped = run(f.w, cmd::GoToStep{f.nord, 1});  // the vote step reveals
    CHECK(f.w.note(hidden)->revealed);
    CHECK_FALSE(f.w.runs().at(run_id).writing_locked);
    undo_decision(f.w, stepped);
    CHECK(f.w.runs().at(run_id).step == 0);
    CHECK_FALSE(f.w.note(hidden)->revealed);
    CHECK(f.w.runs().at(run_id).writing_locked);
    undo_decision(f.w, locked);
    CHECK_FALSE(f.w.runs().at(run_id).writing_locked);

    const Decision revealed = run(f.w, cmd::Reveal{f.nord});
    CHECK(f.w.note(hidden)->revealed);
    undo_decision(f.w, revealed);
    CHECK_FALSE(f.w.note(hidden)->revealed);

    const Decision timed = run(f.w, cmd::RunTimer{f.nord, TimerAction::start}, 5000);
    CHECK(f.w.runs().at(run_id).timer.running());
    undo_decision(f.w, timed);
    CHECK_FALSE(f.w.runs().at(run_id).timer.running());

    const Decision concluded = run(f.w, cmd::ConcludeRun{f.nord});
    CHECK(f.w.project_log(f.nord).size() == 1);
    undo_decision(f.w, concluded);
    CHECK(f.w.project_log(f.nord).empty());
}

TEST_CASE("an undo that touches what is gone since is refused whole") {
    RoomFixture f;
    const Id g = run(f.w, cmd::AddGroup{"Øst"}).subject;
    const Decision archived = run(f.w, cmd::ArchiveGroup{g, true});
    run(f.w, cmd::ArchiveGroup{g, false});
    run(f.w, cmd::DeleteGroup{g});
    CHECK(refusal(f.w, cmd::Undo{archived.undo}) == Errc::invalid_request);
}

TEST_CASE("presence counts the phones heard from lately, and done among them") {
    RoomFixture f;
    Presence p;
    const Timestamp now = 1000 + 10 * 60 * 1000;  // ten minutes after everyone joined
    CHECK(p.present_in(f.w, f.nord, now) == 0);
    p.last_seen[f.anna] = now - 1000;
    p.last_seen[f.bo] = now - presence_window_ms - 1;  // closed its phone a while ago
    CHECK(p.present_in(f.w, f.nord, now) == 1);
    CHECK(p.present(f.w, f.anna, now));
    CHECK_FALSE(p.present(f.w, f.bo, now));
    run(f.w, cmd::MarkDone{f.anna, true});
    run(f.w, cmd::MarkDone{f.bo, true});
    const ExerciseRun& r = *f.w.current_run(f.nord);
    CHECK(f.w.done_count(r) == 2);
    CHECK(p.done_present(f.w, r, now) == 1);
    // Just joined counts as seen; a removed phone never counts.
    CHECK(p.present(f.w, f.cato, 1000 + 1000));
    run(f.w, cmd::RemoveParticipant{f.anna});
    CHECK(p.present_in(f.w, f.nord, now) == 0);
}

TEST_CASE("start-next after a start taken back reopens the run that was left, with its notes") {
    RoomFixture f;
    const Id g1 = run(f.w, cmd::SaveGathering{0, "Samling 1", ""}).subject;
    run(f.w, cmd::OpenGathering{g1});
    run(f.w, cmd::SetAgenda{g1, {"ex", "ex2"}});
    const Id first = run(f.w, cmd::StartNext{f.nord}).subject;  // ex
    CHECK(f.w.current_run(f.nord)->exercise == "ex");
    const Decision second = run(f.w, cmd::StartNext{f.nord});  // ex2
    const Id ex2 = f.w.current_run(f.nord)->id;
    CHECK(f.w.runs().at(ex2).exercise == "ex2");
    run(f.w, cmd::AddFacilitatorNote{f.nord, "Skrevet i ex2", "obs"});
    undo_decision(f.w, second);
    CHECK(f.w.current_run(f.nord)->id == first);
    // S again: ex is where the group is, so ex2 is next, and its run comes back, not a new one.
    const Decision again = run(f.w, cmd::StartNext{f.nord});
    CHECK(again.subject == ex2);
    CHECK(f.w.current_run(f.nord)->id == ex2);
    CHECK(f.w.notes_of_run(ex2).size() == 1);
    CHECK(f.w.runs_of(f.nord).size() == 3);  // the fixture's run, ex, ex2: nothing new
    // With both saved in the log, the agenda is done.
    run(f.w, cmd::ConcludeRun{f.nord});
    run(f.w, cmd::ReopenRun{first});
    run(f.w, cmd::ConcludeRun{f.nord});
    CHECK(refusal(f.w, cmd::StartNext{f.nord}) == Errc::invalid_request);
}
