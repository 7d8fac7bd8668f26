// Specification of the workshop's rules: joining, notes, votes, steps and revisions.
#include "core_fixture.hpp"

#include "core/participant_view.hpp"

using namespace samling;
using namespace samling::testing;

TEST_CASE("every applied change moves the revision by one") {
    Workshop w(test_catalog());
    CHECK(w.revision() == 0);
    run(w, cmd::OpenRoom{"Rom", "ABC234", Language::nb});
    CHECK(w.revision() == 1);
    run(w, cmd::AddGroup{"Nord"});
    CHECK(w.revision() == 2);
}

TEST_CASE("joining needs the room code, in any letter case, and an existing group") {
    RoomFixture f;
    CHECK(refusal(f.w, cmd::Join{"WRONG1", f.nord, "", std::string(32, 'x')}) == Errc::room_code_invalid);
    CHECK(refusal(f.w, cmd::Join{"ABC234", 999, "", std::string(32, 'x')}) == Errc::group_not_found);
    CHECK(refusal(f.w, cmd::Join{"ABC234", f.nord, std::string(61, 'n'), std::string(32, 'x')}) == Errc::name_too_long);
    CHECK(f.w.participant(f.anna)->group == f.nord);
    CHECK(f.w.participant(f.anna)->name == "Anna");
}

TEST_CASE("a token authenticates only with the right secret") {
    RoomFixture f;
    const std::string id = std::to_string(f.anna);
    CHECK(f.w.authenticate(id + "." + std::string(32, 'a')) == f.anna);
    CHECK_FALSE(f.w.authenticate(id + "." + std::string(32, 'b')));
    CHECK_FALSE(f.w.authenticate(id + "." + std::string(31, 'a')));
    CHECK_FALSE(f.w.authenticate(std::string(32, 'a')));
    CHECK_FALSE(f.w.authenticate("x." + std::string(32, 'a')));
    CHECK_FALSE(f.w.authenticate(""));
}

TEST_CASE("a note is trimmed and lands in the step's default zone") {
    RoomFixture f;
    const Id n = f.note(f.anna, "c1", "  Foreldre får ulike beskjeder  \n");
    CHECK(f.w.note(n)->text == "Foreldre får ulike beskjeder");
    CHECK(f.w.note(n)->zone == "obs");
    CHECK(f.w.note(n)->run == f.w.current_run(f.nord)->id);
}

TEST_CASE("empty, over-long and malformed notes are refused with their own codes") {
    RoomFixture f;
    CHECK(refusal(f.w, cmd::AddNote{f.anna, "c1", " \n\t ", std::nullopt}) == Errc::text_empty);
    CHECK(refusal(f.w, cmd::AddNote{f.anna, "c1", "", std::nullopt}) == Errc::text_empty);
    std::string longest;
    for (int i = 0; i < 280; ++i) longest += "ø";  // 560 bytes, 280 code points
    CHECK(f.w.decide(cmd::AddNote{f.anna, "c1", longest, std::nullopt}, 0).ok());
    CHECK(refusal(f.w, cmd::AddNote{f.anna, "c1", longest + "x", std::nullopt}) == Errc::text_too_long);
    CHECK(refusal(f.w, cmd::AddNote{f.anna, "c1", "bad \xC3", std::nullopt}) == Errc::text_invalid);
    CHECK(refusal(f.w, cmd::AddNote{f.anna, "", "tekst", std::nullopt}) == Errc::client_id_invalid);
    CHECK(refusal(f.w, cmd::AddNote{f.anna, std::string(65, 'c'), "tekst", std::nullopt}) == Errc::client_id_invalid);
}

TEST_CASE("a zone outside the write step's zones is refused") {
    RoomFixture f;
    CHECK(refusal(f.w, cmd::AddNote{f.anna, "c1", "tekst", std::string("park")}) == Errc::zone_unknown);
    CHECK(refusal(f.w, cmd::AddNote{f.anna, "c1", "tekst", std::string("nope")}) == Errc::zone_unknown);
    CHECK(f.w.decide(cmd::AddNote{f.anna, "c1", "tekst", std::string("obs")}, 0).ok());
}

TEST_CASE("the same client_id from the same participant never makes a second note") {
    RoomFixture f;
    const Id first = f.note(f.anna, "same");
    const Revision before = f.w.revision();
    const Decision again = run(f.w, cmd::AddNote{f.anna, "same", "annen tekst", std::nullopt});
    CHECK(again.subject == first);
    CHECK_FALSE(again.created);
    CHECK(again.changes.empty());
    CHECK(f.w.revision() == before);
    CHECK(f.w.notes_of_run(f.w.current_run(f.nord)->id).size() == 1);
    // Another participant may use the same client_id: ids are per phone.
    CHECK(f.note(f.bo, "same") != first);
}

TEST_CASE("a participant edits and deletes only its own notes") {
    RoomFixture f;
    const Id n = f.note(f.anna, "c1");
    // Before reveal Bo may not even learn that Anna's note exists; after, it is hers alone.
    CHECK(refusal(f.w, cmd::EditNote{f.bo, n, std::string("hijack"), std::nullopt}) == Errc::note_not_found);
    run(f.w, cmd::Reveal{f.nord});
    CHECK(refusal(f.w, cmd::EditNote{f.bo, n, std::string("hijack"), std::nullopt}) == Errc::not_your_note);
    CHECK(refusal(f.w, cmd::DeleteNote{f.bo, n}) == Errc::not_your_note);
    // Another group's participant is not told the note exists.
    CHECK(refusal(f.w, cmd::DeleteNote{f.cato, n}) == Errc::note_not_found);
    run(f.w, cmd::EditNote{f.anna, n, std::string(" Ny tekst "), std::nullopt}, 2000);
    CHECK(f.w.note(n)->text == "Ny tekst");
    CHECK(f.w.note(n)->updated_at == 2000);
    CHECK(refusal(f.w, cmd::EditNote{f.anna, n, std::string(""), std::nullopt}) == Errc::text_empty);
    run(f.w, cmd::DeleteNote{f.anna, n});
    CHECK(f.w.notes_of_run(f.w.current_run(f.nord)->id).empty());
    CHECK(refusal(f.w, cmd::DeleteNote{f.anna, n}) == Errc::note_not_found);
}

