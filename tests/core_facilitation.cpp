// Specification of the facilitator's step machine and board edits: reveal, lock, timer,
// done, move, cluster, merge, chains, conclusions, carry-over and undo.
#include "core_fixture.hpp"

#include "core/participant_view.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

// Applies a board edit and returns the changes that take it back.
std::vector<Change> edit(Workshop& w, const Command& c) {
    return run(w, c).undo;
}

void undo(Workshop& w, std::vector<Change> changes) {
    run(w, cmd::Undo{std::move(changes)});
}

}  // namespace

TEST_CASE("a silent note stays hidden from other phones until reveal, then shows without its author") {
    RoomFixture f;
    const Id n = f.note(f.anna, "a1", "Annas observasjon");
    CHECK_FALSE(f.w.note(n)->revealed);
    CHECK(view_for(f.w, f.bo, 0).notes.empty());
    run(f.w, cmd::Reveal{f.nord});
    CHECK(f.w.note(n)->revealed);
    const auto v = view_for(f.w, f.bo, 0);
    REQUIRE(v.notes.size() == 1);
    CHECK(v.notes[0].text == "Annas observasjon");
    CHECK_FALSE(v.notes[0].mine);
}

TEST_CASE("leaving a write step reveals; a new write round starts hidden again") {
    RoomFixture f;
    f.note(f.anna, "a1");
    run(f.w, cmd::GoToStep{f.nord, 1});
    CHECK(view_for(f.w, f.bo, 0).notes.size() == 1);
    run(f.w, cmd::GoToStep{f.nord, 0});  // a second diverge round
    const Id second = f.note(f.anna, "a2", "Runde to");
    CHECK_FALSE(f.w.note(second)->revealed);
    CHECK(view_for(f.w, f.bo, 0).notes.size() == 1);
    CHECK(f.w.notes_of_run(f.w.current_run(f.nord)->id).size() == 2);  // going back lost nothing
}

TEST_CASE("locked writing refuses notes with step_closed; unlocking or a new step opens again") {
    RoomFixture f;
    run(f.w, cmd::LockWriting{f.nord, true});
    CHECK(refusal(f.w, cmd::AddNote{f.anna, "c1", "sent", std::nullopt}) == Errc::step_closed);
    CHECK_FALSE(view_for(f.w, f.anna, 0).activity->accepts_notes);
    run(f.w, cmd::LockWriting{f.nord, false});
    CHECK(f.w.decide(cmd::AddNote{f.anna, "c1", "nå", std::nullopt}, 0).ok());
}

