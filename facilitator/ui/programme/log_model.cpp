// Project log sections and "since last time", from a snapshot. Must not depend on ImGui,
// GLFW, OpenGL or the hub.
#include "ui/programme/log_model.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/carry_over.hpp"
#include "core/measures.hpp"
#include "core/phrase.hpp"
#include "core/pulse_history.hpp"

#include "ui/board/vote_results.hpp"
#include "ui/panels/group_strip.hpp"

namespace samling {
namespace {

std::string section_heading(const Workshop& state, Id gathering, const ProgrammeStrings& s) {
    const Gathering* g = state.gathering(gathering);
    if (!g) return s.no_gathering;
    std::string heading = gathering_label(s, *g);
    if (!g->title.empty()) heading += " — " + g->title;
    return heading;
}

LogCard card_of(const Workshop& state, const ExerciseRun& run, Language lang, const std::string& data_dir) {
    LogCard card;
    card.run = run.id;
    card.concluded_at = run.concluded_at;
    card.snapshot = snapshot_path(data_dir, run.id);
    const ExerciseDefinition* def = state.definition(run);
    card.title = def ? def->title.in(lang) : run.exercise;
    if (def)
        for (const Step& step : def->steps)
            for (const FieldDefinition& f : step.fields)
                if (const std::string& text = state.conclusion(run.id, f.id); !text.empty())
                    card.fields.push_back({f.label.in(lang), text});
    for (const Note* n : top_voted(state, run, 3)) card.top.push_back({n->text, state.dots_on(n->id)});
    return card;
}

// A recapped note: its text, then its fields' values; the first date is what it sorts by.
struct DatedNote {
    SinceNote note;
    std::string date;  // YYYY-MM-DD, or empty
};

DatedNote since_note(const CarriedNote& n, const ProgrammeStrings& s) {
    DatedNote out{{n.note->text, field_values_line(n.fields, s)}, {}};
    for (const auto& [field, value] : n.fields)
        if (field->kind == NoteFieldDefinition::Kind::date) {
            out.date = value;
            break;
        }
    return out;
}

}  // namespace

std::string snapshot_path(const std::string& data_dir, Id run) {
    if (data_dir.empty()) return {};
    return data_dir + "/snapshots/run-" + std::to_string(run) + ".png";
}

std::vector<LogSection> project_log_sections(const Workshop& state, Id group, Language lang, const ProgrammeStrings& s,
                                             const std::string& data_dir) {
    std::vector<LogSection> sections;
    for (const ExerciseRun* run : state.project_log(group)) {
        auto it = std::find_if(sections.begin(), sections.end(),
                               [&](const LogSection& sec) { return sec.gathering == run->gathering; });
        if (it == sections.end()) {
            sections.push_back({run->gathering, section_heading(state, run->gathering, s), {}});
            it = sections.end() - 1;
        }
        it->cards.push_back(card_of(state, *run, lang, data_dir));
    }
    return sections;
}

std::vector<std::string> pulse_summary_lines(const std::vector<PulseSeries>& pulses, const ProgrammeStrings& s,
                                             Language lang) {
    std::vector<std::string> out;
    for (const PulseSeries& series : pulses) {
        std::string line = series.instrument.title.in(lang) + ":";
        bool first = true;
        for (const PulsePoint& p : series.points) {
            line += (first ? " " : " → ") +
                    (p.gathering_number ? fill(s.gathering_number, {{"n", std::to_string(p.gathering_number)}})
                                        : std::string(s.no_gathering)) +
                    " " + (p.result.index ? decimal_text(*p.result.index, lang) : std::string(s.pulse_too_few)) + " (" +
                    fill(s.pulse_n, {{"n", std::to_string(p.result.respondents)}}) + ")";
            first = false;
        }
        out.push_back(std::move(line));
    }
    return out;
}

std::vector<std::string> indicator_summary_lines(const std::vector<IndicatorSeries>& indicators,
                                                 const ProgrammeStrings& s, Language lang) {
    std::vector<std::string> out;
    for (const IndicatorSeries& i : indicators) {
        std::vector<std::string> parts;
        if (i.baseline)
            parts.push_back(std::string(s.indicator_baseline) + " " + figure_with_unit(*i.baseline, i.unit, lang));
        for (const IndicatorPoint& p : i.values)
            parts.push_back((p.place.gathering_number
                                 ? fill(s.gathering_number, {{"n", std::to_string(p.place.gathering_number)}})
                                 : std::string(s.no_gathering)) +
                            " " + figure_with_unit(p.value, i.unit, lang));
        std::string line = i.name + ":";
        for (std::size_t k = 0; k < parts.size(); ++k) line += (k ? " → " : " ") + parts[k];
        if (i.target) line += " · " + std::string(s.indicator_target) + " " + figure_with_unit(*i.target, i.unit, lang);
        out.push_back(std::move(line));
    }
    return out;
}

std::vector<SinceGroup> since_last_time(const Workshop& state, Language lang) {
    const ProgrammeStrings& s = programme_strings(lang);
    std::vector<SinceGroup> out;
    for (Id id : group_order(state)) {
        const LeaderGroup* g = state.group(id);
        if (!g) continue;
        const std::vector<MeasureTrail> measures = measure_history(state, id);
        std::vector<IndicatorSeries> indicators = indicator_history(state, measures);
        SinceGroup sg{id,
                      g->name,
                      g->project,
                      {},
                      pulse_summary_lines(pulse_history(state, id), s, lang),
                      indicator_summary_lines(indicators, s, lang),
                      std::move(indicators)};
        // A measure's newest status goes beside its owner and date.
        std::map<Id, MeasureStatus> status;
        for (const MeasureTrail& m : measures)
            if (const MeasureStep* now = latest(m)) status[m.note] = now->status;
        for (const RecapItem& item : recap_of(state, id)) {
            SinceEntry e{item.label->in(lang), item.text, {}};
            std::vector<DatedNote> notes;
            for (const CarriedNote& n : item.notes) {
                notes.push_back(since_note(n, s));
                if (const auto it = status.find(n.note->id); it != status.end()) {
                    std::string& details = notes.back().note.details;
                    details += (details.empty() ? "" : " · ") +
                               std::string(s.status_names.at(static_cast<std::size_t>(it->second)));
                }
            }
            // Soonest first; a note without a date after those with one.
            std::stable_sort(notes.begin(), notes.end(), [](const DatedNote& a, const DatedNote& b) {
                if (a.date.empty() != b.date.empty()) return b.date.empty();
                return a.date < b.date;
            });
            for (DatedNote& n : notes) e.notes.push_back(std::move(n.note));
            sg.entries.push_back(std::move(e));
        }
        out.push_back(std::move(sg));
    }
    return out;
}

}  // namespace samling