TEST_CASE("a note written after the step closes is refused with step_closed") {
    RoomFixture f;
    const Id n = f.note(f.anna, "c1");
    run(f.w, cmd::GoToStep{f.nord, 1});
    CHECK(refusal(f.w, cmd::AddNote{f.anna, "c2", "for sent", std::nullopt}) == Errc::step_closed);
    CHECK(refusal(f.w, cmd::EditNote{f.anna, n, std::string("endret"), std::nullopt}) == Errc::step_closed);
    CHECK(refusal(f.w, cmd::DeleteNote{f.anna, n}) == Errc::step_closed);
    // The other group is still writing.
    CHECK(f.w.decide(cmd::AddNote{f.cato, "c2", "tekst", std::nullopt}, 0).ok());
}

TEST_CASE("a group with no exercise running takes no notes") {
    Workshop w(test_catalog());
    run(w, cmd::OpenRoom{"Rom", "ABC234", Language::nb});
    const Id g = run(w, cmd::AddGroup{"Nord"}).subject;
    const Id p = run(w, cmd::Join{"ABC234", g, "", std::string(32, 'a')}).subject;
    CHECK(refusal(w, cmd::AddNote{p, "c1", "tekst", std::nullopt}) == Errc::no_activity);
}

TEST_CASE("votes are only taken in a vote step, within the dot budget, and can be taken back") {
    RoomFixture f;
    const Id n = f.note(f.anna, "c1");
    CHECK(refusal(f.w, cmd::CastVote{f.bo, n}) == Errc::step_closed);
    run(f.w, cmd::GoToStep{f.nord, 1});
    run(f.w, cmd::CastVote{f.bo, n});
    run(f.w, cmd::CastVote{f.bo, n});
    CHECK(f.w.dots_on(n) == 2);
    CHECK(refusal(f.w, cmd::CastVote{f.bo, n}) == Errc::no_votes_left);
    run(f.w, cmd::RetractVote{f.bo, n});
    CHECK(f.w.dots_by(f.bo, n) == 1);
    CHECK(refusal(f.w, cmd::RetractVote{f.anna, n}) == Errc::vote_not_found);
    // Notes of another group cannot be voted on.
    run(f.w, cmd::GoToStep{f.sor, 1});
    CHECK(refusal(f.w, cmd::CastVote{f.cato, n}) == Errc::note_not_found);
}

TEST_CASE("while writing, a phone sees only its own notes; in a vote step the group's, without totals") {
    RoomFixture f;
    f.note(f.anna, "a1", "Annas lapp");
    f.note(f.bo, "b1", "Bos lapp");
    f.note(f.cato, "c1", "Catos lapp");
    auto v = view_for(f.w, f.bo, 0);
    REQUIRE(v.notes.size() == 1);
    CHECK(v.notes[0].text == "Bos lapp");
    CHECK(v.notes[0].mine);
    REQUIRE(v.activity);
    CHECK(v.activity->accepts_notes);
    CHECK(v.activity->note_zones == std::vector<std::string>{"obs"});
    CHECK(v.participant.secret_hash.empty());

    run(f.w, cmd::GoToStep{f.nord, 1});
    run(f.w, cmd::CastVote{f.anna, v.notes[0].id});
    v = view_for(f.w, f.bo, 0);
    CHECK(v.notes.size() == 2);  // the group's notes, never the other group's
    for (const auto& n : v.notes) CHECK(n.text != "Catos lapp");
    CHECK(v.notes[1].my_votes == 0);  // Anna's dot on Bo's note is not Bo's to see
    REQUIRE(v.activity->votes);
    CHECK(v.activity->votes->left == 2);
    CHECK_FALSE(v.activity->accepts_notes);
}

TEST_CASE("stepping outside the exercise is refused") {
    RoomFixture f;
    CHECK(refusal(f.w, cmd::GoToStep{f.nord, 3}) == Errc::invalid_request);
    CHECK(refusal(f.w, cmd::GoToStep{f.nord, -1}) == Errc::invalid_request);
    CHECK(refusal(f.w, cmd::StartExercise{f.nord, "missing"}) == Errc::invalid_request);
}

TEST_CASE("group names are unique regardless of case") {
    RoomFixture f;
    CHECK(refusal(f.w, cmd::AddGroup{"nord"}) == Errc::invalid_request);
    CHECK(refusal(f.w, cmd::AddGroup{"   "}) == Errc::text_empty);
}

TEST_CASE("a group's revision moves with its own changes, not with another group's notes") {
    RoomFixture f;
    const Revision nord = f.w.revision_for(f.nord);
    f.note(f.cato, "c1");  // Sør
    CHECK(f.w.revision_for(f.nord) == nord);
    CHECK(f.w.revision_for(f.sor) == f.w.revision());
    f.note(f.anna, "a1");
    CHECK(f.w.revision_for(f.nord) == f.w.revision());
    run(f.w, cmd::AddGroup{"Vest"});  // every phone's group list changes
    CHECK(f.w.revision_for(f.sor) == f.w.revision());
    f.w.set_revision(100);  // as after a restart: never below what a phone may hold
    CHECK(f.w.revision_for(f.nord) == 100);
}
