// Specification of the status round: which measures come back, who may report what, a report
// again replaces this round's, and a measure done or stopped comes back in no later round.
#include <doctest/doctest.h>

#include "core/measures.hpp"
#include "core_fixture.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

struct StatusRoom {
    Workshop w{measures_catalog()};
    Id group = 0, other = 0, kari = 0, ola = 0, stranger = 0;
    std::vector<Id> measures;

    StatusRoom() {
        run(w, cmd::OpenRoom{"Rom", "ABC234", Language::nb});
        group = run(w, cmd::AddGroup{"Nord"}).subject;
        other = run(w, cmd::AddGroup{"Sør"}).subject;
        kari = run(w, cmd::Join{"ABC234", group, "Kari", std::string(32, 'k')}).subject;
        ola = run(w, cmd::Join{"ABC234", group, "Ola Nordmann", std::string(32, 'o')}).subject;
        stranger = run(w, cmd::Join{"ABC234", other, "Per", std::string(32, 'p')}).subject;
        measures =
            plan_measures([&](const Command& c) { return run(w, c).subject; }, group, kari,
                          {{"Felles kartlegging", "Kari"}, {"Ukentlig møte", "OLA NORDMANN"}, {"Ny rutine", ""}});
    }
    Id start_round() {
        run(w, cmd::StartExercise{group, "status_round"});
        return w.current_run(group)->id;
    }
    std::vector<OpenMeasure> open() const {
        const ExerciseRun& r = *w.current_run(group);
        return open_measures(w, r, *w.current_step(r));
    }
    Errc refusal(const Command& c) const {
        auto d = w.decide(c, 2000);
        REQUIRE_FALSE(d.ok());
        return d.error().code;
    }
};

}  // namespace

TEST_CASE("a status round asks about the group's measures with their owners and start dates") {
    StatusRoom r;
    r.start_round();
    const auto open = r.open();
    REQUIRE(open.size() == 3);
    CHECK(open[0].note->text == "Felles kartlegging");
    CHECK(open[0].fields.size() == 2);  // owner and start date
    CHECK(owned_by(open[1], "ola nordmann"));
    CHECK_FALSE(owned_by(open[2], "Kari"));
    CHECK(open[0].report == nullptr);
    CHECK(open[0].last == nullptr);
}

TEST_CASE("a report is refused outside a status step, for a note that is no open measure, or an unknown status") {
    StatusRoom r;
    CHECK(r.refusal(cmd::ReportMeasure{r.kari, r.measures[0], "started", {}}) == Errc::step_closed);
    r.start_round();
    CHECK(r.refusal(cmd::ReportMeasure{r.kari, r.measures[0], "finished", {}}) == Errc::status_unknown);
    CHECK(r.refusal(cmd::ReportMeasure{r.kari, r.measures[0], "", {}}) == Errc::status_unknown);
    CHECK(r.refusal(cmd::ReportMeasure{r.kari, 99999, "started", {}}) == Errc::note_not_found);
    // Another group's phone cannot reach this group's measures.
    CHECK(r.refusal(cmd::ReportMeasure{r.stranger, r.measures[0], "started", {}}) == Errc::no_activity);
    CHECK(r.refusal(cmd::ReportMeasure{r.kari, r.measures[0], "started", std::string(281, 'x')}) ==
          Errc::text_too_long);
    CHECK(r.refusal(cmd::ReportMeasure{r.kari, r.measures[0], "started", std::string("a\x01")}) == Errc::text_invalid);
    run(r.w, cmd::GoToStep{r.group, 1});
    CHECK(r.refusal(cmd::ReportMeasure{r.kari, r.measures[0], "started", {}}) == Errc::step_closed);
}

TEST_CASE("a report again replaces this round's; without text the line stays") {
    StatusRoom r;
    const Id round = r.start_round();
    const Decision first =
        run(r.w, cmd::ReportMeasure{r.kari, r.measures[0], "started", std::string("  Godt i gang ")});
    CHECK(first.created);
    REQUIRE(r.w.measure_report(round, r.measures[0]));
    CHECK(r.w.measure_report(round, r.measures[0])->text == "Godt i gang");
    const Decision again = run(r.w, cmd::ReportMeasure{r.ola, r.measures[0], "done", {}});
    CHECK_FALSE(again.created);
    CHECK(r.w.measure_report(round, r.measures[0])->status == MeasureStatus::done);
    CHECK(r.w.measure_report(round, r.measures[0])->text == "Godt i gang");
    const Decision same = run(r.w, cmd::ReportMeasure{r.ola, r.measures[0], "done", {}});
    CHECK(same.changes.empty());
    // Done in this round, it still shows in this round, so it can be changed back.
    CHECK(r.open().size() == 3);
}

TEST_CASE("a measure's trail across three rounds: unfinished ones carry on, done and stopped ones end") {
    StatusRoom r;
    const Id first = r.start_round();
    run(r.w, cmd::ReportMeasure{r.kari, r.measures[0], "started", std::string("Første møte holdt")});
    run(r.w, cmd::ReportMeasure{r.kari, r.measures[1], "not_started", {}});
    run(r.w, cmd::ReportMeasure{r.kari, r.measures[2], "stopped", std::string("Erstattet")});
    run(r.w, cmd::ConcludeRun{r.group});

    const Id second = r.start_round();
    auto open = r.open();
    REQUIRE(open.size() == 2);  // the stopped one is gone
    CHECK(open[0].note->id == r.measures[0]);
    REQUIRE(open[0].last);
    CHECK(open[0].last->status == MeasureStatus::started);
    CHECK(open[0].last->text == "Første møte holdt");
    CHECK(open[0].report == nullptr);  // this round starts blank
    run(r.w, cmd::ReportMeasure{r.kari, r.measures[0], "done", std::string("Alle skoler med")});
    run(r.w, cmd::ReportMeasure{r.kari, r.measures[1], "started", {}});
    run(r.w, cmd::ConcludeRun{r.group});

    r.start_round();
    open = r.open();
    REQUIRE(open.size() == 1);
    CHECK(open[0].note->id == r.measures[1]);
    CHECK(open[0].last->status == MeasureStatus::started);
    // Every round's report is kept: the trail is there for the log.
    CHECK(r.w.measure_report(first, r.measures[0])->status == MeasureStatus::started);
    CHECK(r.w.measure_report(second, r.measures[0])->status == MeasureStatus::done);
    CHECK(r.w.group_has_content(r.group));
}
