// Project log sections and "since last time", from a snapshot. Must not depend on ImGui,
// GLFW, OpenGL or the hub.
#include "ui/log_model.hpp"

#include <algorithm>

#include "ui/group_strip.hpp"
#include "ui/vote_results.hpp"

namespace samling {
namespace {

const FieldDefinition* find_field(const ExerciseDefinition& def, std::string_view field) {
    for (const Step& step : def.steps)
        for (const FieldDefinition& f : step.fields)
            if (f.id == field) return &f;
    return nullptr;
}

std::string field_label(const Workshop& state, std::string_view exercise, std::string_view field, Language lang) {
    const ExerciseDefinition* def = state.catalog().find(exercise);
    const FieldDefinition* f = def ? find_field(*def, field) : nullptr;
    return f ? f->label.in(lang) : std::string(field);
}

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

std::string field_of(const Note& n, std::string_view id) {
    const auto it = n.fields.find(std::string(id));
    return it == n.fields.end() ? std::string() : it->second;
}

std::vector<SinceMeasure> measures_of(const Workshop& state, Id group, std::string_view exercise) {
    const ExerciseRun* latest = nullptr;
    for (const ExerciseRun* run : state.project_log(group))
        if (run->exercise == exercise) latest = run;
    std::vector<SinceMeasure> out;
    if (!latest) return out;
    for (const Note* n : state.notes_of_run(latest->id)) {
        SinceMeasure m{n->text, field_of(*n, measure_owner_field), field_of(*n, measure_start_field)};
        if (!m.owner.empty() || !m.start.empty()) out.push_back(std::move(m));
    }
    // Soonest first; a measure without a date after those with one.
    std::stable_sort(out.begin(), out.end(), [](const SinceMeasure& a, const SinceMeasure& b) {
        if (a.start.empty() != b.start.empty()) return b.start.empty();
        return a.start < b.start;
    });
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

std::vector<SinceGroup> since_last_time(const Workshop& state, Language lang) {
    std::vector<SinceGroup> out;
    for (Id id : group_order(state)) {
        const LeaderGroup* g = state.group(id);
        if (!g) continue;
        SinceGroup sg{id, g->name, g->project, {}};
        for (const SinceSource& src : since_sources) {
            SinceEntry e{field_label(state, src.exercise, src.field, lang),
                         state.latest_conclusion(id, src.exercise, src.field).value_or(""),
                         {}};
            if (src.measures) e.measures = measures_of(state, id, src.exercise);
            if (!e.text.empty() || !e.measures.empty()) sg.entries.push_back(std::move(e));
        }
        out.push_back(std::move(sg));
    }
    return out;
}

}  // namespace samling