TEST_CASE("the timer runs, pauses and resets on the facilitator's word, and a step brings its own") {
    RoomFixture f;
    const auto timer = [&] { return f.w.current_run(f.nord)->timer; };
    CHECK(timer().duration_ms == 5 * 60 * 1000);  // the test step has no time box: the default
    run(f.w, cmd::RunTimer{f.nord, TimerAction::start}, 10'000);
    CHECK(timer().remaining_ms(70'000) == 4 * 60 * 1000);
    CHECK(refusal(f.w, cmd::RunTimer{f.nord, TimerAction::start}) == Errc::invalid_request);
    run(f.w, cmd::RunTimer{f.nord, TimerAction::pause}, 70'000);
    CHECK(timer().remaining_ms(999'999) == 4 * 60 * 1000);  // paused: time stands still
    run(f.w, cmd::RunTimer{f.nord, TimerAction::reset}, 80'000);
    CHECK(timer().remaining_ms(999'999) == 5 * 60 * 1000);
    CHECK_FALSE(timer().running());
    const auto phone = view_for(f.w, f.anna, 0).activity->timer;
    CHECK(phone.remaining_seconds == 300);
}

TEST_CASE("'done' is counted per step and starts over in the next") {
    RoomFixture f;
    run(f.w, cmd::MarkDone{f.anna, true});
    const Decision again = run(f.w, cmd::MarkDone{f.anna, true});
    CHECK(again.changes.empty());
    CHECK(f.w.done_count(*f.w.current_run(f.nord)) == 1);
    CHECK(view_for(f.w, f.bo, 0).activity->done.count == 1);
    CHECK(view_for(f.w, f.bo, 0).activity->done.total == 2);
    run(f.w, cmd::GoToStep{f.nord, 1});
    CHECK(f.w.done_count(*f.w.current_run(f.nord)) == 0);
}

TEST_CASE("moving a note to another zone places it and takes it out of its cluster; undo puts it back") {
    RoomFixture f;
    const Id a = f.note(f.anna, "a1"), b = f.note(f.bo, "b1");
    const Id cluster = run(f.w, cmd::MakeCluster{f.nord, "obs", "Samarbeid", {a, b}}).subject;
    CHECK(f.w.note(a)->cluster == cluster);
    const auto back = edit(f.w, cmd::PlaceNote{a, "park", unplaced, unplaced});
    CHECK(f.w.note(a)->zone == "park");
    CHECK(f.w.note(a)->cluster == 0);
    CHECK(refusal(f.w, cmd::PlaceNote{a, "nowhere", unplaced, unplaced}) == Errc::zone_unknown);
    CHECK(refusal(f.w, cmd::PlaceNote{a, "obs", 1.5, 0.2}) == Errc::invalid_request);
    undo(f.w, back);
    CHECK(f.w.note(a)->zone == "obs");
    CHECK(f.w.note(a)->cluster == cluster);
}

TEST_CASE("a cluster gathers notes under a name in its zone; undo of the cluster releases them") {
    RoomFixture f;
    const Id a = f.note(f.anna, "a1"), b = f.note(f.bo, "b1");
    run(f.w, cmd::PlaceNote{b, "park", unplaced, unplaced});
    const Decision made = run(f.w, cmd::MakeCluster{f.nord, "obs", "Informasjonsflyt", {a, b}});
    CHECK(f.w.cluster(made.subject)->name == "Informasjonsflyt");
    CHECK(f.w.note(b)->zone == "obs");  // joined the cluster's zone
    CHECK(f.w.clusters_of_run(f.w.current_run(f.nord)->id).size() == 1);
    const auto renamed = edit(f.w, cmd::RenameCluster{made.subject, "Beskjeder"});
    CHECK(f.w.cluster(made.subject)->name == "Beskjeder");
    undo(f.w, renamed);
    CHECK(f.w.cluster(made.subject)->name == "Informasjonsflyt");
    undo(f.w, made.undo);
    CHECK(f.w.note(a)->cluster == 0);
    CHECK(f.w.note(b)->zone == "park");
}

TEST_CASE("merging folds a duplicate into another note: hidden, its dots counted there; undo splits them") {
    RoomFixture f;
    const Id keep = f.note(f.anna, "a1", "Beskjeder blir borte"), dup = f.note(f.bo, "b1", "Beskjeder forsvinner");
    run(f.w, cmd::GoToStep{f.nord, 1});
    run(f.w, cmd::CastVote{f.anna, dup});
    const auto back = edit(f.w, cmd::MergeNotes{keep, dup});
    CHECK(f.w.notes_of_run(f.w.current_run(f.nord)->id).size() == 1);
    CHECK(f.w.merged_count(keep) == 1);
    CHECK(f.w.dots_on(keep) == 1);
    CHECK(view_for(f.w, f.anna, 0).notes.size() == 1);  // phones see the merged board too
    CHECK(refusal(f.w, cmd::MergeNotes{keep, keep}) == Errc::invalid_request);
    undo(f.w, back);
    CHECK(f.w.notes_of_run(f.w.current_run(f.nord)->id).size() == 2);
    CHECK(f.w.dots_on(keep) == 0);
}

TEST_CASE("the facilitator edits, highlights and deletes any note, each undoable") {
    RoomFixture f;
    const Id n = f.note(f.anna, "a1", "skrivefeil");
    const auto text_back = edit(f.w, cmd::SetNoteText{n, "Rettet tekst"});
    CHECK(f.w.note(n)->text == "Rettet tekst");
    const auto light_back = edit(f.w, cmd::HighlightNote{n, true});
    CHECK(f.w.note(n)->highlighted);
    const auto delete_back = edit(f.w, cmd::RemoveNote{n});
    CHECK(f.w.notes_of_run(f.w.current_run(f.nord)->id).empty());
    undo(f.w, delete_back);
    undo(f.w, light_back);
    undo(f.w, text_back);
    CHECK(f.w.note(n)->text == "skrivefeil");
    CHECK_FALSE(f.w.note(n)->highlighted);
    CHECK_FALSE(f.w.note(n)->deleted);
}

TEST_CASE("undo of an edit whose note no longer exists is refused") {
    RoomFixture f;
    CHECK(refusal(f.w, cmd::Undo{{change::NoteHighlighted{999, false}}}) == Errc::invalid_request);
    CHECK(refusal(f.w, cmd::Undo{{change::GroupAdded{LeaderGroup{50, "sneaky"}}}}) == Errc::invalid_request);
    CHECK(refusal(f.w, cmd::Undo{{}}) == Errc::nothing_to_undo);
}

TEST_CASE("the facilitator adds a note for someone without a phone; it is no phone's own") {
    RoomFixture f;
    const Id n = run(f.w, cmd::AddFacilitatorNote{f.nord, "Fra lappen på bordet", "", 0}).subject;
    CHECK(f.w.note(n)->author == 0);
    CHECK(f.w.note(n)->zone == "obs");
    CHECK_FALSE(f.w.note(n)->revealed);  // the step is silent for everyone
    run(f.w, cmd::Reveal{f.nord});
    const auto v = view_for(f.w, f.anna, 0);
    REQUIRE(v.notes.size() == 1);
    CHECK_FALSE(v.notes[0].mine);
    CHECK(preview_for(f.w, f.nord, 0).notes.size() == 1);
}

TEST_CASE("conclusions are stored per run and field; unknown fields are refused") {
    RoomFixture f;
    const auto back = edit(f.w, cmd::SetConclusion{f.nord, "statement", " For barna skjer noe "});
    const Id run_id = f.w.current_run(f.nord)->id;
    CHECK(f.w.conclusion(run_id, "statement") == "For barna skjer noe");
    CHECK(refusal(f.w, cmd::SetConclusion{f.nord, "nope", "x"}) == Errc::invalid_request);
    undo(f.w, back);
    CHECK(f.w.conclusion(run_id, "statement").empty());
}

TEST_CASE("the latest conclusion of an earlier exercise carries over to the group's next") {
    RoomFixture f;
    run(f.w, cmd::SetConclusion{f.nord, "statement", "Første formulering"});
    run(f.w, cmd::StartExercise{f.nord, "ex"});
    CHECK(f.w.latest_conclusion(f.nord, "ex", "statement") == "Første formulering");
    run(f.w, cmd::SetConclusion{f.nord, "statement", "Skarpere formulering"});
    CHECK(f.w.latest_conclusion(f.nord, "ex", "statement") == "Skarpere formulering");
    CHECK_FALSE(f.w.latest_conclusion(f.sor, "ex", "statement"));
}

TEST_CASE("a phone sees the preview the facilitator sees: the same notes, no own notes, no votes") {
    RoomFixture f;
    f.note(f.anna, "a1");
    CHECK(preview_for(f.w, f.nord, 0).notes.empty());
    run(f.w, cmd::GoToStep{f.nord, 1});
    const auto preview = preview_for(f.w, f.nord, 0);
    CHECK(preview.notes.size() == 1);
    REQUIRE(preview.activity->votes);
    CHECK(preview.activity->votes->left == 2);
}
