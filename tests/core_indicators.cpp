// Specification of indicators: a measure whose indicator field is filled takes a value in a
// status round, one per measure per gathering (again replaces it), with its unit, baseline,
// target and source kept on the measure; anything not a finite number is refused.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "core/measures.hpp"
#include "core_fixture.hpp"

using namespace samling;
using namespace samling::testing;

namespace {

struct IndicatorRoom {
    Workshop w{measures_catalog()};
    Id group = 0, other = 0, kari = 0, per = 0;
    std::vector<Id> measures;

    IndicatorRoom() {
        run(w, cmd::OpenRoom{"Rom", "ABC234", Language::nb});
        group = run(w, cmd::AddGroup{"Nord"}).subject;
        other = run(w, cmd::AddGroup{"Sør"}).subject;
        kari = run(w, cmd::Join{"ABC234", group, "Kari", std::string(32, 'k')}).subject;
        per = run(w, cmd::Join{"ABC234", other, "Per", std::string(32, 'p')}).subject;
        measures =
            plan_measures([&](const Command& c) { return run(w, c).subject; }, group, kari,
                          {{"Felles kartlegging", "Kari", " Andel elever med vedtak "}, {"Ukentlig møte", "Ola"}});
    }
    Id open_gathering(const std::string& title) {
        const Id g = run(w, cmd::SaveGathering{0, title, "2026-12-02"}).subject;
        run(w, cmd::OpenGathering{g});
        return g;
    }
    Id start_round() {
        run(w, cmd::StartExercise{group, "status_round"});
        return w.current_run(group)->id;
    }
    const OpenMeasure& open(std::size_t i) {
        const ExerciseRun& r = *w.current_run(group);
        kept = open_measures(w, r, *w.current_step(r));
        REQUIRE(kept.size() > i);
        return kept[i];
    }
    Errc refusal(const Command& c) const {
        auto d = w.decide(c, 2000);
        REQUIRE_FALSE(d.ok());
        return d.error().code;
    }
    std::vector<OpenMeasure> kept;
};

cmd::ReportIndicator value(Id participant, Id note, double v) {
    return {participant, note, v, {}, {}, {}, {}};
}

}  // namespace

TEST_CASE("an indicator value is refused outside a status round, off a measure with an indicator, or not finite") {
    IndicatorRoom r;
    CHECK(r.refusal(value(r.kari, r.measures[0], 12)) == Errc::step_closed);
    CHECK(r.refusal(cmd::EnterIndicator{r.group, r.measures[0], 12}) == Errc::step_closed);
    r.start_round();
    CHECK(r.refusal(value(r.kari, r.measures[1], 12)) == Errc::note_not_found);  // no indicator field
    CHECK(r.refusal(value(r.kari, 99999, 12)) == Errc::note_not_found);
    CHECK(r.refusal(value(r.per, r.measures[0], 12)) == Errc::no_activity);  // another group's phone
    CHECK(r.refusal(value(r.kari, r.measures[0], std::nan(""))) == Errc::value_invalid);
    CHECK(r.refusal(value(r.kari, r.measures[0], std::numeric_limits<double>::infinity())) == Errc::value_invalid);
    cmd::ReportIndicator bad_baseline = value(r.kari, r.measures[0], 12);
    bad_baseline.baseline = -std::numeric_limits<double>::infinity();
    CHECK(r.refusal(bad_baseline) == Errc::value_invalid);
    cmd::ReportIndicator bad_target = value(r.kari, r.measures[0], 12);
    bad_target.target = std::nan("");
    CHECK(r.refusal(bad_target) == Errc::value_invalid);
    cmd::ReportIndicator long_unit = value(r.kari, r.measures[0], 12);
    long_unit.unit = std::string(81, 'x');
    CHECK(r.refusal(long_unit) == Errc::text_too_long);
    CHECK(r.refusal(cmd::EnterIndicator{r.group, r.measures[0], std::nan("")}) == Errc::value_invalid);
    run(r.w, cmd::LockWriting{r.group, true});
    CHECK(r.refusal(value(r.kari, r.measures[0], 12)) == Errc::step_closed);
    CHECK(r.w.indicator_values().empty());
}

