// Reading a group's measures and indicators out of the workshop; see measure_history.hpp.
#include "core/measure_history.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "core/carry_over.hpp"
#include "core/text.hpp"

namespace samling {
namespace {

// The (exercise, zone) pairs whose notes are measures: those some status step asks about.
std::set<std::pair<std::string, std::string>> measure_zones(const Workshop& w) {
    std::set<std::pair<std::string, std::string>> out;
    for (const auto& [id, def] : w.catalog().all())
        for (const Step& step : def.steps)
            if (step.kind == StepKind::status) out.emplace(step.measures_exercise, step.measures_zone);
    return out;
}

// Where `run` took place; nullopt when it belongs to an archived gathering (which did not happen).
std::optional<RunPlace> place_of(const Workshop& w, Id run, Timestamp at) {
    const auto r = w.runs().find(run);
    if (r == w.runs().end()) return std::nullopt;
    RunPlace p{.run = run, .at = at};
    if (const Gathering* g = w.gathering(r->second.gathering)) {
        if (g->archived) return std::nullopt;
        p.gathering_number = g->number;
        p.gathering_title = g->title;
    }
    return p;
}

bool older(const RunPlace& a, const RunPlace& b) {
    return std::make_pair(a.at, a.run) < std::make_pair(b.at, b.run);
}

std::string field_value(const NoteFieldValues& fields, std::string_view id) {
    for (const auto& [field, value] : fields)
        if (field->id == id) return std::string(text::trim(value));
    return {};
}

}  // namespace

std::vector<MeasureTrail> measure_history(const Workshop& w, Id group) {
    const auto zones = measure_zones(w);
    // Each note's reports, read once: a programme's rounds hold hundreds for 27 groups.
    std::multimap<Id, std::pair<Id, const MeasureReport*>> reports;
    for (const auto& [key, report] : w.measure_reports()) reports.emplace(key.second, std::pair{key.first, &report});
    std::vector<MeasureTrail> out;
    for (const ExerciseRun* run : w.project_log(group)) {
        const ExerciseDefinition* def = w.definition(*run);
        for (const Note* n : w.notes_of_run(run->id)) {
            if (!n->revealed || !zones.contains({run->exercise, n->zone})) continue;
            const NoteFieldValues fields = def ? note_field_values(*def, *n) : NoteFieldValues{};
            MeasureTrail m{.note = n->id, .from = run->id, .text = n->text, .owner = field_value(fields, "owner")};
            if (const auto planned = place_of(w, run->id, run->concluded_at)) m.planned_at = planned->gathering_number;
            for (auto [it, end] = reports.equal_range(n->id); it != end; ++it)
                if (const auto p = place_of(w, it->second.first, it->second.second->at))
                    m.trail.push_back({*p, it->second.second->status, it->second.second->text});
            std::sort(m.trail.begin(), m.trail.end(),
                      [](const MeasureStep& a, const MeasureStep& b) { return older(a.place, b.place); });
            out.push_back(std::move(m));
        }
    }
    return out;
}

std::vector<IndicatorSeries> indicator_history(const Workshop& w, Id group) {
    return indicator_history(w, measure_history(w, group));
}

std::vector<IndicatorSeries> indicator_history(const Workshop& w, const std::vector<MeasureTrail>& measures) {
    std::vector<IndicatorSeries> out;
    for (const MeasureTrail& m : measures) {
        const Note* n = w.note(m.note);
        const ExerciseRun& from = w.runs().at(m.from);
        const ExerciseDefinition* def = w.definition(from);
        IndicatorSeries s{.note = m.note, .measure = m.text};
        if (n && def) s.name = field_value(note_field_values(*def, *n), "indicator");
        if (s.name.empty()) s.name = m.text;
        const auto figures = w.indicators().find(m.note);
        if (figures != w.indicators().end()) {
            s.unit = figures->second.unit;
            s.source = figures->second.source;
            s.baseline = figures->second.baseline;
            s.target = figures->second.target;
        }
        for (const auto& [key, value] : w.indicator_values())
            if (key.second == m.note)
                if (const auto p = place_of(w, key.first, value.at)) s.values.push_back({*p, value.value});
        std::sort(s.values.begin(), s.values.end(),
                  [](const IndicatorPoint& a, const IndicatorPoint& b) { return older(a.place, b.place); });
        if (figures == w.indicators().end() && s.values.empty()) continue;
        out.push_back(std::move(s));
    }
    return out;
}

IndicatorBars indicator_bars(const IndicatorSeries& series) {
    IndicatorBars out;
    using Kind = IndicatorBar::Kind;
    if (series.baseline) out.bars.push_back({Kind::baseline, *series.baseline});
    for (const IndicatorPoint& p : series.values) out.bars.push_back({Kind::value, p.value, p.place.gathering_number});
    if (series.target) out.bars.push_back({Kind::target, *series.target});
    double lo = 0, hi = 0;
    for (const IndicatorBar& b : out.bars) lo = std::min(lo, b.value), hi = std::max(hi, b.value);
    out.lo = lo;
    out.hi = hi - lo > 0 ? hi : lo + 1;
    return out;
}

const MeasureStep* latest(const MeasureTrail& m) {
    return m.trail.empty() ? nullptr : &m.trail.back();
}

}  // namespace samling
