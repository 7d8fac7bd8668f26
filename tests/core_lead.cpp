// The table lead's rules in the core: one lead per group, "first to ask takes it" until the
// facilitator answers, and what a lead's board command may touch.
#include <doctest/doctest.h>

#include "core_fixture.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

Command as_lead(Id participant, Command c) {
    return cmd::AsLead{participant, {std::move(c)}};
}

}  // namespace

TEST_CASE("the first phone to ask waits for the facilitator's yes; a second is told the table is taken") {
    RoomFixture f;
    run(f.w, cmd::AskLead{f.anna});
    CHECK(f.w.lead_asked(f.nord) == f.anna);
    CHECK(f.w.lead_of(f.nord) == 0);
    CHECK_FALSE(f.w.is_lead(f.anna));
    CHECK(refusal(f.w, cmd::AskLead{f.bo}) == Errc::lead_taken);
    CHECK_FALSE(run(f.w, cmd::AskLead{f.anna}).created);  // asking again: nothing new

    const Decision yes = run(f.w, cmd::SetLead{f.nord, f.anna});
    CHECK(f.w.is_lead(f.anna));
    CHECK(f.w.lead_asked(f.nord) == 0);
    // The way back restores the ask, so Ctrl+Z after A brings the band back.
    for (const Change& c : yes.undo) f.w.apply(c);
    CHECK(f.w.lead_of(f.nord) == 0);
    CHECK(f.w.lead_asked(f.nord) == f.anna);

    run(f.w, cmd::DeclineLead{f.nord});
    CHECK(f.w.lead_asked(f.nord) == 0);
    CHECK(refusal(f.w, cmd::DeclineLead{f.nord}) == Errc::invalid_request);  // nobody asks now
    run(f.w, cmd::AskLead{f.bo});
    CHECK(f.w.lead_asked(f.nord) == f.bo);
}

TEST_CASE("a lead is a participant of its group, and stops leading when removed or moved") {
    RoomFixture f;
    CHECK(refusal(f.w, cmd::SetLead{f.nord, f.cato}) == Errc::invalid_request);
    CHECK(refusal(f.w, cmd::SetLead{999, f.anna}) == Errc::group_not_found);
    run(f.w, cmd::SetLead{f.nord, f.anna});
    run(f.w, cmd::SetLead{f.nord, f.bo});  // one lead per group: Bo replaces Anna
    CHECK_FALSE(f.w.is_lead(f.anna));
    CHECK(f.w.is_lead(f.bo));
    run(f.w, cmd::MoveParticipant{f.bo, f.sor});
    CHECK(f.w.lead_of(f.nord) == 0);
    CHECK(f.w.lead_of(f.sor) == 0);  // leading one table does not follow a phone to another
    run(f.w, cmd::SetLead{f.sor, f.cato});
    run(f.w, cmd::RemoveParticipant{f.cato});
    CHECK(f.w.lead_of(f.sor) == 0);
}

TEST_CASE("a lead's command is the projector's own, for its group's run only") {
    RoomFixture f;
    const Id mine = f.note(f.anna, "a1"), theirs = f.note(f.cato, "c1");
    run(f.w, cmd::SetLead{f.nord, f.anna});
    CHECK(refusal(f.w, as_lead(f.bo, cmd::PlaceNote{mine, "park"})) == Errc::not_lead);
    CHECK(refusal(f.w, as_lead(f.anna, cmd::PlaceNote{theirs, "park"})) == Errc::other_group);
    CHECK(refusal(f.w, as_lead(f.anna, cmd::ConcludeRun{f.sor})) == Errc::other_group);
    CHECK(refusal(f.w, as_lead(f.anna, cmd::Reveal{f.nord})) == Errc::not_lead_command);
    // Bo's note is hidden from Anna until the reveal (a silent write step): unknown to her.
    const Id hidden = f.note(f.bo, "b1");
    CHECK(refusal(f.w, as_lead(f.anna, cmd::PlaceNote{hidden, "park"})) == Errc::note_not_found);

    const Decision placed = run(f.w, as_lead(f.anna, cmd::PlaceNote{mine, "park"}));
    CHECK(f.w.note(mine)->zone == "park");
    REQUIRE(placed.undo.size() == 1);  // the same way back as the projector's place_note
    for (const Change& c : placed.undo) f.w.apply(c);
    CHECK(f.w.note(mine)->zone == "obs");
}
