// Status rounds: a phone reports where one of its group's open measures stands.
#include <algorithm>
#include <cmath>

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

Result<Decision> Workshop::decide_(const cmd::ReportIndicator& c, Timestamp now) const {
    auto target = participant_step(c.participant);
    if (!target) return target.error();
    if (target->step->kind != StepKind::status || target->run->writing_locked)
        return make_error(Errc::step_closed, "The current step is not a status round taking reports.");
    const auto known = indicators_->find(c.note);
    IndicatorFigures figures = known == indicators_->end() ? IndicatorFigures{} : known->second;
    for (const auto& [given, kept] : {std::pair{&c.unit, &figures.unit}, std::pair{&c.source, &figures.source}})
        if (*given) {
            auto text = rules::clean_text(**given, max_indicator_text, Errc::text_too_long, true);
            if (!text) return text.error();
            *kept = std::move(text.value());
        }
    for (const auto& [given, kept] : {std::pair{&c.baseline, &figures.baseline}, std::pair{&c.target, &figures.target}})
        if (*given) {
            if (!std::isfinite(**given))
                return make_error(Errc::value_invalid, "\"baseline\" and \"target\" must be finite numbers.");
            *kept = **given;
        }
    return decide_indicator(std::move(target), c.note, c.value, figures, now);
}

Result<Decision> Workshop::decide_(const cmd::EnterIndicator& c, Timestamp now) const {
    return decide_indicator(group_step(c.group), c.note, c.value, std::nullopt, now);
}

Result<Decision> Workshop::decide_indicator(Result<Target> target, Id note, double value,
                                            const std::optional<IndicatorFigures>& figures, Timestamp now) const {
    if (!target) return target.error();
    if (target->step->kind != StepKind::status || target->run->writing_locked)
        return make_error(Errc::step_closed, "The current step is not a status round taking reports.");
    if (!std::isfinite(value)) return make_error(Errc::value_invalid, "\"value\" must be a finite number.");
    const std::vector<OpenMeasure> open = open_measures(*this, *target->run, *target->step);
    const auto it = std::find_if(open.begin(), open.end(),
                                 [&](const OpenMeasure& m) { return m.note->id == note && !m.indicator.empty(); });
    if (it == open.end())
        return make_error(Errc::note_not_found, "No open measure of the group with an indicator has this id.");
    const Id run = indicator_value_key(*this, *target->run, note).first;
    change::IndicatorReported change{
        run, note, {value, now}, figures.value_or(it->figures ? *it->figures : IndicatorFigures{})};
    Decision d = decided(change, note);
    if (it->value) {
        d.created = false;  // one value per measure per gathering: again replaces it
        const IndicatorFigures& before = it->figures ? *it->figures : IndicatorFigures{};
        if (it->value->value == value && before.unit == change.figures.unit && before.source == change.figures.source &&
            before.baseline == change.figures.baseline && before.target == change.figures.target)
            d.changes.clear();
    }
    return d;
}

void Workshop::apply_(const change::IndicatorReported& c) {
    indicators_.write()[c.note] = c.figures;
    indicator_values_.write()[{c.run, c.note}] = c.value;
}

void Workshop::apply_(const change::MeasureReported& c) {
    measure_reports_.write()[{c.run, c.note}] = c.report;
}

const MeasureReport* Workshop::measure_report(Id run, Id note) const {
    const auto it = measure_reports_->find({run, note});
    return it == measure_reports_->end() ? nullptr : &it->second;
}

}  // namespace samling
