// Specification of the retention warning: months after the last gathering not archived, a
// month-end that does not exist in the later month, nothing when unset or undated; the
// setting is a facilitator command with undo.
#include "core_fixture.hpp"

#include "core/retention.hpp"

using namespace samling;
using namespace samling::testing;
using namespace std::chrono;

TEST_CASE("the retention time passes N months after the last gathering, counted from the latest date") {
    RoomFixture f;
    const year_month_day today = 2026y / December / 1;
    CHECK_FALSE(retention_passed(f.w, today));  // not set
    run(f.w, cmd::SetRetention{12});
    CHECK_FALSE(retention_passed(f.w, today));  // no gathering has a date
    run(f.w, cmd::SaveGathering{0, "Samling 1", "2024-03-14"});
    const Id later = run(f.w, cmd::SaveGathering{0, "Samling 2", "2025-01-31"}).subject;
    run(f.w, cmd::SaveGathering{0, "Ikke datert", ""});

    // From the latest date, 2025-01-31: twelve months on is 2026-01-31.
    CHECK_FALSE(retention_passed(f.w, 2026y / January / 30));
    const auto due = retention_passed(f.w, 2026y / January / 31);
    REQUIRE(due);
    CHECK(due->months == 12);
    CHECK(due->last_gathering == "2025-01-31");
    CHECK(due->passed_on == "2026-01-31");

    // A month without the 31st: its last day.
    run(f.w, cmd::SetRetention{1});
    CHECK(retention_passed(f.w, 2025y / February / 28)->passed_on == "2025-02-28");
    CHECK_FALSE(retention_passed(f.w, 2025y / February / 27));

    // An archived gathering did not happen: the last one is the one before it.
    run(f.w, cmd::ArchiveGathering{later, true});
    CHECK(retention_passed(f.w, 2025y / February / 27)->last_gathering == "2024-03-14");
}

TEST_CASE("the retention setting is 0 to 240 months, and undoable") {
    RoomFixture f;
    CHECK(refusal(f.w, cmd::SetRetention{-1}) == Errc::invalid_request);
    CHECK(refusal(f.w, cmd::SetRetention{241}) == Errc::invalid_request);
    run(f.w, cmd::SetRetention{18});
    CHECK(f.w.retention_months() == 18);
    const Decision d = f.w.decide(cmd::SetRetention{24}, 0).value();
    REQUIRE(d.undo.size() == 1);
    CHECK(std::get<change::RetentionSet>(d.undo.front()).months == 18);
}
