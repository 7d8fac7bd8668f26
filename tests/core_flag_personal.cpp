// Specification of flagging a note as personal data (cmd::FlagPersonal): the note is gone for
// good, and what leaned on it stays sensible: its duplicates, the dots on it, the "why?"
// answers to it and a conclusion that quoted it. Never undoable.
#include <doctest/doctest.h>

#include "core/participant_view.hpp"
#include "core_fixture.hpp"

using namespace samling;
using namespace samling::testing;

TEST_CASE("a flagged note leaves the board and every phone; its duplicate comes back, its dots go home") {
    RoomFixture f;
    const Id keep = f.note(f.anna, "a1", "Per (7) i 2B får ikke plass"),
             dup = f.note(f.bo, "b1", "Beskjeder forsvinner");
    run(f.w, cmd::Reveal{f.nord});
    run(f.w, cmd::MergeNotes{keep, dup});
    run(f.w, cmd::GoToStep{f.nord, 1});
    run(f.w, cmd::CastVote{f.anna, keep});
    run(f.w, cmd::CastVote{f.bo, keep});
    const Id run_id = f.w.current_run(f.nord)->id;
    REQUIRE(f.w.dots_used(f.anna, run_id) == 1);

    const Decision d = run(f.w, cmd::FlagPersonal{keep});
    CHECK(d.undo.empty());  // no way back
    CHECK(f.w.note(keep) == nullptr);
    const auto board = f.w.notes_of_run(run_id);
    REQUIRE(board.size() == 1);
    CHECK(board[0]->id == dup);                 // the duplicate stands on its own again
    CHECK(f.w.dots_used(f.anna, run_id) == 0);  // her dot is hers to give again
    CHECK(f.w.dots_on(dup) == 0);
    for (Id who : {f.anna, f.bo})
        for (const auto& n : view_for(f.w, who, 0).notes) CHECK(n.text != "Per (7) i 2B får ikke plass");
    CHECK(refusal(f.w, cmd::FlagPersonal{keep}) == Errc::note_not_found);
    CHECK(refusal(f.w, cmd::Undo{{change::NoteRestored{keep, 0}}}) == Errc::invalid_request);
}

TEST_CASE("a phone's late retry of a flagged note cannot write it again") {
    RoomFixture f;
    const Id n = f.note(f.anna, "a1", "Kari, 9 år, venter");
    run(f.w, cmd::FlagPersonal{n});
    CHECK(refusal(f.w, cmd::AddNote{f.anna, "a1", "Kari, 9 år, venter", std::nullopt}) == Errc::note_not_found);
    CHECK(f.w.notes_of_run(f.w.current_run(f.nord)->id).empty());
}

TEST_CASE("answers to a flagged note answer its parent; a conclusion lets its text go") {
    RoomFixture f;
    const Id root = f.note(f.anna, "a1", "Barn venter lenge på PPT");
    const Id run_id = f.w.current_run(f.nord)->id;
    // A chain root → flagged → answer, as a "why?" chain step (or the store) gives them.
    const auto chained = [&](Id id, Id parent, const char* text) {
        Note n;
        n.id = id;
        n.run = run_id;
        n.author = f.anna;
        n.client_id = "why" + std::to_string(id);
        n.text = text;
        n.parent = parent;
        f.w.apply(change::NoteAdded{n});
        return id;
    };
    const Id flagged = chained(800, root, "Ola i 3A ventet et år");
    chained(900, flagged, "Fordi sakene hoper seg opp");
    run(f.w, cmd::GoToStep{f.nord, 2});
    run(f.w, cmd::SetConclusion{f.nord, "statement", "Barn venter lenge på PPT. Ola i 3A ventet et år"});

    run(f.w, cmd::FlagPersonal{flagged});
    CHECK(f.w.note(900)->parent == root);  // the chain holds together
    CHECK(f.w.conclusion(run_id, "statement") == "Barn venter lenge på PPT.");
    CHECK(f.w.note(root)->text == "Barn venter lenge på PPT");
}