TEST_CASE("an indicator's figures stay on the measure; a value again in the same gathering replaces it") {
    IndicatorRoom r;
    r.open_gathering("Samling 2");
    const Id round = r.start_round();
    CHECK(r.open(0).indicator == "Andel elever med vedtak");
    CHECK(r.open(1).indicator.empty());
    CHECK(r.open(0).value == nullptr);

    cmd::ReportIndicator first = value(r.kari, r.measures[0], 14.5);
    first.unit = " % ", first.baseline = 16, first.target = 7, first.source = "GSI 2025/26";
    const Decision d = run(r.w, first);
    CHECK(d.created);
    REQUIRE(r.open(0).value);
    CHECK(r.open(0).value->value == 14.5);
    REQUIRE(r.open(0).figures);
    CHECK(r.open(0).figures->unit == "%");
    CHECK(r.open(0).figures->baseline == 16);
    CHECK(r.open(0).figures->target == 7);
    CHECK(r.open(0).figures->source == "GSI 2025/26");

    // Again without figures: the value is replaced, the figures stay.
    const Decision again = run(r.w, value(r.kari, r.measures[0], 13));
    CHECK_FALSE(again.created);
    CHECK(r.w.indicator_values().size() == 1);
    CHECK(r.w.indicator_values().at({round, r.measures[0]}).value == 13);
    CHECK(r.open(0).figures->baseline == 16);
    CHECK(run(r.w, value(r.kari, r.measures[0], 13)).changes.empty());

    // The facilitator enters it too; a second status round in the same gathering holds the same value.
    run(r.w, cmd::ConcludeRun{r.group});
    r.start_round();
    REQUIRE(r.open(0).value);
    CHECK(r.open(0).value->value == 13);
    const Decision entered = run(r.w, cmd::EnterIndicator{r.group, r.measures[0], 12.5});
    CHECK_FALSE(entered.created);
    CHECK(r.w.indicator_values().size() == 1);
    CHECK(r.w.indicator_values().at({round, r.measures[0]}).value == 12.5);
    CHECK(r.open(0).figures->target == 7);
}

TEST_CASE("indicator values across three gatherings: one per gathering, each kept") {
    IndicatorRoom r;
    std::vector<Id> rounds;
    for (double v : {16.0, 11.0, 7.0}) {
        r.open_gathering("Samling");
        rounds.push_back(r.start_round());
        CHECK(r.open(0).value == nullptr);  // a new gathering starts blank
        CHECK(run(r.w, value(r.kari, r.measures[0], v)).created);
        run(r.w, cmd::ConcludeRun{r.group});
    }
    REQUIRE(r.w.indicator_values().size() == 3);
    CHECK(r.w.indicator_values().at({rounds[0], r.measures[0]}).value == 16);
    CHECK(r.w.indicator_values().at({rounds[1], r.measures[0]}).value == 11);
    CHECK(r.w.indicator_values().at({rounds[2], r.measures[0]}).value == 7);
    CHECK(r.w.group_has_content(r.group));
}

TEST_CASE("a figure typed the Norwegian way: a comma, spaces between thousands, a minus sign") {
    CHECK(parse_figure("16,5") == 16.5);
    CHECK(parse_figure(" 16.5 ") == 16.5);
    CHECK(parse_figure("1 234,5") == 1234.5);
    CHECK(parse_figure("1\u00a0234") == 1234);
    CHECK(parse_figure("\u22123,5") == -3.5);
    CHECK(parse_figure("-2") == -2);
    for (const char* bad : {"", "seksten", "16,5,1", "1e9", "0x10", "inf", "nan", "16 %", "--1", "1-"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_figure(bad));
    }
    CHECK(format_figure(16.5, Language::nb) == "16,5");
    CHECK(format_figure(16.5, Language::en) == "16.5");
    CHECK(format_figure(7, Language::nn) == "7");
}
