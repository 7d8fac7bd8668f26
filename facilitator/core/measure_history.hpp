// A group's measures (tiltak) and their indicators across gatherings, as the log shows them:
// each measure with the status every status round gave it, and each indicator in figures with
// its baseline, target and the value reported at each later gathering. Core: no I/O.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/workshop.hpp"

namespace samling {

// Where a run took place: the gathering's number and title, or 0 and "" outside any gathering.
struct RunPlace {
    Id run = 0;
    int gathering_number = 0;
    std::string gathering_title{};
    Timestamp at = 0;  // when the status or the value was given
};

struct MeasureStep {
    RunPlace place;
    MeasureStatus status = MeasureStatus::not_started;
    std::string text;  // one line of what happened; may be empty
};

struct MeasureTrail {
    Id note = 0;
    Id from = 0;                       // the run it was planned in
    int planned_at = 0;                // that run's gathering number (0: none)
    std::string text{}, owner{};       // owner: the owner field, trimmed (may be empty)
    std::vector<MeasureStep> trail{};  // oldest first: one step per status round that reported it
};

struct IndicatorPoint {
    RunPlace place;
    double value = 0;
};

struct IndicatorSeries {
    Id note = 0;            // the measure it belongs to
    std::string name{};     // the indicator field ("Slik vet vi at det virker"), else the measure's text
    std::string measure{};  // the measure's text
    std::string unit{}, source{};
    std::optional<double> baseline{}, target{};
    std::vector<IndicatorPoint> values{};  // oldest first, one per gathering
};

// The measures of the group's concluded runs, in the zones that the installed status steps ask
// about, oldest first, with the trail of their statuses.
std::vector<MeasureTrail> measure_history(const Workshop& w, Id group);

// The indicators of those measures that carry figures or a value, in the measures' order.
std::vector<IndicatorSeries> indicator_history(const Workshop& w, Id group);
// The same from a measure_history already read.
std::vector<IndicatorSeries> indicator_history(const Workshop& w, const std::vector<MeasureTrail>& measures);

// An indicator's figures as every chart of it draws them: the baseline, each gathering's
// value, the target, in that order, against a scale from zero (so a fall from 16 to 7 looks
// like one; negative figures grow the other way).
struct IndicatorBar {
    enum class Kind { baseline, value, target } kind;
    double value = 0;
    int gathering = 0;  // a value's gathering number (0: none)
};
struct IndicatorBars {
    std::vector<IndicatorBar> bars;
    double lo = 0, hi = 1;  // the scale's ends: lo <= 0 <= hi, lo < hi
    // Where `v` falls on the scale, 0 at lo and 1 at hi.
    double at(double v) const { return (v - lo) / (hi - lo); }
};
IndicatorBars indicator_bars(const IndicatorSeries& series);

// The newest status of a trail, if any round gave one.
const MeasureStep* latest(const MeasureTrail& m);

}  // namespace samling
