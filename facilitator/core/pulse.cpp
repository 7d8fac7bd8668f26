// Summing a pulse up; see pulse.hpp for the anonymity rules.
#include "core/pulse.hpp"

#include <algorithm>

#include "core/sha256.hpp"

namespace samling {

std::string respondent_key(std::string_view token, Id run) {
    return sha256_hex("samling pulse respondent\n" + std::to_string(run) + "\n" + std::string(token));
}

int effective_threshold(int room_setting) {
    return std::max(room_setting, min_pulse_threshold);
}

PulseResult summarise_pulse(const Instrument& instrument, const std::vector<PulseSheet>& sheets, int room_threshold) {
    const int threshold = effective_threshold(room_threshold);
    const Scale& scale = instrument.scale;
    PulseResult out;
    out.instrument = instrument.id;
    for (const PulseSheet& sheet : sheets) {
        const bool answered = std::any_of(sheet.begin(), sheet.end(), [&](const auto& answer) {
            return instrument.statement(answer.first) && scale.holds(answer.second);
        });
        if (answered) ++out.respondents;
    }
    out.suppressed = out.respondents < threshold;

    double scored_sum = 0;
    int scored_n = 0;
    for (const PulseStatement& statement : instrument.statements) {
        StatementResult r;
        r.statement = statement.id;
        std::map<int, int> counts;
        double sum = 0;
        for (const PulseSheet& sheet : sheets) {
            const auto it = sheet.find(statement.id);
            if (it == sheet.end() || !scale.holds(it->second)) continue;
            ++r.n;
            ++counts[it->second];
            sum += it->second;
        }
        r.suppressed = out.suppressed || r.n < threshold;
        if (!r.suppressed) {
            for (int point = scale.min; point <= scale.max; ++point) r.distribution[point] = counts[point];
            r.mean = sum / r.n;
            // Mirroring on the scale: on 1–7 a 2 counts as a 6.
            scored_sum += statement.reverse ? r.n * (scale.min + scale.max) - sum : sum;
            scored_n += r.n;
        }
        out.statements.push_back(std::move(r));
    }
    if (!out.suppressed && scored_n > 0) out.index = scored_sum / scored_n;
    return out;
}

}  // namespace samling
