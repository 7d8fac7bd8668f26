// Specification of the vote's results (core/vote_results.hpp): the one ranking the projector
// marks and the phones are told, and when a run's totals stop being a secret.
#include "core_fixture.hpp"

#include "core/participant_view.hpp"
#include "core/vote_results.hpp"

using namespace samling;
using namespace samling::testing;

TEST_CASE("the top places are competition ranks 1 to 3 among the notes with dots; ties share a place") {
    CHECK(vote_ranks({4, 3, 3, 0, 1}) == std::vector<int>{1, 2, 2, 0, 0});
    CHECK(vote_ranks({2, 2, 2, 2}) == std::vector<int>{1, 1, 1, 1});
    CHECK(vote_ranks({1, 5, 2, 3}) == std::vector<int>{0, 1, 3, 2});
    CHECK(vote_ranks({0, 0}) == std::vector<int>{0, 0});
    CHECK(vote_ranks({}).empty());
}

TEST_CASE("a vote is over once the run has passed a vote step, not while it is in one") {
    RoomFixture f;  // "ex": write, vote, conclude
    const ExerciseRun& before = *f.w.current_run(f.nord);
    CHECK_FALSE(vote_is_over(*f.w.definition(before), before));
    run(f.w, cmd::GoToStep{f.nord, 1});
    CHECK_FALSE(vote_is_over(*f.w.definition(*f.w.current_run(f.nord)), *f.w.current_run(f.nord)));
    run(f.w, cmd::GoToStep{f.nord, 2});
    CHECK(vote_is_over(*f.w.definition(*f.w.current_run(f.nord)), *f.w.current_run(f.nord)));
}

TEST_CASE("a participant's view carries dots and the top notes only after the vote") {
    RoomFixture f;
    const Id a = f.note(f.anna, "a1", "Første"), b = f.note(f.bo, "b1", "Andre");
    run(f.w, cmd::GoToStep{f.nord, 1});
    run(f.w, cmd::CastVote{f.bo, a});
    run(f.w, cmd::CastVote{f.anna, a});
    run(f.w, cmd::CastVote{f.anna, b});
    const auto during = view_for(f.w, f.anna, 2000);
    CHECK_FALSE(during.activity->top);
    for (const auto& n : during.notes) CHECK_FALSE(n.dots);
    run(f.w, cmd::GoToStep{f.nord, 2});
    const auto after = view_for(f.w, f.bo, 3000);
    REQUIRE(after.activity->top);
    CHECK(*after.activity->top == std::vector<Id>{a, b});
    for (const auto& n : after.notes) CHECK(n.dots == (n.id == a ? 2 : 1));
    // The table screen's view (nobody's phone) is told the same.
    CHECK(preview_for(f.w, f.nord, 3000).activity->top == after.activity->top);
}
