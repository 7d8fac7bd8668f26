// Specification of the one date parser every layer uses, and of the core refusing a day the
// calendar does not have with a message that says so.
#include <doctest/doctest.h>

#include "core/dates.hpp"
#include "core_fixture.hpp"

using namespace samling;
using namespace samling::testing;
using namespace std::chrono;

TEST_CASE("a date written YYYY-MM-DD is read as that day, leap days included") {
    CHECK(parse_iso_date("2027-02-01") == year_month_day{year{2027}, February, day{1}});
    CHECK(parse_iso_date("2028-02-29") == year_month_day{year{2028}, February, day{29}});
    CHECK(parse_iso_date("2026-12-31") == year_month_day{year{2026}, December, day{31}});
}

TEST_CASE("days the calendar does not have and other ways of writing a date are not dates") {
    for (const char* bad :
         {"2027-02-31", "2027-02-29", "2100-02-29", "2027-04-31", "2027-13-01", "2027-00-10", "2027-01-00",
          "14.09.2026", "2027-2-1", "2027-02-01 ", "2027-+2-01", "2027-0x-01", "", "20270201xx", "2027/02/01"}) {
        INFO(bad);
        CHECK_FALSE(parse_iso_date(bad).has_value());
    }
}

TEST_CASE("the core refuses 2027-02-31 for a gathering and a measure's start date, saying the day does not exist") {
    RoomFixture f;
    auto gathering = f.w.decide(cmd::SaveGathering{0, "Samling 2", "2027-02-31"}, 0);
    REQUIRE_FALSE(gathering.ok());
    CHECK(gathering.error().code == Errc::invalid_request);
    CHECK(gathering.error().message == "No such day in the calendar: 2027-02-31");
    auto wrong_form = f.w.decide(cmd::SaveGathering{0, "Samling 2", "31.02.2027"}, 0);
    REQUIRE_FALSE(wrong_form.ok());
    CHECK(wrong_form.error().message == "A date is YYYY-MM-DD: 31.02.2027");

    auto field =
        f.w.decide(cmd::AddNote{f.anna, "m1", "Felles oppstart", std::nullopt, 0, {{"start", "2027-02-31"}}}, 0);
    REQUIRE_FALSE(field.ok());
    CHECK(field.error().code == Errc::invalid_request);
    CHECK(field.error().message == "No such day in the calendar: 2027-02-31");
    CHECK(f.w.notes_of_run(f.w.current_run(f.nord)->id).empty());
}
