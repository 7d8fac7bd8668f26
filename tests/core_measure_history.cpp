// Specification of a group's measures and indicators across gatherings (the log's view): each
// measure with the status every round gave it, oldest first, and each indicator with its
// baseline, target and one value per gathering; another group's, and an archived gathering's,
// stay out.
#include <doctest/doctest.h>

#include "core/measure_history.hpp"
#include "measure_programme.hpp"

using namespace samling;
using namespace samling::testing;

TEST_CASE("each measure's trail: the status of every round, in order, with the gathering it was given at") {
    MeasureProgramme p;
    const std::vector<MeasureTrail> trails = measure_history(p.w, p.group);
    REQUIRE(trails.size() == 2);
    const MeasureTrail& first = trails[0];
    CHECK(first.note == p.measures[0]);
    CHECK(first.text == "Felles kartlegging av alle elever");
    CHECK(first.owner == "Kari");
    CHECK(first.planned_at == 1);
    REQUIRE(first.trail.size() == 2);
    CHECK(first.trail[0].place.gathering_number == 2);
    CHECK(first.trail[0].place.gathering_title == "Underveis");
    CHECK(first.trail[0].place.run == p.rounds[0]);
    CHECK(first.trail[0].status == MeasureStatus::started);
    CHECK(first.trail[0].text == "Startet i to skoler");
    CHECK(first.trail[1].place.gathering_number == 3);
    CHECK(first.trail[1].status == MeasureStatus::done);
    CHECK(latest(first) == &first.trail[1]);

    const MeasureTrail& second = trails[1];
    CHECK(second.owner == "Ola");
    REQUIRE(second.trail.size() == 1);  // the second gathering's round left it unreported
    CHECK(second.trail[0].place.gathering_number == 3);
    CHECK(second.trail[0].status == MeasureStatus::stopped);
    CHECK(second.trail[0].text.empty());

    const std::vector<MeasureTrail> others = measure_history(p.w, p.other);
    REQUIRE(others.size() == 1);
    CHECK(others[0].note == p.other_measure);
    CHECK(others[0].trail.empty());
}

TEST_CASE("an indicator: its name, unit, baseline, target and source, and one value per gathering") {
    MeasureProgramme p;
    const std::vector<IndicatorSeries> all = indicator_history(p.w, p.group);
    REQUIRE(all.size() == 1);  // the second measure has no indicator and no figures
    const IndicatorSeries& i = all[0];
    CHECK(i.note == p.measures[0]);
    CHECK(i.name == "Andel elever med vedtak");
    CHECK(i.measure == "Felles kartlegging av alle elever");
    CHECK(i.unit == "%");
    CHECK(i.source == "GSI, skoleåret 2025/26");
    CHECK(i.baseline == 16.0);
    CHECK(i.target == 7.0);
    REQUIRE(i.values.size() == 2);
    CHECK(i.values[0].place.gathering_number == 2);
    CHECK(i.values[0].value == 12.0);
    CHECK(i.values[1].place.gathering_number == 3);
    CHECK(i.values[1].value == 9.0);
    CHECK(indicator_history(p.w, p.other).empty());
}

TEST_CASE("a gathering that is archived did not happen: its statuses and values leave the trail") {
    MeasureProgramme p;
    p.step(cmd::ArchiveGathering{p.gatherings[1], true});
    const std::vector<MeasureTrail> trails = measure_history(p.w, p.group);
    REQUIRE(trails.size() == 2);
    REQUIRE(trails[0].trail.size() == 1);
    CHECK(trails[0].trail[0].place.gathering_number == 3);
    const std::vector<IndicatorSeries> all = indicator_history(p.w, p.group);
    REQUIRE(all.size() == 1);
    REQUIRE(all[0].values.size() == 1);
    CHECK(all[0].values[0].value == 9.0);
}

TEST_CASE("an indicator's bars: baseline, each gathering's value, target, on a scale from zero") {
    using Kind = IndicatorBar::Kind;
    IndicatorSeries fall;
    fall.baseline = 16;
    fall.target = 5;
    fall.values = {{RunPlace{0, 2}, 11}, {RunPlace{0, 3}, 7}};
    const IndicatorBars bars = indicator_bars(fall);
    REQUIRE(bars.bars.size() == 4);
    CHECK(bars.bars[0].kind == Kind::baseline);
    CHECK(bars.bars[0].value == 16);
    CHECK(bars.bars[1].kind == Kind::value);
    CHECK(bars.bars[1].gathering == 2);
    CHECK(bars.bars[2].value == 7);
    CHECK(bars.bars[3].kind == Kind::target);
    CHECK(bars.lo == 0);  // from zero: 16 to 7 is a fall by half, not to nothing
    CHECK(bars.hi == 16);
    CHECK(bars.at(7) == doctest::Approx(7.0 / 16));

    IndicatorSeries below;  // a figure under zero widens the scale that way
    below.values = {{RunPlace{}, -4}, {RunPlace{}, 4}};
    const IndicatorBars signed_bars = indicator_bars(below);
    CHECK(signed_bars.lo == -4);
    CHECK(signed_bars.hi == 4);
    CHECK(signed_bars.at(0) == doctest::Approx(0.5));

    IndicatorSeries zeros;  // all zero: still a scale to draw on
    zeros.values = {{RunPlace{}, 0}};
    const IndicatorBars flat = indicator_bars(zeros);
    CHECK(flat.hi > flat.lo);
    CHECK(flat.at(0) == 0);
    CHECK(indicator_bars(IndicatorSeries{}).bars.empty());
}
