// Pulse steps: a phone's answers to an instrument's statements, kept under a respondent key
// instead of the participant, so no snapshot, store or export can say whose they are.
#include "core/workshop.hpp"
#include "core/workshop_rules.hpp"

namespace samling {

using rules::decided;

Result<Decision> Workshop::decide_(const cmd::AnswerPulse& c, Timestamp) const {
    auto target = participant_step(c.participant);
    if (!target) return target.error();
    if (target->step->kind != StepKind::pulse || target->run->writing_locked)
        return make_error(Errc::step_closed, "The current step is not a pulse taking answers.");
    const Instrument* instrument = catalog().instrument(target->step->instrument);
    if (!instrument) return make_error(Errc::no_activity, "The pulse's instrument is no longer installed.");
    if (!instrument->statement(c.statement))
        return make_error(Errc::statement_unknown, "The pulse does not ask this statement.");
    if (!instrument->scale.holds(c.value))
        return make_error(Errc::value_out_of_range, "The answer is not on the scale (" +
                                                        std::to_string(instrument->scale.min) + " to " +
                                                        std::to_string(instrument->scale.max) + ").");
    if (c.token.empty()) return make_error(Errc::unauthorized, "A pulse answer needs the phone's token.");
    const std::string respondent = respondent_key(c.token, target->run->id);
    Decision d = decided(change::PulseAnswered{target->run->id, respondent, c.statement, c.value}, c.participant);
    if (const PulseSheet* sheet = pulse_sheet(target->run->id, respondent)) {
        const auto it = sheet->find(c.statement);
        if (it != sheet->end()) {
            d.created = false;  // an answer again replaces the earlier one
            if (it->second == c.value) d.changes.clear();
        }
    }
    return d;
}

void Workshop::apply_(const change::PulseAnswered& c) {
    auto& shared = (pulse_answers_.write())[c.run];
    // Shared with a published snapshot: copy this run's answers alone (as run_notes_for_write).
    auto answers = shared ? std::make_shared<std::map<std::string, PulseSheet>>(*shared)
                          : std::make_shared<std::map<std::string, PulseSheet>>();
    (*answers)[c.respondent][c.statement] = c.value;
    shared = std::move(answers);
}

std::vector<PulseSheet> Workshop::pulse_sheets(Id run) const {
    std::vector<PulseSheet> out;
    const auto it = pulse_answers_->find(run);
    if (it == pulse_answers_->end()) return out;
    out.reserve(it->second->size());
    for (const auto& [respondent, sheet] : *it->second) out.push_back(sheet);
    return out;
}

const PulseSheet* Workshop::pulse_sheet(Id run, std::string_view respondent) const {
    const auto it = pulse_answers_->find(run);
    if (it == pulse_answers_->end()) return nullptr;
    const auto sheet = it->second->find(std::string(respondent));
    return sheet == it->second->end() ? nullptr : &sheet->second;
}

}  // namespace samling
