// Reading a group's pulses out of the workshop; see pulse_history.hpp.
#include "core/pulse_history.hpp"

#include <algorithm>
#include <tuple>

namespace samling {

const Step* pulse_step_of(const Workshop& w, const ExerciseRun& run) {
    const ExerciseDefinition* def = w.definition(run);
    if (!def) return nullptr;
    for (const Step& step : def->steps)
        if (step.kind == StepKind::pulse && w.catalog().instrument(step.instrument)) return &step;
    return nullptr;
}

int pulse_step_index(const Workshop& w, const ExerciseRun& run) {
    const ExerciseDefinition* def = w.definition(run);
    const Step* pulse = pulse_step_of(w, run);
    if (!def || !pulse) return -1;
    return static_cast<int>(pulse - def->steps.data());
}

bool pulse_closed(const Workshop& w, const ExerciseRun& run) {
    const int index = pulse_step_index(w, run);
    return index >= 0 && (run.step > index || run.concluded_at != 0);
}

std::optional<PulseResult> pulse_result_of(const Workshop& w, const ExerciseRun& run) {
    if (!pulse_closed(w, run)) return std::nullopt;
    const Instrument* instrument = w.catalog().instrument(pulse_step_of(w, run)->instrument);
    return summarise_pulse(*instrument, w.pulse_sheets(run.id), w.pulse_threshold());
}

std::vector<PulseSeries> pulse_history(const Workshop& w, Id group) {
    std::vector<PulsePoint> points;
    std::vector<std::string> order;  // instruments in the order first asked
    for (const auto& [id, run] : w.runs()) {
        if (run.group != group) continue;
        auto result = pulse_result_of(w, run);
        if (!result) continue;
        PulsePoint p;
        p.run = run.id;
        p.gathering = run.gathering;
        if (const Gathering* g = w.gathering(run.gathering)) {
            if (g->archived) continue;  // an archived gathering did not happen
            p.gathering_number = g->number;
            p.gathering_title = g->title;
            p.gathering_date = g->date;
        }
        p.result = std::move(*result);
        points.push_back(std::move(p));
    }
    // Gathering by gathering; runs outside any gathering last, in the order they were started.
    std::stable_sort(points.begin(), points.end(), [](const PulsePoint& a, const PulsePoint& b) {
        const auto key = [](const PulsePoint& p) {
            return std::make_tuple(p.gathering_number == 0, p.gathering_number, p.run);
        };
        return key(a) < key(b);
    });
    std::vector<PulseSeries> out;
    for (PulsePoint& p : points) {
        auto it = std::find_if(out.begin(), out.end(),
                               [&](const PulseSeries& s) { return s.instrument.id == p.result.instrument; });
        if (it == out.end()) {
            out.push_back({*w.catalog().instrument(p.result.instrument), {}});
            it = out.end() - 1;
        }
        it->points.push_back(std::move(p));
    }
    return out;
}

}  // namespace samling
