// Status rounds: a phone reports where one of its group's open measures stands.
#include <algorithm>

#include "core/measures.hpp"
#include "core/workshop.hpp"
#include "core/workshop_rules.hpp"

namespace samling {

using rules::decided;

Result<Decision> Workshop::decide_(const cmd::ReportMeasure& c, Timestamp now) const {
    auto target = participant_step(c.participant);
    if (!target) return target.error();
    if (target->step->kind != StepKind::status || target->run->writing_locked)
        return make_error(Errc::step_closed, "The current step is not a status round taking reports.");
    const auto status = parse_measure_status(c.status);
    if (!status) return make_error(Errc::status_unknown, "\"status\" must be not_started, started, done or stopped.");
    const std::vector<OpenMeasure> open = open_measures(*this, *target->run, *target->step);
    const auto it = std::find_if(open.begin(), open.end(), [&](const OpenMeasure& m) { return m.note->id == c.note; });
    if (it == open.end()) return make_error(Errc::note_not_found, "No open measure of the group has this id.");
    MeasureReport report{*status, it->report ? it->report->text : std::string(), now};
    if (c.text) {
        auto text = rules::clean_text(*c.text, max_note_characters, Errc::text_too_long, true);
        if (!text) return text.error();
        report.text = std::move(text.value());
    }
    Decision d = decided(change::MeasureReported{target->run->id, c.note, report}, c.note);
    if (it->report) {
        d.created = false;  // a report again replaces this round's earlier one
        if (it->report->status == report.status && it->report->text == report.text) d.changes.clear();
    }
    return d;
}

void Workshop::apply_(const change::MeasureReported& c) {
    measure_reports_.write()[{c.run, c.note}] = c.report;
}

const MeasureReport* Workshop::measure_report(Id run, Id note) const {
    const auto it = measure_reports_->find({run, note});
    return it == measure_reports_->end() ? nullptr : &it->second;
}

}  // namespace samling
