#include "core/measures.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

namespace samling {

std::string_view to_string(MeasureStatus status) {
    switch (status) {
        case MeasureStatus::not_started:
            return "not_started";
        case MeasureStatus::started:
            return "started";
        case MeasureStatus::done:
            return "done";
        case MeasureStatus::stopped:
            return "stopped";
    }
    return "not_started";
}

std::optional<MeasureStatus> parse_measure_status(std::string_view s) {
    for (MeasureStatus m :
         {MeasureStatus::not_started, MeasureStatus::started, MeasureStatus::done, MeasureStatus::stopped})
        if (to_string(m) == s) return m;
    return std::nullopt;
}

std::vector<OpenMeasure> open_measures(const Workshop& w, const ExerciseRun& run, const Step& step) {
    std::vector<OpenMeasure> out;
    for (const ExerciseRun* from : w.project_log(run.group)) {
        if (from->id >= run.id || from->exercise != step.measures_exercise) continue;
        const ExerciseDefinition* def = w.definition(*from);
        for (const Note* n : w.notes_of_run(from->id)) {
            if (n->zone != step.measures_zone || !n->revealed) continue;
            OpenMeasure m{.note = n, .from = from->id, .fields = def ? note_field_values(*def, *n) : NoteFieldValues{}};
            // Earlier rounds of this group, oldest first: the newest report is the one that counts.
            for (const auto& [key, report] : w.measure_reports()) {
                if (key.second != n->id) continue;
                if (key.first == run.id)
                    m.report = &report;
                else if (key.first < run.id && (!m.last || report.at >= m.last->at))
                    m.last = &report;
            }
            if (m.last && closes_measure(m.last->status)) continue;
            for (const auto& [field, value] : m.fields)
                if (field->id == "indicator") m.indicator = text::trim(value);
            if (const auto f = w.indicators().find(n->id); f != w.indicators().end()) m.figures = &f->second;
            if (const auto v = w.indicator_values().find(indicator_value_key(w, run, n->id));
                v != w.indicator_values().end())
                m.value = &v->second;
            out.push_back(std::move(m));
        }
    }
    return out;
}

std::pair<Id, Id> indicator_value_key(const Workshop& w, const ExerciseRun& run, Id note) {
    if (run.gathering != 0)
        for (const auto& [key, value] : w.indicator_values()) {
            if (key.second != note) continue;
            const auto other = w.runs().find(key.first);
            if (other != w.runs().end() && other->second.gathering == run.gathering) return key;
        }
    return {run.id, note};
}

std::optional<double> parse_figure(std::string_view typed) {
    std::string s;
    for (std::size_t i = 0; i < typed.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(typed[i]);
        if (c == ' ' || c == '\t') continue;
        if (typed.substr(i, 2) == "\xC2\xA0") {  // no-break space
            ++i;
            continue;
        }
        if (typed.substr(i, 3) == "\xE2\x80\xAF" || typed.substr(i, 3) == "\xE2\x88\x92") {  // thin space, minus sign
            s += typed[i + 1] == '\x88' ? "-" : "";
            i += 2;
            continue;
        }
        s += c == ',' ? '.' : static_cast<char>(c);
    }
    // Digits with at most one decimal point and a leading minus: nothing strtod would read
    // more into (hex, exponents, inf, nan).
    std::size_t digits = 0, points = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] >= '0' && s[i] <= '9')
            ++digits;
        else if (s[i] == '.')
            ++points;
        else if (!(s[i] == '-' && i == 0))
            return std::nullopt;
    }
    if (digits == 0 || points > 1 || digits > 15) return std::nullopt;
    return std::strtod(s.c_str(), nullptr);
}

std::string format_figure(double value, Language lang) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", value);
    std::string s = buf;
    if (lang != Language::en) std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string figure_with_unit(double value, std::string_view unit, Language lang) {
    std::string out = format_figure(value, lang);
    if (!unit.empty()) out += " " + std::string(unit);
    return out;
}

bool owned_by(const OpenMeasure& m, std::string_view participant_name) {
    if (text::trim(participant_name).empty()) return false;
    for (const auto& [field, value] : m.fields)
        if (field->id == "owner") return text::same_name(text::trim(value), text::trim(participant_name));
    return false;
}

}  // namespace samling
